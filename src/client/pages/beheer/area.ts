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
import AccountsPage from './AccountsPage.vue';
import WorklistPage from './WorklistPage.vue';
import AgendaPage from './planning/AgendaPage.vue';
import ClosuresPage from './planning/ClosuresPage.vue';
import HomeVisitsPage from './planning/HomeVisitsPage.vue';
import SessionsPage from './SessionsPage.vue';

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
        component: WorklistPage,
        meta: { titleKey: 'staff.home.pageTitle' },
      },
      {
        path: 'zaken/:caseId',
        name: 'beheer-case',
        component: CasePage,
        props: true,
        meta: { titleKey: 'staff.case.pageTitle' },
      },
      // The planner's screens (issue 5 point 7)
      {
        path: 'agenda',
        name: 'beheer-agenda',
        component: AgendaPage,
        meta: { titleKey: 'staff.planning.agenda.title' },
      },
      {
        path: 'sluitingen',
        name: 'beheer-closures',
        component: ClosuresPage,
        meta: { titleKey: 'staff.planning.closures.title' },
      },
      {
        path: 'huisbezoeken',
        name: 'beheer-home-visits',
        component: HomeVisitsPage,
        meta: { titleKey: 'staff.planning.visits.title' },
      },
      {
        path: 'accounts',
        name: 'beheer-accounts',
        component: AccountsPage,
        meta: { titleKey: 'staff.admin.accounts.pageTitle' },
      },
      {
        path: 'sessies',
        name: 'beheer-sessions',
        component: SessionsPage,
        meta: { titleKey: 'staff.admin.sessions.pageTitle' },
      },
    ],
  });
  return true;
}
