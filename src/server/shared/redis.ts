/**
 * Redis, for what several Loket instances must share beyond the database (README, Deployment):
 * rate-limit counts and tus upload locks. Only when REDIS_URL is set; one process alone keeps
 * both in memory. Keys carry LOKET_REDIS_PREFIX, so consortia (or test runs) can share a Redis.
 */
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

export interface SharedRedis {
  client: Redis;
  /** Prefix for every key and channel of this deployment */
  prefix: string;
  /** A second connection for subscriptions (a subscribed connection runs no other commands) */
  subscriber(): Redis;
  close(): Promise<void>;
}

export function openSharedRedis(url: string, prefix: string, log: FastifyBaseLogger): SharedRedis {
  const options = {
    // A request waits at most one retry for Redis; rate limits then let it pass (skipOnError)
    // and an upload answers 503, instead of every request hanging while Redis is away.
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    connectionName: 'loket',
  };
  const client = new Redis(url, options);
  let subscriber: Redis | undefined;
  // Unheard, an 'error' event throws and ends the process; ioredis reconnects by itself.
  const logError = (error: Error) => log.warn({ err: { message: error.message } }, 'redis connection problem');
  client.on('error', logError);
  return {
    client,
    prefix,
    subscriber() {
      if (!subscriber) {
        subscriber = client.duplicate();
        subscriber.on('error', logError);
      }
      return subscriber;
    },
    async close() {
      await Promise.all([client.quit(), subscriber?.quit()].filter(Boolean));
    },
  };
}
