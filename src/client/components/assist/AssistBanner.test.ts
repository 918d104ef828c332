// The assist banner in the whole app (fetch mocked at the edge, see testing/harness.ts): it
// frames every page while front-desk staff help a resident, and ending the help tells the
// server, wipes the resident from the page and returns to /balie with the staff still signed in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import App from '../../App.vue';
import { installConsortium } from '../../setup/consortium';
import { installSessionExpiry } from '../../setup/session-expiry';
import { useApplicationsStore } from '../../stores/applications';
import { useSessionStore } from '../../stores/session';
import { apiError, config, createHarness, json, me, mockFetch, summary } from '../../testing/harness';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

const staffMe = {
  staff: {
    id: '6f1c8a52-5d1e-4b8e-9a53-2f0d0c7b1a11',
    name: 'Fatima Dekker',
    grants: [{ role: 'front_desk', scope: '*' }],
  },
  // Far enough ahead that the staff store's idle check does not run during the test.
  session: {
    idleExpiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    absoluteExpiresAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
  },
};

async function app(assist: { purpose: string; purposeText: string | null } | null) {
  let signedIn = true;
  const fetchMock = mockFetch({
    'GET /api/config': () => json(config),
    'GET /api/session': () => json({ me: signedIn ? { ...me, assist } : null }),
    'GET /api/applications': () =>
      signedIn ? json({ applications: [summary({ id: 'a1', reference: 'R-1' })] }) : apiError(401, 'UNAUTHENTICATED'),
    'POST /api/staff/assist/end': () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
    'GET /api/staff/me': () => json(staffMe),
  });
  const harness = await createHarness('nl', { startAt: '/aanvragen' });
  installConsortium(harness.pinia);
  cleanups.push(installSessionExpiry(harness.pinia, harness.router));
  const wrapper = mount(App, { global: { plugins: [...harness.plugins] }, attachTo: document.body });
  cleanups.push(() => wrapper.unmount());
  await flushPromises();
  return { ...harness, wrapper, fetchMock };
}

describe('assist banner', { timeout: 30_000 }, () => {
  it('is not there for a resident on their own', async () => {
    const { wrapper } = await app(null);
    expect(wrapper.find('main').text()).toContain('R-1');
    expect(wrapper.text()).not.toContain('U helpt');
  });

  it("frames the resident's screens with their name and the purpose; ending wipes them and returns to /balie", async () => {
    const { wrapper, router, pinia, fetchMock } = await app({ purpose: 'other', purposeText: 'Formulier huurtoeslag' });
    await vi.waitFor(() => expect(wrapper.find('section[aria-label="Hulp aan de balie"]').exists()).toBe(true), {
      timeout: 10_000,
    });
    const banner = wrapper.find('section[aria-label="Hulp aan de balie"]');
    expect(banner.text()).toContain('U helpt Fatima el Amrani');
    expect(banner.text()).toContain('Waarvoor: Iets anders: Formulier huurtoeslag');

    await banner.find('button').trigger('click');
    // /balie is a lazy area (its own chunk): slow on a busy machine.
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/balie'), { timeout: 15_000 });
    await vi.waitFor(() => expect(wrapper.text()).toContain('Ingelogd als Fatima Dekker'), { timeout: 15_000 });
    expect(fetchMock).toHaveBeenCalledWith('/api/staff/assist/end', expect.objectContaining({ method: 'POST' }));
    expect(useSessionStore(pinia).me).toBeNull();
    expect(useApplicationsStore(pinia).applications).toEqual([]);
    expect(wrapper.text()).not.toContain('U helpt');
    expect(wrapper.text()).not.toContain('R-1');
  });
});
