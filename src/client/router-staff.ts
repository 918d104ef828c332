/**
 * Routes of the staff area (/beheer, the back office; /balie, the front desk) and
 * the resident's access log. The staff area costs a resident's first load one route record:
 * its real routes, pages, stores and messages are added when it is first entered
 * (pages/beheer/area.ts, router.addRoute), so no staff code is in any resident's first load.
 */
import { inject } from 'vue';
import { routerKey, type RouteRecordRaw } from 'vue-router';

export const staffRoutes: RouteRecordRaw[] = [
  {
    // Stands in for every /beheer path until the area's routes exist; after that it only
    // matches paths the area does not have, and shows "not found".
    path: '/beheer/:rest(.*)*',
    name: 'staff-area',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.pageTitle' },
    async beforeEnter(to) {
      // Guards run in the app's injection context (vue-router runWithContext): read it first.
      const router = inject(routerKey)!;
      const { installStaffArea } = await import('./pages/beheer/area');
      // Navigate again to the same place, now that the area's own route matches it.
      return installStaffArea(router) ? to.fullPath : true;
    },
  },
  {
    // The front desk (/balie), installed the same way on first entry (pages/balie/area.ts).
    path: '/balie/:rest(.*)*',
    name: 'desk-area',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.pageTitle' },
    async beforeEnter(to) {
      const router = inject(routerKey)!;
      const { installDeskArea } = await import('./pages/balie/area');
      return installDeskArea(router) ? to.fullPath : true;
    },
  },
  {
    path: '/mijn-gegevens-ingezien',
    name: 'access-log',
    component: () => import('./pages/access-log/AccessLogPage.vue'),
    // The footer's link text is the page's name: no extra message in the first load.
    meta: { titleKey: 'footer.accessLog', requiresAuth: true },
  },
];
