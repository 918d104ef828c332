/**
 * What the render bundle (dist/render/entry.js, built from src/client/server-render/entry.ts)
 * offers the server. Written out here because the server is compiled apart from the client: the
 * server test renders through the real bundle, so a change on one side that the other does not
 * follow fails there.
 */
import type { Locale } from '../../domain/languages';

export { isLocale, LANGUAGE_COOKIE } from '../../domain/languages';

export interface RenderedPage {
  html: string;
  title: string;
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The source modules of the components drawn: their files are in the build's SSR manifest */
  modules: string[];
  state: unknown;
}

export interface RenderBundle {
  /** The element id of the state the app starts from in the browser */
  STATE_ELEMENT_ID: string;
  /** The API GETs the page's first screen needs; null when the page is not rendered on the server */
  requestsFor(pathname: string): string[] | null;
  render(url: string, locale: Locale, answers: ReadonlyMap<string, unknown>): Promise<RenderedPage | null>;
}
