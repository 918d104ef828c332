/** LOKET_S3_*: S3 only when a bucket is named, and a half-done set-up stops start-up. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { s3ClientConfig } from './s3-client';

const MINIO = {
  LOKET_S3_BUCKET: 'loket-documenten',
  LOKET_S3_ENDPOINT: 'http://127.0.0.1:9000/',
  LOKET_S3_ACCESS_KEY_ID: 'loket',
  LOKET_S3_SECRET_ACCESS_KEY: 'geheim',
};

describe('S3 configuration', () => {
  it('is off without LOKET_S3_BUCKET: the files folder is used', () => {
    expect(loadConfig({}).s3).toBeNull();
  });

  it('reads an S3-compatible server with path-style URLs and us-east-1 by default', () => {
    expect(loadConfig(MINIO).s3).toEqual({
      bucket: 'loket-documenten',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'loket', secretAccessKey: 'geheim' },
      forcePathStyle: true,
    });
    expect(
      loadConfig({ ...MINIO, LOKET_S3_FORCE_PATH_STYLE: 'false', LOKET_S3_REGION: 'eu-central-1' }).s3,
    ).toMatchObject({
      forcePathStyle: false,
      region: 'eu-central-1',
    });
  });

  it('reads Amazon S3 itself: no endpoint, virtual-host URLs, keys from the SDK chain if not given', () => {
    expect(loadConfig({ LOKET_S3_BUCKET: 'loket-documenten', LOKET_S3_REGION: 'eu-west-1' }).s3).toEqual({
      bucket: 'loket-documenten',
      endpoint: undefined,
      region: 'eu-west-1',
      credentials: undefined,
      forcePathStyle: false,
    });
  });

  it('only adds checksums where S3 requires them when talking to a non-AWS server', () => {
    const minio = s3ClientConfig(loadConfig(MINIO).s3!);
    expect(minio).toMatchObject({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const aws = s3ClientConfig(loadConfig({ LOKET_S3_BUCKET: 'loket-documenten' }).s3!);
    expect(aws).not.toHaveProperty('requestChecksumCalculation');
  });

  it.each([
    [{ LOKET_S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'LOKET_S3_ENDPOINT is set, so LOKET_S3_BUCKET is required too'],
    [{ LOKET_S3_SECRET_ACCESS_KEY: 'x' }, 'LOKET_S3_SECRET_ACCESS_KEY is set, so LOKET_S3_BUCKET is required too'],
    [
      { ...MINIO, LOKET_S3_SECRET_ACCESS_KEY: '' },
      'LOKET_S3_ACCESS_KEY_ID is set, so LOKET_S3_SECRET_ACCESS_KEY is required too',
    ],
    [
      { ...MINIO, LOKET_S3_ACCESS_KEY_ID: '' },
      'LOKET_S3_SECRET_ACCESS_KEY is set, so LOKET_S3_ACCESS_KEY_ID is required too',
    ],
    [
      { LOKET_S3_BUCKET: 'b1c', LOKET_S3_ENDPOINT: 'http://minio:9000' },
      'LOKET_S3_ENDPOINT is set, so LOKET_S3_ACCESS_KEY_ID and LOKET_S3_SECRET_ACCESS_KEY are required too',
    ],
    [{ ...MINIO, LOKET_S3_ENDPOINT: 'minio:9000' }, 'LOKET_S3_ENDPOINT must be an http(s) URL'],
    [{ ...MINIO, LOKET_S3_BUCKET: 'Loket_Documenten' }, 'LOKET_S3_BUCKET must be an S3 bucket name'],
    [{ ...MINIO, LOKET_S3_FORCE_PATH_STYLE: 'soms' }, 'LOKET_S3_FORCE_PATH_STYLE must be true or false'],
  ])('stops start-up on %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never puts the secret in an error message', () => {
    for (const env of [
      { ...MINIO, LOKET_S3_ENDPOINT: 'ftp://x' },
      { ...MINIO, LOKET_S3_ACCESS_KEY_ID: '' },
    ]) {
      expect(() => loadConfig({ ...env, LOKET_S3_SECRET_ACCESS_KEY: 'zeer-geheim' })).toThrow(/^(?!.*zeer-geheim)/);
    }
  });
});
