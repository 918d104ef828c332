// Injected by the server build (scripts/build-server.mjs); 'dev' when run from source.
declare const __LOKET_VERSION__: string | undefined;
export const version = typeof __LOKET_VERSION__ === 'string' ? __LOKET_VERSION__ : 'dev';
