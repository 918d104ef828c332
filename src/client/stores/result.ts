/** What a store action came to, for the page that asked: the answer, or the error code to show. */
export type Result<T> = { ok: true; value: T } | { ok: false; code: string };
