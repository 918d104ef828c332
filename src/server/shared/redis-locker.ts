/**
 * tus upload locks shared by every instance (tus' own MemoryLocker holds them per process, so two
 * PATCHes at one offset on two instances were both answered). A lock is a Redis key set with NX
 * and a lease that the holder renews while it holds it, so a crashed instance's lock ends by
 * itself. Like MemoryLocker, a request that wants a held lock asks the holder to let go (tus then
 * ends the older request: a client resuming after a cut connection must not wait for the cut
 * request's timeout); the ask travels over a Redis channel to whichever instance holds it.
 */
import { randomUUID } from 'node:crypto';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';
import type { SharedRedis } from './redis';

export interface RedisLockerOptions {
  /** How long a request waits for a held lock before tus answers it with a lock timeout */
  acquireTimeoutMs?: number;
  /** A lock not renewed for this long ends by itself */
  leaseMs?: number;
}

/** Deletes the key only if it still holds our token (the lease may have passed to another). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class RedisLocker implements Locker {
  readonly acquireTimeoutMs: number;
  readonly leaseMs: number;
  /** Locks this process holds: upload id -> how to ask its request to let go */
  readonly held = new Map<string, RequestRelease>();
  private listening: Promise<unknown> | undefined;

  constructor(
    readonly redis: SharedRedis,
    options: RedisLockerOptions = {},
  ) {
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.leaseMs = options.leaseMs ?? 15_000;
  }

  get channel(): string {
    return `${this.redis.prefix}tus-release`;
  }

  key(id: string): string {
    return `${this.redis.prefix}tus-lock:${id}`;
  }

  /** Subscribes once, on first use: the channel carries the id of a lock someone wants. */
  listen(): Promise<unknown> {
    this.listening ??= (async () => {
      const subscriber = this.redis.subscriber();
      subscriber.on('message', (channel: string, id: string) => {
        if (channel === this.channel) void this.held.get(id)?.();
      });
      await subscriber.subscribe(this.channel);
    })();
    return this.listening;
  }

  newLock(id: string): Lock {
    return new RedisLock(this, id);
  }
}

class RedisLock implements Lock {
  private readonly token = randomUUID();
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly locker: RedisLocker,
    private readonly id: string,
  ) {}

  async lock(stopSignal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { client } = this.locker.redis;
    const key = this.locker.key(this.id);
    await this.locker.listen();
    const deadline = Date.now() + this.locker.acquireTimeoutMs;
    let asked = false;
    for (;;) {
      if (await client.set(key, this.token, 'PX', this.locker.leaseMs, 'NX')) break;
      // Held elsewhere: ask once for it to be let go, then wait for the key to go.
      if (!asked) {
        asked = true;
        await client.publish(this.locker.channel, this.id);
      }
      if (stopSignal.aborted || Date.now() > deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.locker.held.set(this.id, requestRelease);
    this.renewal = setInterval(() => {
      void client.eval(RENEW, 1, key, this.token, String(this.locker.leaseMs)).catch(() => undefined);
    }, this.locker.leaseMs / 3);
    this.renewal.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    this.locker.held.delete(this.id);
    await this.locker.redis.client.eval(RELEASE, 1, this.locker.key(this.id), this.token);
  }
}
