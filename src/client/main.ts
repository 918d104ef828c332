/** The PWA's table of contents: each module installs one thing. */
import { createApp } from 'vue';
import './modules/styles';
import App from './App.vue';
import { installPinia } from './modules/pinia';
import { installI18n } from './modules/i18n';
import { installRouter } from './modules/router';
import { installConsortium } from './modules/consortium';
import { installPageChange } from './modules/page-change';
import { installSessionExpiry } from './modules/session-expiry';
import { installOffline } from './offline/install';
import { installPwa } from './modules/pwa';
import { firstScreenReady, preloadFirstPage } from './modules/first-screen';
import { firstScreenShown } from './modules/after-first-screen';

const app = createApp(App);

const pinia = installPinia(app);
const { i18n, ready: languageReady } = installI18n(app);
const router = installRouter(app, pinia);
preloadFirstPage(router);
installConsortium(pinia);
installPageChange(router, i18n, pinia);
installSessionExpiry(pinia, router);
installOffline(pinia, router);
installPwa();

// Painted once, complete (modules/first-screen.ts says why).
void firstScreenReady(pinia, router, languageReady).then(() => {
  app.mount('#app');
  firstScreenShown();
});
