/**
 * The server's rendering of a signed-in resident's first screen (issue 16). Built by
 * `vite build --ssr` into dist/render and run by the server (src/server/server-render/), so a
 * phone on a slow connection shows the status of its applications as soon as the HTML is in,
 * instead of after the app's code has arrived and run; the app then draws the same page in
 * its place, from the same state (server-render/server-state.ts).
 *
 * Only the pages whose first screen is the resident's data (isRenderedPage), for the browser's
 * first page and, through the service worker's navigation preload, for every later visit that
 * opens on one of them (src/client/sw.ts).
 * The server looks up the same GET answers the app would ask for (boot/first-requests.ts) and
 * hands them in; the stores hold them before the render, and the API client never sends a
 * request here (api/http.ts). Nothing here may keep state outside the app made for one render:
 * the bundle serves every resident in turn.
 */
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createMemoryHistory } from 'vue-router';
import type { StoreGeneric } from 'pinia';
import type { ApplicationDetail, ApplicationList, PublicConfig, SessionCheck } from '../../domain/api';
import type { AppointmentTypeList } from '../../domain/appointments-api';
import type { UnreadCount } from '../../domain/notification-api';
import App from '../App.vue';
import { firstRequestsOf } from '../boot/first-requests';
import { createAppI18n, DIRECTION, type Locale } from '../i18n';
import { createAppRouter } from '../router';
import { documentTitle } from '../setup/page-change';
import { installPinia } from '../setup/pinia';
import { useApplicationsStore } from '../stores/applications';
import { useAppointmentsStore } from '../stores/appointments';
import { useConfigStore } from '../stores/config';
import { useInboxCountStore } from '../stores/inbox-count';
import { useSessionStore } from '../stores/session';
import { DEVICE_MODE_QUERY_PARAMETER } from '../../domain/device-mode';
import { isRenderedPage, isStartPage, type RenderedPage } from '../../domain/server-render';
import { HYDRATE_IN_PARTS } from './hydrate-in-parts';

const APPLICATION = /^\/api\/applications\/([^/]+)$/;

/** The GET answers (JSON bodies) the first screen of `pathname` needs; null when it is not rendered here. */
export function requestsFor(pathname: string): string[] | null {
  return isRenderedPage(pathname) ? firstRequestsOf(pathname) : null;
}

/**
 * Renders `url` for the resident whose answers these are (200 answers by API path, every path
 * requestsFor named). Null when the app would not show this page's content at once: nobody
 * signed in (but on the start page), someone signed in on the start page (the app sends them on),
 * a kiosk's set-up address, a resident of a municipality that does not take part, a front-desk employee
 * helping (their banner loads apart), or the router sending the visitor elsewhere. The server
 * then sends the plain app, which handles all of those as it always did.
 */
export async function render(
  url: string,
  locale: Locale,
  answers: ReadonlyMap<string, unknown>,
): Promise<RenderedPage | null> {
  const { me } = answers.get('/api/session') as SessionCheck;
  // The start page is for a visitor who is not signed in; every other rendered page for a resident.
  if (me ? me.elsewhere || me.assist : !isStartPage(url)) return null;

  const app = createSSRApp(App);
  // The same parts as the browser that takes the page over (hydrate-in-parts.ts): each part is a
  // boundary for the ids useId() gives (a label's "for"), which must come out the same on both sides.
  app.provide(HYDRATE_IN_PARTS, true);
  const pinia = installPinia(app);
  const { i18n, ready } = createAppI18n(locale);
  app.use(i18n);
  const router = createAppRouter(pinia, createMemoryHistory());
  app.use(router);

  const session = useSessionStore(pinia);
  session.$patch(me ? { me, status: 'authenticated', hadSession: true } : { me: null, status: 'anonymous' });
  const config = useConfigStore(pinia);
  config.$patch({ config: answers.get('/api/config') as PublicConfig, status: 'ready' });
  const filled: StoreGeneric[] = [session, config];
  const unread = answers.get('/api/notifications/unread') as UnreadCount | undefined;
  if (unread) {
    const inbox = useInboxCountStore(pinia);
    inbox.unread = unread.unread;
    filled.push(inbox);
  }
  // The page's own data, in the store that holds it. Only these stores go into the state: a store
  // the page merely touched here (its loads never answer on the server: api/http.ts) starts empty
  // in the browser and loads there as usual.
  for (const [path, body] of answers) {
    if (path === '/api/applications') {
      const applications = useApplicationsStore(pinia);
      applications.$patch({ applications: (body as ApplicationList).applications, listStatus: 'ready' });
      filled.push(applications);
    }
    const id = APPLICATION.exec(path)?.[1];
    if (id) {
      const applications = useApplicationsStore(pinia);
      applications.$patch({
        detail: body as ApplicationDetail,
        detailId: decodeURIComponent(id),
        detailStatus: 'ready',
      });
      filled.push(applications);
    }
    if (path === '/api/appointments/types') {
      const appointments = useAppointmentsStore(pinia);
      appointments.catalog = body as AppointmentTypeList;
      filled.push(appointments);
    }
  }

  await ready;
  await router.push(url);
  await router.isReady();
  // The guard may have sent the visitor elsewhere (the page is not theirs to see now).
  const route = router.currentRoute.value;
  if (route.redirectedFrom || !isRenderedPage(route.path)) return null;
  // The booking page's later steps and a move (?stap=, ?verzet=) wait for the free times, which
  // the server does not look up: the plain app shows those.
  if (route.name === 'appointment-book' && Object.keys(route.query).length > 0) return null;
  // A library's kiosk address (/?apparaat=gedeeld) changes this device's mode as the app starts,
  // which the server cannot do: the plain app shows it.
  if (route.name === 'start' && DEVICE_MODE_QUERY_PARAMETER in route.query) return null;

  // Vue's compiled components note their source modules here: the server links their styles.
  const context: { modules?: Set<string> } = {};
  const html = await renderToString(app, context);
  return {
    html,
    title: documentTitle(i18n.global.t, route.meta.titleKey, config.shortName),
    lang: locale,
    dir: DIRECTION[locale],
    modules: [...(context.modules ?? [])],
    state: { locale, stores: Object.fromEntries(filled.map((s) => [s.$id, s.$state])) },
  };
}

export { STATE_ELEMENT_ID } from './state-element';
