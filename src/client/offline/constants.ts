/** Names shared by the page and the service worker (which cannot share a module instance). */

/** Background Sync tag registered when an item is queued on a personal device (Chromium only). */
export const OUTBOX_SYNC_TAG = 'loket-outbox';

/** postMessage type the service worker sends to its pages after it replayed the outbox. */
export const OUTBOX_CHANGED_MESSAGE = 'loket:outbox-changed';
