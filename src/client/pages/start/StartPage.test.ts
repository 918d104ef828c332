// fetch is mocked at the edge (see testing/harness.ts); the real API is tested in test/server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import StartPage from './StartPage.vue';
import { useConfigStore } from '../../stores/config';
import { config, createHarness, json, mockFetch } from '../../testing/harness';

afterEach(() => vi.unstubAllGlobals());

async function renderStart(query: string) {
  mockFetch({
    'GET /api/config': () => json(config),
    'GET /api/session': () => json({ me: null }),
  });
  const harness = await createHarness('nl', { startAt: `/${query}` });
  await useConfigStore(harness.pinia).load();
  const wrapper = mount(StartPage, { global: { plugins: [...harness.plugins] } });
  await flushPromises();
  return wrapper;
}

describe('start page', () => {
  it('names the consortium, notes the DigiD simulation and logs in by full page navigation', async () => {
    const wrapper = await renderStart('');
    expect(wrapper.find('h1').text()).toBe('Welkom bij Werk en Inkomen Lekstroom');
    expect(wrapper.text()).toContain('simulatie van DigiD');
    const login = wrapper.find('.utrecht-digid-button a');
    expect(login.text()).toBe('Inloggen met DigiD');
    expect(login.attributes('href')).toBe('/api/auth/login?returnTo=%2Faanvragen');
  });

  it.each([
    ['?reden=verlopen', 'U bent uitgelogd omdat u een tijd niets deed.'],
    ['?reden=uitgelogd', 'U bent uitgelogd.'],
    ['?fout=LOGIN_CANCELLED', 'Inloggen is niet gelukt. U heeft het inloggen afgebroken.'],
    ['?fout=weird', 'Inloggen is niet gelukt. Er ging iets mis.'],
  ])('explains why the visitor is here (%s)', async (query, expected) => {
    expect((await renderStart(query)).text()).toContain(expected);
  });

  it('returns to the page asked for, but never to another site', async () => {
    const back = await renderStart('?terug=/aanvragen/a1');
    expect(back.find('.utrecht-digid-button a').attributes('href')).toBe('/api/auth/login?returnTo=%2Faanvragen%2Fa1');
    const evil = await renderStart('?terug=//evil.example/x');
    expect(evil.find('.utrecht-digid-button a').attributes('href')).toBe('/api/auth/login?returnTo=%2Faanvragen');
  });
});
