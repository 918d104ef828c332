/**
 * LOKET_INSTANCES: several instances need shared storage for everything an instance keeps
 * between requests; start-up refuses the combination otherwise, naming what to set.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';

const SHARED = {
  DATABASE_URL: 'postgres://loket@db.internal/loket',
  LOKET_S3_BUCKET: 'loket-documenten',
  LOKET_S3_ENDPOINT: 'http://s3.internal:9000',
  LOKET_S3_ACCESS_KEY_ID: 'loket',
  LOKET_S3_SECRET_ACCESS_KEY: 'geheim',
  REDIS_URL: 'redis://redis.internal:6379',
};

describe('running several instances', () => {
  it('is one instance by default, with nothing shared required', () => {
    expect(loadConfig({}).instances).toBe(1);
    expect(loadConfig({}).redisUrl).toBeUndefined();
  });

  it('refuses several instances on the embedded database and folder, naming PostgreSQL, S3 and Redis', () => {
    expect(() => loadConfig({ LOKET_INSTANCES: '2' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOKET_INSTANCES: '2' })).toThrow(/DATABASE_URL.*LOKET_S3_BUCKET.*REDIS_URL/);
  });

  it('names only what is missing', () => {
    const { REDIS_URL: _, ...withoutRedis } = SHARED;
    expect(() => loadConfig({ ...withoutRedis, LOKET_INSTANCES: '3' })).toThrow(/set REDIS_URL \(rate limits/);
    const {
      LOKET_S3_BUCKET: __,
      LOKET_S3_ENDPOINT: ___,
      LOKET_S3_ACCESS_KEY_ID: ____,
      LOKET_S3_SECRET_ACCESS_KEY: _____,
      ...withoutS3
    } = SHARED;
    expect(() => loadConfig({ ...withoutS3, LOKET_INSTANCES: '3' })).toThrow(/set LOKET_S3_BUCKET/);
  });

  it('starts several instances on PostgreSQL, S3 and Redis', () => {
    const config = loadConfig({ ...SHARED, LOKET_INSTANCES: '2' });
    expect(config.instances).toBe(2);
    expect(config.redisUrl).toBe('redis://redis.internal:6379');
    expect(config.redisPrefix).toBe('loket:');
  });

  it('refuses a REDIS_URL that is not a redis URL', () => {
    expect(() => loadConfig({ REDIS_URL: 'http://redis.internal' })).toThrow(/REDIS_URL must be/);
  });
});
