/**
 * The contract between the render bundle (src/client/server-render/entry.ts, built into
 * dist/render) and the server that runs it (src/server/server-render/): one definition for both,
 * since the server is compiled apart from the client and imports the bundle at run time.
 */
import type { Locale } from './languages';

/**
 * The pages rendered on the server (issue 16 measures these): the start page (for a visitor who is
 * not signed in), "Mijn aanvragen", one application, and the booking page's first step (what the
 * appointment is for; a later step or a move, with its query, gets the plain app).
 */
const START_PAGE = /^\/$/;
const RENDERED_PAGES = [START_PAGE, /^\/aanvragen\/?$/, /^\/aanvragen\/[^/]+\/?$/, /^\/afspraken\/maken\/?$/];

/** Whether the server renders the first screen of `pathname` (the start page signed out, the others signed in). */
export const isRenderedPage = (pathname: string): boolean => RENDERED_PAGES.some((page) => page.test(pathname));

/** The start page (its path, with or without a query): rendered for a visitor who is not signed in. */
export const isStartPage = (url: string): boolean => START_PAGE.test(url.split('?')[0] ?? '');

/**
 * A service worker that has the app installed asks for a rendered page through its navigation
 * preload (src/client/sw.ts). The request's Service-Worker-Navigation-Preload header carries the
 * revision of the worker's index.html (the MD5 Workbox precaches it under); the server renders
 * only for a worker of its own build, and says so in this response header with the same revision.
 * A worker of another build gets 204 and answers with its own shell, so an update still waits
 * for the resident to accept it.
 */
export const SHELL_REVISION_HEADER = 'loket-shell-revision';

/**
 * A rendered page's own code (index.html's entry script and its modulepreloads), moved by the
 * server into a <template> of this id: inert there, so on a slow line it does not compete with
 * the page's first paint. The boot script (src/client/boot/boot.ts) starts it right after that
 * paint.
 */
export const DEFERRED_CODE_ELEMENT_ID = 'loket-deferred-code';

/** What the server hands the browser beside the HTML, in the state element. */
export interface ServerRenderedState {
  /** The language the HTML is in: the app starts from this state only when it shows the same */
  locale: string;
  /** The stores' state after the render, by store id */
  stores: Record<string, unknown>;
}

/** A first screen drawn on the server. */
export interface RenderedPage {
  /** What goes inside <div id="app"> */
  html: string;
  /** The tab's title, as the app would set it */
  title: string;
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The source modules of the components drawn: their files are in the build's SSR manifest */
  modules: string[];
  /** For the state element */
  state: ServerRenderedState;
}

/** What the render bundle exports. */
export interface RenderBundle {
  /** The id of the state element the app starts from in the browser */
  STATE_ELEMENT_ID: string;
  /** The API GETs the page's first screen needs; null when the page is not rendered on the server */
  requestsFor(pathname: string): string[] | null;
  /** The page, or null when the plain app should answer */
  render(url: string, locale: Locale, answers: ReadonlyMap<string, unknown>): Promise<RenderedPage | null>;
}
