// fetch is mocked at the edge (see testing/harness.ts); the real API is tested in test/server.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useApplicationsStore } from './applications';
import { useConfigStore } from './config';
import { resetAllStores } from './reset';
import { useSessionStore } from './session';
import { config, createHarness, detail, json, me, mockFetch, summary } from '../testing/harness';

afterEach(() => vi.unstubAllGlobals());

describe('resetting every store at the end of a session', () => {
  it('clears the resident, their applications and the open detail', async () => {
    const application = detail();
    mockFetch({
      'GET /api/session': () => json({ me }),
      'GET /api/config': () => json(config),
      'GET /api/applications': () => json({ applications: [summary({ id: application.id })] }),
      [`GET /api/applications/${application.id}`]: () => json(application),
    });
    const { pinia } = await createHarness('nl');
    const session = useSessionStore(pinia);
    const applications = useApplicationsStore(pinia);
    const publicConfig = useConfigStore(pinia);
    await Promise.all([
      session.load(),
      applications.loadList(),
      applications.loadDetail(application.id),
      publicConfig.load(),
    ]);
    expect(session.me?.resident.name).toBe('Fatima el Amrani');
    expect(applications.applications).toHaveLength(1);
    expect(applications.detail).not.toBeNull();

    resetAllStores(pinia);

    expect(session.me).toBeNull();
    expect(session.status).toBe('unknown');
    expect(session.isLoggedIn).toBe(false);
    expect(applications.applications).toEqual([]);
    expect(applications.applicationsInOrder).toEqual([]);
    expect(applications.detail).toBeNull();
    expect(applications.detailId).toBeNull();
    expect(publicConfig.config).toBeNull();
    // Nothing personal left anywhere in Pinia's state tree.
    expect(JSON.stringify(pinia.state.value)).not.toMatch(/Fatima|Algemene bijstand|2026-0b6f/);
  });

  it('gives every reset a fresh copy, so nothing is shared with the previous session', async () => {
    const { pinia } = await createHarness('nl');
    const applications = useApplicationsStore(pinia);
    applications.applications.push(summary({ id: 'x' }));
    resetAllStores(pinia);
    applications.applications.push(summary({ id: 'y' }));
    resetAllStores(pinia);
    expect(applications.applications).toEqual([]);
  });
});
