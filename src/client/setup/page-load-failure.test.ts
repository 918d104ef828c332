// A page whose code does not load is named in <main> instead of leaving the old page silently.
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { installPageLoadFailure, unopenedPage } from './page-load-failure';

const Page = defineComponent({ render: () => h('h1', 'page') });

function routerWithOneMissingPage() {
  let loads = 0;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/andere', component: Page },
      {
        path: '/instellingen',
        // As the browser rejects a lazy chunk offline: a TypeError from import().
        component: () => {
          loads += 1;
          return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
        },
      },
    ],
  });
  installPageLoadFailure(router);
  return { router, loads: () => loads };
}

describe('installPageLoadFailure', () => {
  it('names the page that could not load, and forgets it once another page opens', async () => {
    const { router, loads } = routerWithOneMissingPage();
    await router.push('/');
    expect(unopenedPage.value).toBeNull();

    await expect(router.push('/instellingen?tab=2')).rejects.toThrow(TypeError);
    expect(loads()).toBe(1);
    expect(unopenedPage.value).toBe('/instellingen?tab=2');
    // The router stays where it was: nothing of the missing page was shown.
    expect(router.currentRoute.value.path).toBe('/');

    await router.push('/andere');
    expect(unopenedPage.value).toBeNull();
  });

  it('a redirect or a cancelled navigation is not a page that failed to load', async () => {
    const { router } = routerWithOneMissingPage();
    router.beforeEach((to) => (to.path === '/andere' ? false : true));
    await router.push('/');
    await router.push('/andere');
    expect(unopenedPage.value).toBeNull();
    expect(router.currentRoute.value.path).toBe('/');
  });
});
