/**
 * The embedded DigiD simulation behind a round-robin proxy: two instances on one database, every
 * request of a login to the other instance than the one before. With the simulator's state in
 * one process's memory, 0 of 20 such logins succeeded.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, testDatabases, type TestApp } from '../testing';

/** A proxy in front of the instances: each request goes to the next one. */
function roundRobin(instances: TestApp[]): FastifyInstance {
  let next = 0;
  return {
    inject: (options: InjectOptions) => instances[next++ % instances.length]!.app.inject(options),
  } as unknown as FastifyInstance;
}

async function logInThrough(proxy: FastifyInstance, bsn: string): Promise<Browser> {
  const browser = new Browser(proxy);
  let response = await browser.get('/api/auth/login?returnTo=%2Faanvragen');
  let location = '';
  for (let hops = 0; hops < 10 && response.statusCode >= 300 && response.statusCode < 400; hops += 1) {
    const url = new URL(String(response.headers.location), 'http://localhost:8080');
    location = url.pathname + url.search;
    response = await browser.get(location);
  }
  expect(response.body).toContain('DigiD simulatie');
  response = await browser.request({
    method: 'POST',
    url: `${location}/login`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `bsn=${bsn}`,
  });
  for (let hops = 0; hops < 10 && response.statusCode >= 300 && response.statusCode < 400; hops += 1) {
    const url = new URL(String(response.headers.location), 'http://localhost:8080');
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/idp/')) break;
    response = await browser.get(url.pathname + url.search);
  }
  return browser;
}

describe.each(testDatabases)('simulator logins across two instances on %s', (kind) => {
  let instances: TestApp[] = [];

  beforeAll(async () => {
    const first = await createTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    instances = [first, await createTestApp(kind, { shareDatabaseWith: first })];
  }, 120_000);
  afterAll(async () => {
    for (const instance of instances.toReversed()) await instance.close();
  });

  it('logs residents in whichever instance each step of the login reaches', async () => {
    const proxy = roundRobin(instances);
    const names: string[] = [];
    for (const bsn of ['999990019', '999990032', '999990044', '999990019', '999990032']) {
      const browser = await logInThrough(proxy, bsn);
      const me = await browser.get('/api/me');
      expect(me.statusCode).toBe(200);
      names.push(me.json().resident.name);
      // and the session is good on the other instance too
      expect((await browser.get('/api/me')).statusCode).toBe(200);
    }
    expect(names).toHaveLength(5);
  });
});
