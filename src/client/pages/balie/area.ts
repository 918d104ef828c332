/**
 * The front-desk area (/balie), installed on first entry (router-staff.ts) like the back office
 * (pages/beheer/area.ts): its routes are added to the router, its messages merged by
 * BalieLayout. This module and what it imports form the front-desk chunk, loaded only under
 * /balie. Pages are imported statically for the reason given in pages/beheer/area.ts.
 */
import type { Router } from 'vue-router';
import BalieLayout from './BalieLayout.vue';
import BaliePage from './BaliePage.vue';

/** Adds the area once; true when it was added now (the caller then navigates again). */
export function installDeskArea(router: Router): boolean {
  if (router.hasRoute('balie')) return false;
  router.addRoute({
    path: '/balie',
    component: BalieLayout,
    children: [{ path: '', name: 'balie', component: BaliePage, meta: { titleKey: 'balie.pageTitle' } }],
  });
  return true;
}
