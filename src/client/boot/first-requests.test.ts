/**
 * The boot script's table: what each path's first screen asks for, and that it agrees with the
 * router on who may see a page (a signed-in page gets the unread count; a page for anyone not).
 */
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createAppRouter } from '../router';
import { firstRequestsOf } from './first-requests';

const ID = '0b6f1d4e-1111-4c3a-9d7e-000000000001';

describe('the first requests of a path', () => {
  it.each([
    ['/', ['/api/config', '/api/session']],
    ['/aanvragen', ['/api/config', '/api/session', '/api/notifications/unread', '/api/applications']],
    [`/aanvragen/${ID}`, ['/api/config', '/api/session', '/api/notifications/unread', `/api/applications/${ID}`]],
    [
      `/aanvragen/${ID}/documenten`,
      ['/api/config', '/api/session', '/api/notifications/unread', `/api/applications/${ID}/documents`],
    ],
    [
      '/afspraken',
      ['/api/config', '/api/session', '/api/notifications/unread', '/api/appointments', '/api/home-visits'],
    ],
    ['/afspraken/maken', ['/api/config', '/api/session', '/api/notifications/unread', '/api/appointments/types']],
    ['/berichten', ['/api/config', '/api/session', '/api/notifications/unread', '/api/notifications']],
    ['/afspraken/huisbezoek', ['/api/config', '/api/session', '/api/notifications/unread']],
    ['/toegankelijkheid', ['/api/config', '/api/session']],
    ['/beheer/agenda', ['/api/config']],
    ['/balie', ['/api/config']],
    ['/bestaat-niet', ['/api/config', '/api/session']],
  ])('%s', (path, requests) => {
    expect(firstRequestsOf(path)).toEqual(requests);
  });

  it('encodes the id as the API client does, and asks nothing for a broken one', () => {
    expect(firstRequestsOf('/aanvragen/a%20b')).toContain('/api/applications/a%20b');
    expect(firstRequestsOf('/aanvragen/%E0%A4%A')).not.toContainEqual(expect.stringMatching(/^\/api\/applications/));
  });

  it('asks for the unread count exactly on the pages the router keeps for signed-in residents', () => {
    const router = createAppRouter(createPinia(), createMemoryHistory());
    const paths = [
      '/',
      '/aanvragen',
      `/aanvragen/${ID}`,
      `/aanvragen/${ID}/documenten`,
      `/aanvragen/${ID}/bezwaar`,
      '/afspraken',
      '/afspraken/maken',
      '/afspraken/huisbezoek',
      '/afspraken/abc',
      '/wacht-op-verzenden',
      '/berichten',
      '/instellingen/meldingen',
      '/elders',
      '/toegankelijkheid',
    ];
    for (const path of paths) {
      const route = router.resolve(path);
      expect(route.name, path).not.toBe('not-found');
      expect(firstRequestsOf(path).includes('/api/notifications/unread'), path).toBe(route.meta.requiresAuth === true);
    }
  });
});
