/**
 * The staff area, installed on first entry (router-staff.ts): its routes added to the router
 * (its messages are merged by BeheerLayout). This module and everything it imports form the
 * staff chunk, loaded only under /beheer.
 *
 * The pages are imported statically, not with import(): a dynamic import in a chunk that the
 * entry loads dynamically makes the bundler (rolldown, Vite 8) move Vite's preload helper and
 * more out of the entry into chunks of their own, which grows every resident's first load
 * (see also offline/document-uploads.ts). Staff work on desktops; one chunk is fine for them.
 */
import type { Router } from 'vue-router';
import BeheerLayout from './BeheerLayout.vue';
import CasePage from './CasePage.vue';
import CaseSearchPage from './CaseSearchPage.vue';

/** Adds the area once; true when it was added now (the caller then navigates again). */
export function installStaffArea(router: Router): boolean {
  if (router.hasRoute('beheer')) return false;
  router.addRoute({
    path: '/beheer',
    component: BeheerLayout,
    children: [
      {
        path: '',
        name: 'beheer',
        component: CaseSearchPage,
        meta: { titleKey: 'staff.home.pageTitle' },
      },
      {
        path: 'zaken/:caseId',
        name: 'beheer-case',
        component: CasePage,
        props: true,
        meta: { titleKey: 'staff.case.pageTitle' },
      },
    ],
  });
  return true;
}
