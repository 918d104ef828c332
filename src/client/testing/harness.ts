/**
 * Shared set-up for component tests. `fetch` is mocked at the edge (the one function that
 * src/client/api/http.ts calls): these tests are about the PWA; the real server has its own
 * tests (test/server) and the two meet in the end-to-end tests (test/e2e).
 */
import { vi } from 'vitest';
import { createApp } from 'vue';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import type { ApplicationDetail, ApplicationSummary, Me, PublicConfig } from '../../domain/api';
import { createAppI18n, type Locale } from '../i18n';
import { createAppRouter } from '../router';
import { resetPlugin } from '../stores/reset';

type Handler = (init: RequestInit | undefined) => Response | Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export function apiError(status: number, code: string, message = 'developer text, never shown'): Response {
  return json({ error: { code, message } }, status);
}

/** Replaces global fetch; keys are 'GET /api/me' etc. An unknown request fails the test loudly. */
export function mockFetch(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = typeof input === 'string' ? input : input instanceof URL ? input.pathname : input.url;
    const key = `${init?.method ?? 'GET'} ${path}`;
    const handler = routes[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    return handler(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/**
 * Pinia (with the reset plugin), i18n in `locale` (default: the device's stored choice, else
 * Dutch), and the real routes on memory history.
 */
export async function createHarness(locale?: Locale, options: { startAt?: string } = {}) {
  const pinia: Pinia = createPinia();
  pinia.use(resetPlugin);
  // Pinia applies plugins only once it is installed in an app; stores made before that (the
  // router guard below makes one) would miss the reset plugin. main.ts installs it first too.
  createApp({}).use(pinia);
  setActivePinia(pinia);
  const { i18n, ready } = createAppI18n(locale);
  await ready;
  const router = createAppRouter(pinia, createMemoryHistory());
  // A router starts navigating when an app installs it; start it here, on a route without a
  // sign-in guard unless a test asks otherwise, so no test makes requests it did not mock.
  await router.push(options.startAt ?? '/toegankelijkheid');
  return { pinia, i18n, router, plugins: [pinia, i18n, router] as const };
}

export const config: PublicConfig = {
  consortium: {
    id: 'wil',
    name: 'Werk en Inkomen Lekstroom',
    shortName: 'WIL',
    phone: '030 123 45 67',
    website: 'https://www.werkeninkomenlekstroom.nl',
    theme: { primaryColor: '#00689e', primaryTextColor: '#ffffff' },
    centralOffice: {
      id: 'stadshuis',
      name: 'Stadshuis Nieuwegein',
      address: { street: 'Stadsplein 1', postalCode: '3431 LZ', city: 'Nieuwegein' },
      openingHours: [{ day: 1, opens: '09:00', closes: '17:00' }],
    },
    localDesks: [],
    municipalities: [{ code: '0356', name: 'Nieuwegein' }],
  },
  login: { simulated: true },
};

export const me: Me = {
  resident: { key: 'rk-fatima-0001', name: 'Fatima el Amrani', municipality: { code: '0356', name: 'Nieuwegein' } },
  elsewhere: null,
  session: { idleExpiresAt: '2026-11-28T10:15:00.000Z', absoluteExpiresAt: '2026-11-28T18:00:00.000Z' },
};

export function summary(overrides: Partial<ApplicationSummary> & Pick<ApplicationSummary, 'id'>): ApplicationSummary {
  return {
    reference: `2026-${overrides.id.slice(0, 4)}`,
    scheme: { code: 'bijstand', name: { nl: 'Algemene bijstand', en: 'Social assistance' } },
    submittedOn: '2026-10-01',
    status: { code: 'in_behandeling', label: { nl: 'In behandeling', en: 'In progress' } },
    nextAction: { kind: 'wait_for_decision', dueDate: '2026-12-10' },
    ...overrides,
  };
}

export function detail(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    ...summary({ id: '0b6f1d4e-1111-4c3a-9d7e-000000000001' }),
    statusHistory: [
      {
        status: { code: 'ontvangen', label: { nl: 'Ontvangen', en: 'Received' } },
        setAt: '2026-10-01T08:00:00Z',
        note: null,
      },
      {
        status: { code: 'in_behandeling', label: { nl: 'In behandeling', en: 'In progress' } },
        setAt: '2026-10-02T09:30:00Z',
        note: null,
      },
    ],
    decisionTerm: {
      statutoryDueDate: '2026-11-26',
      extension: null,
      suspendedDays: 0,
      suspendedNow: false,
      expectedDecisionDate: '2026-11-26',
    },
    documentRequests: [],
    decision: null,
    debtHelp: null,
    questions: [],
    ...overrides,
  };
}

/** "Today" is 28 November 2026 in Amsterdam (10:00 UTC = 11:00 CET). Only Date is faked. */
export function freezeToday(iso = '2026-11-28T10:00:00Z'): void {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
