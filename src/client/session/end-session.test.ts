// fetch is mocked at the edge (see testing/harness.ts); the real API is tested in test/server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import App from '../App.vue';
import { installSessionExpiry } from '../setup/session-expiry';
import { installConsortium } from '../setup/consortium';
import { installPageChange } from '../setup/page-change';
import { useApplicationsStore } from '../stores/applications';
import { useSessionStore } from '../stores/session';
import { apiError, config, createHarness, detail, json, me, mockFetch, summary } from '../testing/harness';

// Each test's app removes its 401 listener again: in a browser there is only ever one app.
const cleanups: Array<() => void> = [];

afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

async function signedInApp(options: { elsewhere?: boolean; assist?: boolean } = {}) {
  let signedIn = true;
  const fetchMock = mockFetch({
    'GET /api/config': () => json(config),
    'GET /api/session': () =>
      json({
        me: signedIn
          ? options.elsewhere
            ? {
                ...me,
                elsewhere: {
                  municipalityName: 'Den Haag',
                  reason: 'not_participating',
                  joinsOn: null,
                  contact: { name: 'Gemeente Den Haag', phone: '14 070', website: 'https://www.denhaag.nl' },
                },
              }
            : options.assist
              ? { ...me, assist: { purpose: 'upload_documents', purposeText: null } }
              : me
          : null,
      }),
    'GET /api/applications': () =>
      signedIn ? json({ applications: [summary({ id: 'a1', reference: 'R-1' })] }) : apiError(401, 'UNAUTHENTICATED'),
    'GET /api/applications/a1': () =>
      signedIn ? json(detail({ ...summary({ id: 'a1', reference: 'R-1' }) })) : apiError(401, 'UNAUTHENTICATED'),
    'GET /api/staff/me': () => apiError(401, 'UNAUTHENTICATED'),
    'POST /api/auth/logout': () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
  });
  const harness = await createHarness('nl', { startAt: '/aanvragen' });
  installConsortium(harness.pinia);
  cleanups.push(installSessionExpiry(harness.pinia, harness.router));
  installPageChange(harness.router, harness.i18n, harness.pinia);
  const wrapper = mount(App, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  cleanups.push(() => wrapper.unmount());
  await flushPromises();
  const expire = () => {
    signedIn = false;
  };
  return { ...harness, wrapper, fetchMock, expire };
}

// Each test mounts the whole app and loads lazy pages: slow on a busy 2-core machine.
describe('session', { timeout: 30_000 }, () => {
  it('shows the resident in the header and their applications', async () => {
    const { wrapper } = await signedInApp();
    expect(wrapper.find('header').text()).toContain('Ingelogd als Fatima el Amrani');
    expect(wrapper.find('main').text()).toContain('R-1');
  });

  it('logout: tells the server, wipes every store, and Back shows no personal data', async () => {
    const { wrapper, router, pinia, fetchMock } = await signedInApp();
    // History: /aanvragen, then the detail. Logout replaces the detail entry with the start page.
    await router.push('/aanvragen/a1');
    await vi.waitFor(() => expect(wrapper.find('main').text()).toContain('R-1'));
    const logoutButton = wrapper.findAll('header button').find((b) => b.text() === 'Uitloggen')!;
    await logoutButton.trigger('click');
    // The start page is a lazy chunk: wait for the navigation, not for a number of ticks.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/?reden=uitgelogd'));
    await flushPromises();

    expect(fetchMock).toHaveBeenCalledWith(
      '/api/auth/logout',
      expect.objectContaining({ method: 'POST', credentials: 'same-origin' }),
    );
    expect(wrapper.text()).toContain('U bent uitgelogd.');
    expect(wrapper.text()).not.toContain('Fatima');
    expect(useSessionStore(pinia).me).toBeNull();
    expect(useApplicationsStore(pinia).applications).toEqual([]);

    // Back reaches /aanvragen: with the stores empty the guard finds no session (the server
    // said 401 after logout) and shows the start page instead.
    const arrivals: string[] = [];
    router.afterEach((to) => arrivals.push(`${to.redirectedFrom?.fullPath} -> ${String(to.name)}`));
    router.back();
    await vi.waitFor(() => expect(arrivals).toEqual(['/aanvragen -> start']));
    await flushPromises();
    expect(wrapper.text()).not.toContain('Fatima');
    expect(wrapper.text()).not.toContain('R-1');
  });

  it('a 401 while signed in ends the session with "verlopen"', async () => {
    const { wrapper, router, pinia, expire } = await signedInApp();
    expire();
    await useApplicationsStore(pinia).loadList();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/?reden=verlopen'));
    await flushPromises();
    expect(wrapper.text()).toContain('U bent uitgelogd omdat u een tijd niets deed.');
    expect(wrapper.text()).not.toContain('Fatima');
  });

  it('front-desk help that ran out goes back to /balie, wiped, without logging the employee out', async () => {
    const { router, pinia, expire, fetchMock } = await signedInApp({ assist: true });
    expect(useSessionStore(pinia).me?.assist).toBeTruthy();
    expire();
    await useApplicationsStore(pinia).loadList();
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/balie?hulp=verlopen'));
    expect(useSessionStore(pinia).me).toBeNull();
    expect(useApplicationsStore(pinia).applications).toEqual([]);
    // A logout would answer Clear-Site-Data "cookies": the employee's own session cookie too.
    expect(fetchMock.mock.calls.map(([, init]) => init?.method ?? 'GET')).not.toContain('POST');
  });

  it('sends a resident of a municipality that does not take part to /elders', async () => {
    const { wrapper, router } = await signedInApp({ elsewhere: true });
    expect(router.currentRoute.value.name).toBe('elsewhere');
    expect(wrapper.text()).toContain('Gemeente Den Haag');
    expect(wrapper.find('a[href^="tel:"]').attributes('href')).toBe('tel:14070');
    await router.push('/aanvragen');
    expect(router.currentRoute.value.name).toBe('elsewhere');
  });

  it('moves focus to the new page heading and sets the document title', async () => {
    const { router } = await signedInApp();
    await router.push('/toegankelijkheid');
    await flushPromises();
    expect(document.activeElement?.tagName).toBe('H1');
    expect(document.activeElement?.textContent).toContain('Toegankelijkheid');
    expect(document.title).toBe('Toegankelijkheid - WIL');
  });
});

describe('router guard without a session', () => {
  it('sends a visitor of a personal page to the start page, and remembers the page', async () => {
    mockFetch({ 'GET /api/session': () => json({ me: null }) });
    const { router } = await createHarness('nl');
    await router.push('/aanvragen/a1');
    expect(router.currentRoute.value.name).toBe('start');
    expect(router.currentRoute.value.query).toEqual({ terug: '/aanvragen/a1' });
  });
});
