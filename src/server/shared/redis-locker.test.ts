/**
 * tus upload locks across instances: two lockers on two Redis connections stand for two Loket
 * instances. Needs the Redis of this machine (REDIS_URL, default redis://127.0.0.1:6379).
 */
import { randomUUID } from 'node:crypto';
import { ERRORS } from '@tus/utils';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisLocker } from './redis-locker';
import { openSharedRedis, type SharedRedis } from './redis';
import { redisReachable, TEST_REDIS_URL } from './test-redis';

describe.skipIf(!(await redisReachable()))('tus locks shared through Redis (skipped: no Redis reachable)', () => {
  const prefix = `loket-test-${randomUUID()}:`;
  let one: SharedRedis;
  let two: SharedRedis;

  beforeAll(() => {
    one = openSharedRedis(TEST_REDIS_URL, prefix, pino({ level: 'silent' }));
    two = openSharedRedis(TEST_REDIS_URL, prefix, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  it('lets one instance hold an upload; the other asks it to let go and gets it after', async () => {
    const id = randomUUID();
    const first = new RedisLocker(one).newLock(id);
    const release = vi.fn();
    await first.lock(new AbortController().signal, release);

    const second = new RedisLocker(two).newLock(id);
    let acquired = false;
    const waiting = second.lock(new AbortController().signal, () => undefined).then(() => (acquired = true));
    // The holder is asked to let go (tus then ends its request), but holds until it unlocks.
    await vi.waitFor(() => expect(release).toHaveBeenCalledTimes(1));
    expect(acquired).toBe(false);
    await first.unlock();
    await waiting;
    expect(acquired).toBe(true);
    await second.unlock();
  });

  it('answers a request that waits too long with tus lock timeout, while the holder renews its lease', async () => {
    const id = randomUUID();
    // A lease shorter than the wait: only renewal keeps the first lock.
    const holder = new RedisLocker(one, { leaseMs: 150 }).newLock(id);
    await holder.lock(new AbortController().signal, () => undefined);
    const impatient = new RedisLocker(two, { acquireTimeoutMs: 600 }).newLock(id);
    await expect(impatient.lock(new AbortController().signal, () => undefined)).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await holder.unlock();
  });

  it("never deletes another holder's lock when unlocking late", async () => {
    const id = randomUUID();
    const stale = new RedisLocker(one, { leaseMs: 60_000 }).newLock(id);
    await stale.lock(new AbortController().signal, () => undefined);
    // The lease ran out (an instance that stalled): someone else holds the upload now.
    await one.client.del(`${prefix}tus-lock:${id}`);
    const next = new RedisLocker(two).newLock(id);
    await next.lock(new AbortController().signal, () => undefined);
    await stale.unlock();
    expect(await two.client.exists(`${prefix}tus-lock:${id}`)).toBe(1);
    await next.unlock();
  });
});
