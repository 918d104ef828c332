/**
 * What the first screen of a path needs from the server: the boot script (boot.ts) starts those
 * requests with the HTML, before the app's entry has even arrived (issue 16). Kept in step with
 * the router (src/client/router.ts) by first-requests.test.ts; a path this table does not know
 * simply starts less early.
 *
 * Only GET requests whose answer the app would ask for anyway at start, with nothing personal
 * kept anywhere: the answers live in the page's memory until the app takes them (once, and only
 * shortly after: src/client/api/early-answers.ts).
 */

/** The staff areas load their own session; the resident's is never asked there. */
const STAFF_AREA = /^\/(beheer|balie)(\/|$)/;

/** The pages only a signed-in resident sees (the router's requiresAuth): they show the unread count. */
const SIGNED_IN = /^\/(aanvragen|afspraken|wacht-op-verzenden|berichten|instellingen\/meldingen|elders)(\/|$)/;

/** The path's segment as the router hands it to the page, encoded again as the API client does. */
const idParam = (segment: string): string | null => {
  try {
    return encodeURIComponent(decodeURIComponent(segment));
  } catch {
    return null; // a broken escape: the router will show "not found"
  }
};

/**
 * A page's own data, for the pages whose first screen is that data (issue 16): what the page's
 * store asks for when it opens (stores/applications.ts, documents.ts, appointments.ts, notifications.ts).
 */
const PAGE_DATA: Array<[RegExp, (param: string) => string[]]> = [
  [/^\/aanvragen\/?$/, () => ['/api/applications']],
  [/^\/aanvragen\/([^/]+)\/?$/, (id) => (idParam(id) ? [`/api/applications/${idParam(id)}`] : [])],
  [
    /^\/aanvragen\/([^/]+)\/documenten\/?$/,
    (id) => (idParam(id) ? [`/api/applications/${idParam(id)}/documents`] : []),
  ],
  [/^\/afspraken\/?$/, () => ['/api/appointments', '/api/home-visits']],
  [/^\/afspraken\/maken\/?$/, () => ['/api/appointments/types']],
  [/^\/berichten\/?$/, () => ['/api/notifications']],
];

/** The API paths (GET) to start for `pathname`. */
export function firstRequestsOf(pathname: string): string[] {
  if (STAFF_AREA.test(pathname)) return ['/api/config'];
  const requests = ['/api/config', '/api/session'];
  if (!SIGNED_IN.test(pathname)) return requests;
  requests.push('/api/notifications/unread');
  for (const [pattern, data] of PAGE_DATA) {
    const match = pattern.exec(pathname);
    if (match) requests.push(...data(match[1] ?? ''));
  }
  return requests;
}
