/** The PWA's table of contents: each set-up step (setup/) installs one thing. */
import { createApp, createSSRApp } from 'vue';
import './setup/styles';
import App from './App.vue';
import { installPinia } from './setup/pinia';
import { installI18n } from './setup/i18n';
import { installRouter } from './setup/router';
import { installConsortium } from './setup/consortium';
import { installPageChange } from './setup/page-change';
import { installPageLoadFailure } from './setup/page-load-failure';
import { installSessionExpiry } from './setup/session-expiry';
import { installOffline } from './offline/install';
import { installPwa } from './setup/pwa';
import { firstScreenReady, preloadFirstPage } from './setup/first-screen';
import { firstScreenShown } from './setup/after-first-screen';
import { storedLocale } from './i18n';
import { HYDRATE_IN_PARTS, partsFirst } from './server-render/hydrate-in-parts';
import { firstRenderIsTheServers, serverStatePlugin, takeServerState } from './server-render/server-state';
import { yieldToBrowser } from './setup/yield-to-browser';

/**
 * The start in a few tasks instead of one (setup/yield-to-browser.ts): loading the code, the
 * stores and messages, the router and its first navigation, and drawing the first screen.
 */
async function start(): Promise<void> {
  await yieldToBrowser();
  // A first screen the server rendered (server-render/): the app starts from the same state and
  // takes over the page the server drew (hydration) instead of drawing it again, which halves the
  // mount on a slow phone (server-render/server-state.ts).
  const serverState = takeServerState(storedLocale());
  const takeOver = serverState !== null && firstRenderIsTheServers();
  const app = takeOver ? createSSRApp(App) : createApp(App);
  // In parts, each in a task of its own (server-render/hydrate-in-parts.ts).
  app.provide(HYDRATE_IN_PARTS, takeOver);
  const pinia = installPinia(app);
  if (serverState) pinia.use(serverStatePlugin(serverState));
  const { i18n, ready: languageReady } = installI18n(app);
  await yieldToBrowser();
  const router = installRouter(app, pinia);
  if (takeOver) partsFirst(router);
  preloadFirstPage(router);
  await yieldToBrowser();
  installConsortium(pinia);
  installPageChange(router, i18n, pinia);
  installPageLoadFailure(router);
  installSessionExpiry(pinia, router);
  installOffline(pinia, router);
  installPwa();

  // Painted once, complete (setup/first-screen.ts says why).
  await firstScreenReady(pinia, router, languageReady, { rendered: serverState !== null });
  await yieldToBrowser();
  app.mount('#app');
  firstScreenShown();
}

void start();
