/**
 * The AWS SDK settings shared by the S3 blob store and the tus upload store (@tus/s3-store), and
 * the error tests both need. Only ever built from LOKET_S3_* (config.ts).
 */
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import type { S3Config } from '../config';

export function s3ClientConfig(config: S3Config): S3ClientConfig {
  return {
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    // Since 2025 the SDK sends streamed bodies as aws-chunked with a trailing checksum. Servers
    // that do not know that framing store it as part of the object (s3rver does; so do older
    // MinIO and Ceph releases): the bytes of a document would silently change. Outside AWS we
    // only add checksums where the S3 API requires them.
    ...(config.endpoint
      ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
      : {}),
    maxAttempts: 3,
  };
}

const NOT_THERE = new Set(['NoSuchKey', 'NotFound', 'NoSuchUpload']);

/**
 * NoSuchKey (GET), NotFound (HEAD) and NoSuchUpload (multipart) mean: not there. NoSuchBucket
 * is a 404 too but a configuration error, so it is not one of them.
 */
export function isS3NotFound(error: unknown): boolean {
  return NOT_THERE.has((error as { name?: string } | null)?.name ?? '');
}
