/**
 * What a screen reader user needs on every page change in a single-page app: a new document
 * title ("<page> - <consortium>"), and focus on the page's h1 so reading starts at the new
 * content instead of wherever the old focus was. Not on the first load: then the browser
 * already starts at the top of a fresh document.
 */
import { nextTick, watch } from 'vue';
import type { Pinia } from 'pinia';
import { START_LOCATION, type Router } from 'vue-router';
import type { AppI18n } from '../i18n';
import { useConfigStore } from '../stores/config';
import { focusPageHeading } from './page-heading';
import { unopenedPage } from './page-load-failure';

type Translate = AppI18n['global']['t'];

/** "<page> - <consortium>": the tab's title, also written by the server (server-render/entry.ts). */
export function documentTitle(t: Translate, pageKey: string, shortName: string | null): string {
  return `${t(pageKey)} - ${shortName ?? t('app.name')}`;
}

export function installPageChange(router: Router, i18n: AppI18n, pinia: Pinia): void {
  const config = useConfigStore(pinia);
  const { t } = i18n.global;

  function updateTitle(): void {
    // A page whose code could not load shows its message instead (setup/page-load-failure.ts).
    const page = unopenedPage.value ? 'pageUnavailable.title' : (router.currentRoute.value.meta.titleKey ?? 'app.name');
    document.title = documentTitle(t, page, config.shortName);
  }

  router.afterEach((to, from, failure) => {
    if (failure) return;
    updateTitle();
    if (from === START_LOCATION) return;
    void nextTick(focusPageHeading);
  });

  watch([i18n.global.locale, () => config.shortName, unopenedPage], updateTitle);
}
