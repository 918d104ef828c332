/**
 * The element that carries a server-rendered page's store state to the browser (issue 16): a
 * JSON data block, which the browser never runs (so the page's Content-Security-Policy is
 * untouched). The server writes it first in <head>, before the boot script, which sees it and
 * leaves the first requests to the app.
 */
export const STATE_ELEMENT_ID = 'loket-server-state'; // written out in boot/boot.ts too

export type { ServerRenderedState } from '../../domain/server-render';
