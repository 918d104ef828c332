/**
 * The browser takes over a page the server rendered by hydrating it (main.ts): Vue reuses the
 * server's elements instead of drawing the page again. That is only right when the browser's
 * first render is the server's, to the attribute: Vue's production build repairs a different
 * element or text, but leaves a different attribute as the server wrote it. Here each rendered
 * page is rendered as the server does (entry.ts), then hydrated as main.ts does, with Vue's
 * development build, which reports every mismatch.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSSRApp } from 'vue';
import { createMemoryHistory } from 'vue-router';

/**
 * In a document (this test's happy-dom) vue-router starts at its history's location as soon as
 * an app installs it, which the server (Node, no document) never does: starting at "/" there
 * redirects, and that cancels the entry's own navigation. So the memory history the entry makes
 * starts where the page is, as the server's first navigation goes.
 */
let startAt = '/';
vi.mock('vue-router', async (original) => {
  const router = await original<typeof import('vue-router')>();
  return {
    ...router,
    createMemoryHistory: (base?: string) => {
      const history = router.createMemoryHistory(base);
      history.replace(startAt);
      return history;
    },
  };
});
import App from '../App.vue';
import { createAppI18n } from '../i18n';
import { createAppRouter } from '../router';
import { installPinia } from '../setup/pinia';
import { catalog } from '../components/appointments/testing';
import { config, detail, freezeToday, me, summary } from '../testing/harness';
import { render } from './entry';
import { HYDRATE_IN_PARTS, partsFirst } from './hydrate-in-parts';
import { serverStatePlugin } from './server-state';

const application = detail();
const answers = new Map<string, unknown>([
  ['/api/session', { me }],
  ['/api/config', config],
  ['/api/notifications/unread', { unread: 2 }],
  ['/api/applications', { applications: [summary({ id: application.id }), summary({ id: 'b2c3' })] }],
  [`/api/applications/${application.id}`, application],
  ['/api/appointments/types', catalog],
]);

beforeEach(() => {
  freezeToday();
  // Whatever the taken-over page asks afterwards (the outbox, a later refresh) never answers:
  // this is about its first render only.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => new Promise(() => undefined)),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** A visitor who is not signed in: the start page. */
const signedOut = new Map<string, unknown>([
  ['/api/session', { me: null }],
  ['/api/config', config],
]);

async function hydrate(url: string, given: ReadonlyMap<string, unknown>, { goTo }: { goTo?: string } = {}) {
  startAt = url;
  const page = await render(url, 'nl', given);
  if (!page) throw new Error(`${url} was not rendered`);
  document.body.innerHTML = `<div id="app">${page.html}</div>`;
  const serverHeading = document.querySelector('h1');

  const app = createSSRApp(App);
  app.provide(HYDRATE_IN_PARTS, true);
  const problems: string[] = [];
  app.config.warnHandler = (message) => problems.push(message);
  const error = vi.spyOn(console, 'error').mockImplementation((message: unknown) => problems.push(String(message)));
  const pinia = installPinia(app);
  pinia.use(serverStatePlugin(page.state.stores));
  const { i18n, ready } = createAppI18n('nl');
  app.use(i18n);
  const router = createAppRouter(pinia, createMemoryHistory());
  app.use(router);
  partsFirst(router);
  await ready;
  await router.push(url);
  await router.isReady();
  // The page to go to is loaded already, as the boot script's preloads make likely: its change
  // then completes within the task that asked for it.
  if (goTo)
    for (const record of router.resolve(goTo).matched)
      for (const component of Object.values(record.components ?? {}))
        if (typeof component === 'function') await (component as () => Promise<unknown>)();
  app.mount('#app');
  // A page change asked for at once, in the same task (a tap on the menu, as soon as it works).
  const navigation = goTo ? router.push(goTo) : undefined;
  // The page in <main> and the footer are taken over in a task of their own (hydrate-in-parts.ts).
  const takenOverWithTheFrame = takenOver(document.querySelector('main h1'));
  await vi.waitFor(() => {
    if (!takenOver(document.querySelector('main h1')) || !takenOver(document.querySelector('footer')))
      throw new Error('not yet');
  });
  await navigation;
  await vi.waitFor(() => {
    if (goTo && router.currentRoute.value.path !== goTo) throw new Error('not yet');
  });
  error.mockRestore();
  return { problems, serverHeading, app, takenOverWithTheFrame };
}

/** Whether Vue has attached to this element of the server's (its development build marks them). */
function takenOver(element: Element | null): boolean {
  return element !== null && '__vnode' in element;
}

describe('a page the server rendered, taken over by the browser', () => {
  it.each([
    ['the start page, signed out', '/', signedOut],
    ['the start page after a session ended', '/?reden=verlopen&terug=%2Fafspraken', signedOut],
    ['the list', '/aanvragen', answers],
    ['one application', `/aanvragen/${application.id}`, answers],
    ["the booking page's first step", '/afspraken/maken', answers],
  ])('%s: the first render matches the server to the attribute, and keeps its elements', async (_name, url, given) => {
    const { problems, serverHeading, app, takenOverWithTheFrame } = await hydrate(url, given);
    expect(problems).toEqual([]);
    // The frame first, the page in a task of its own: no one long task for the whole page.
    expect(takenOverWithTheFrame).toBe(false);
    expect(serverHeading).not.toBeNull();
    // Hydrated, not drawn again: the heading the server sent is still the one in the page.
    expect(document.querySelector('h1')).toBe(serverHeading);
    app.unmount();
  });

  it('a page change asked for before the parts are taken over waits for them, then happens', async () => {
    // The footer stays across page changes and links to this page: taken over after the change,
    // it would keep the server's marks of the page before (its link not marked as the current page).
    const { problems, app } = await hydrate(`/aanvragen/${application.id}`, answers, { goTo: '/toegankelijkheid' });
    expect(problems).toEqual([]);
    expect(document.querySelectorAll('main h1')).toHaveLength(1);
    expect(document.querySelector('footer a[aria-current="page"]')?.textContent).toContain('Toegankelijkheid');
    app.unmount();
  });
});
