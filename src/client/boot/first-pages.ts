/**
 * Which page a path shows first: the boot script (boot.ts) starts downloading that page's code
 * with the HTML, beside the app's entry, instead of after it (issue 16: on a cold phone the
 * entry, then the page, were two round trips one after the other). The build
 * (src/client/build/boot-script.ts) turns each page module into its built files.
 *
 * Two lists in the same order, so the boot script carries the patterns and not the module names.
 * Kept in step with the router (src/client/router.ts) by first-pages.test.ts. A path this table
 * does not know simply loads its page when the router asks, as before. Staff areas load their own
 * routes first, so they are not here.
 */
export const FIRST_PAGE_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/aanvragen\/?$/,
  /^\/aanvragen\/[^/]+\/?$/,
  /^\/aanvragen\/[^/]+\/documenten\/?$/,
  /^\/afspraken\/?$/,
  /^\/afspraken\/maken\/?$/,
  /^\/berichten\/?$/,
];

export const FIRST_PAGE_MODULES: readonly string[] = [
  'src/client/pages/start/StartPage.vue',
  'src/client/pages/applications/ApplicationsPage.vue',
  'src/client/pages/applications/ApplicationDetailPage.vue',
  'src/client/pages/documents/DocumentsPage.vue',
  'src/client/pages/appointments/AppointmentsPage.vue',
  'src/client/pages/appointments/BookingPage.vue',
  'src/client/pages/notifications/InboxPage.vue',
];

/** The index of the page `pathname` shows (in both lists), or -1. */
export function firstPageOf(pathname: string): number {
  return FIRST_PAGE_PATHS.findIndex((pattern) => pattern.test(pathname));
}
