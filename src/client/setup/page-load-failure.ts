/**
 * A page whose code cannot be loaded: offline with a page that is not on this device (the
 * install holds only pages that work offline, issue 16), a connection that drops mid-load, or a
 * new version that removed the old files. Without this, vue-router leaves the resident on the
 * previous page without a word (or, on a first load, on an empty page). Now <main> says the
 * page cannot be opened and offers to try again (components/PageUnavailable.vue).
 *
 * Every error that reaches router.onError is such a case: redirects and cancelled navigations
 * are navigation failures, not errors, and never get here.
 */
import { nextTick, shallowRef } from 'vue';
import type { Router } from 'vue-router';
import { focusPageHeading } from './page-heading';

/** The path of the page that could not be opened, while <main> says so; null otherwise. */
export const unopenedPage = shallowRef<string | null>(null);

export function installPageLoadFailure(router: Router): void {
  router.onError((_error, to) => {
    unopenedPage.value = to.fullPath;
    // As a page change does: reading starts at the message (its h1).
    void nextTick(focusPageHeading);
  });
  router.afterEach((_to, _from, failure) => {
    if (!failure) unopenedPage.value = null;
  });
}
