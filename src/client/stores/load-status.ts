/** Where a store is with loading one thing from the API. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
