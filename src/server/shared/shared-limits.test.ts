/**
 * Two instances, one limit: with REDIS_URL the rate-limit counts live in Redis, so a limit of N
 * per minute lets N requests through in all, however a proxy spreads them (counted per process,
 * a limit of 30 let 60 through two instances). Two test apps stand for the two instances.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../testing';
import { redisReachable, TEST_REDIS_URL } from './test-redis';

describe.skipIf(!(await redisReachable()))('rate limits across instances (skipped: no Redis reachable)', () => {
  const kind = testDatabases[0]!;
  const saved = process.env.LOKET_RATE_LOGIN_PER_IP;
  let instances: TestApp[] = [];

  beforeAll(async () => {
    process.env.LOKET_RATE_LOGIN_PER_IP = '4';
    const config = { redisUrl: TEST_REDIS_URL, redisPrefix: `loket-test-${randomUUID()}:` };
    instances = [await createTestApp(kind, { config }), await createTestApp(kind, { config })];
  }, 120_000);
  afterAll(async () => {
    if (saved === undefined) delete process.env.LOKET_RATE_LOGIN_PER_IP;
    else process.env.LOKET_RATE_LOGIN_PER_IP = saved;
    await Promise.all(instances.map((t) => t.close()));
  });

  it('counts one login limit over both instances, taking turns as a round-robin proxy does', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const instance = instances[i % 2]!;
      const response = await instance.app.inject({
        method: 'GET',
        url: '/api/auth/login',
        remoteAddress: '198.51.100.7',
      });
      codes.push(response.statusCode);
    }
    expect(codes).toEqual([303, 303, 303, 303, 429, 429]);
  });
});
