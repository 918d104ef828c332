/**
 * Every page of the PWA, by name. Paths are Dutch because residents see and share them;
 * code refers to routes by name. Pages are loaded lazily, so a phone on prepaid data
 * downloads only what it shows.
 */
import type { Pinia } from 'pinia';
import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type RouteLocationNormalized,
  type RouterHistory,
  type RouteRecordRaw,
} from 'vue-router';
import { staffRoutes } from './router-staff';
import { kioskRoute } from './session/kiosk-route';
import { useDeviceStore } from './stores/device';
import { useSessionStore } from './stores/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page's name, for document.title */
    titleKey: string;
    /** Only for a signed-in resident whose municipality takes part */
    requiresAuth?: boolean;
    /** Only for someone not signed in (the start page with the login button) */
    guestOnly?: boolean;
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'start',
    component: () => import('./pages/start/StartPage.vue'),
    meta: { titleKey: 'start.pageTitle', guestOnly: true },
  },
  {
    path: '/aanvragen',
    name: 'applications',
    component: () => import('./pages/applications/ApplicationsPage.vue'),
    meta: { titleKey: 'applications.pageTitle', requiresAuth: true },
  },
  {
    path: '/aanvragen/:id',
    name: 'application',
    component: () => import('./pages/applications/ApplicationDetailPage.vue'),
    props: true,
    meta: { titleKey: 'detail.pageTitle', requiresAuth: true },
  },
  {
    path: '/aanvragen/:id/documenten',
    name: 'application-documents',
    component: () => import('./pages/documents/DocumentsPage.vue'),
    props: true,
    meta: { titleKey: 'documents.pageTitle', requiresAuth: true },
  },
  {
    path: '/aanvragen/:id/bezwaar',
    name: 'application-objection',
    component: () => import('./pages/objection/ObjectionPage.vue'),
    props: true,
    meta: { titleKey: 'objection.pageTitle', requiresAuth: true },
  },
  {
    path: '/afspraken',
    name: 'appointments',
    component: () => import('./pages/appointments/AppointmentsPage.vue'),
    meta: { titleKey: 'appointments.pageTitle', requiresAuth: true },
  },
  {
    path: '/afspraken/maken',
    name: 'appointment-book',
    component: () => import('./pages/appointments/BookingPage.vue'),
    meta: { titleKey: 'appointments.bookTitle', requiresAuth: true },
  },
  {
    path: '/afspraken/huisbezoek',
    name: 'home-visit',
    component: () => import('./pages/appointments/HomeVisitPage.vue'),
    meta: { titleKey: 'appointments.homeVisitTitle', requiresAuth: true },
  },
  {
    path: '/afspraken/:id',
    name: 'appointment',
    component: () => import('./pages/appointments/AppointmentPage.vue'),
    props: true,
    meta: { titleKey: 'appointments.detailTitle', requiresAuth: true },
  },
  {
    path: '/wacht-op-verzenden',
    name: 'outbox',
    component: () => import('./pages/outbox/OutboxPage.vue'),
    meta: { titleKey: 'outbox.pageTitle', requiresAuth: true },
  },
  {
    path: '/berichten',
    name: 'inbox',
    component: () => import('./pages/notifications/InboxPage.vue'),
    meta: { titleKey: 'header.inbox', requiresAuth: true },
  },
  {
    path: '/instellingen/meldingen',
    name: 'notification-settings',
    component: () => import('./pages/notifications/NotificationSettingsPage.vue'),
    meta: { titleKey: 'header.notificationSettings', requiresAuth: true },
  },
  {
    path: '/elders',
    name: 'elsewhere',
    component: () => import('./pages/elsewhere/ElsewherePage.vue'),
    meta: { titleKey: 'elsewhere.pageTitle', requiresAuth: true },
  },
  {
    path: '/toegankelijkheid',
    name: 'accessibility',
    component: () => import('./pages/accessibility/AccessibilityPage.vue'),
    meta: { titleKey: 'accessibility.pageTitle' },
  },
  kioskRoute,
  ...staffRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { titleKey: 'notFound.pageTitle' },
  },
];

/** Where a signed-in resident belongs: their applications, or the "go elsewhere" page. */
function homeFor(isElsewhere: boolean): RouteLocationRaw {
  return { name: isElsewhere ? 'elsewhere' : 'applications', replace: true };
}

export function createAppRouter(pinia: Pinia, history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes,
    // Back/forward restores the position; a new page starts at the top.
    scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
  });

  router.beforeEach(async (to: RouteLocationNormalized) => {
    if (!to.meta.requiresAuth && !to.meta.guestOnly) return true;
    const session = useSessionStore(pinia);
    await session.ensureLoaded();

    // No network at start: on a personal device, the last signed-in resident's offline copy,
    // read-only (src/client/offline/offline-data.ts says what is kept and why).
    if (!session.me && session.errorCode === 'NETWORK_ERROR' && (await useDeviceStore(pinia).resumeOffline())) {
      const elsewhere = useDeviceStore(pinia).offlineResident?.elsewhere != null;
      if (to.meta.guestOnly) return homeFor(elsewhere);
      return elsewhere !== (to.name === 'elsewhere') ? homeFor(elsewhere) : true;
    }

    if (to.meta.guestOnly) return session.me ? homeFor(session.isElsewhere) : true;

    if (!session.me) {
      // Replace, so Back does not bounce between a guarded page and the start page.
      const query: Record<string, string> = {};
      if (session.hadSession) query.reden = 'verlopen';
      if (to.name !== 'applications') query.terug = to.fullPath;
      return { name: 'start', query, replace: true };
    }
    // A resident of a municipality that does not take part sees only where to go instead.
    if (session.isElsewhere !== (to.name === 'elsewhere')) return homeFor(session.isElsewhere);
    return true;
  });

  return router;
}
