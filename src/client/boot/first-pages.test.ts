/**
 * The boot script's page table agrees with the router: each path it knows shows the page whose
 * code it preloads, and the two lists have one entry per page.
 */
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../router';
import { FIRST_PAGE_MODULES, FIRST_PAGE_PATHS, firstPageOf } from './first-pages';

const ID = '0b6f1d4e-1111-4c3a-9d7e-000000000001';

describe('the first page of a path', () => {
  it('has a module for every pattern', () => {
    expect(FIRST_PAGE_MODULES).toHaveLength(FIRST_PAGE_PATHS.length);
  });

  it.each([
    ['/', 'src/client/pages/start/StartPage.vue'],
    ['/aanvragen', 'src/client/pages/applications/ApplicationsPage.vue'],
    [`/aanvragen/${ID}`, 'src/client/pages/applications/ApplicationDetailPage.vue'],
    [`/aanvragen/${ID}/documenten`, 'src/client/pages/documents/DocumentsPage.vue'],
    ['/afspraken', 'src/client/pages/appointments/AppointmentsPage.vue'],
    ['/afspraken/maken', 'src/client/pages/appointments/BookingPage.vue'],
    ['/berichten', 'src/client/pages/notifications/InboxPage.vue'],
  ])('%s shows the router’s page', async (path, module) => {
    const index = firstPageOf(path);
    expect(FIRST_PAGE_MODULES[index]).toBe(module);
    const router = createAppRouter(createPinia(), createMemoryHistory());
    const record = router.resolve(path).matched.at(-1)!;
    const lazy = record.components!.default as () => Promise<{ default: unknown }>;
    const [routed, listed] = await Promise.all([lazy(), import(/* @vite-ignore */ `/${module}`)]);
    expect(routed.default).toBe((listed as { default: unknown }).default);
  });

  it('knows no page for the staff areas, another page, or a path the router does not have', () => {
    for (const path of ['/beheer', '/balie', '/afspraken/huisbezoek', '/toegankelijkheid', '/bestaat-niet'])
      expect(firstPageOf(path), path).toBe(-1);
  });
});
