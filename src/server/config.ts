/**
 * Server configuration from the environment, read once at start. Every variable is listed in
 * the README with its default. A bad value stops start-up with a message naming the variable.
 */
import { DEFAULT_DAILY_UPLOAD_BYTES } from '../domain/documents';

const MIB = 1024 * 1024;

export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim that carries the citizen service number (DigiD brokers differ) */
  bsnClaim: string;
}

/** The staff identity provider (issue 6): a separate OpenID Connect client, its own claims. */
interface StaffOidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim with the staff id that staff_accounts.subject holds */
  idClaim: string;
  /** Claim with the roles the organisation grants (array or space-separated); null: our grants only */
  rolesClaim: string | null;
  /** Scopes to ask for, so the provider releases those claims */
  scope: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  /** The URL residents use to reach Loket; redirect URIs and cookie security derive from it */
  publicUrl: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: named prepared statements (off for a pooler in transaction mode) */
  databasePreparedStatements: boolean;
  dataDir: string;
  /** On SIGTERM: seconds of "not ready" while still serving, so the proxy moves traffic first */
  drainSeconds: number;
  /** A request (headers and body) must have arrived whole within this; a tus chunk is 512 KiB */
  requestTimeoutSeconds: number;
  /** The request's headers must have arrived within this (slow-header attacks) */
  headersTimeoutSeconds: number;
  consortium: string | undefined;
  /** null: start the embedded "DigiD simulatie" provider and use it */
  oidc: OidcClientConfig | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** Which proxies may set X-Forwarded-For/-Proto/-Host (Fastify's trustProxy) */
  trustProxy: boolean | string;
  /** Seed demo residents on first start of an empty database */
  demoData: boolean;
  /** Folder with the built PWA; absent in API-only tests */
  clientDir: string | undefined;
  /** Documents (issue 4): stored files, partial tus uploads and their limits */
  documents: DocumentsConfig;
  /** ClamAV daemon to scan every document with; null: no scanner (health says so) */
  clamd: ClamdConfig | null;
  /** S3-compatible bucket for documents and uploads in progress; null: the files folder */
  s3: S3Config | null;
  /** null: staff log in through the embedded simulator (its "Medewerkers" page) */
  staffOidc: StaffOidcConfig | null;
  /** Staff sessions: 30 minutes idle, 12 hours absolute by default */
  staffSessionIdleMinutes: number;
  staffSessionAbsoluteHours: number;
  /** Notifications (issue 8): Web Push keys, SMTP, the delivery worker */
  notifications: NotificationsConfig;
  /** Redis for what instances must share (rate limits, upload locks); undefined: in process */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel (LOKET_REDIS_PREFIX), so deployments can share one */
  redisPrefix: string;
  /** How many instances the operator runs side by side (LOKET_INSTANCES); checked at start */
  instances: number;
}

export interface NotificationsConfig {
  /** null: VAPID keys are generated on first start and kept in the database */
  vapid: { publicKey: string; privateKey: string } | null;
  /** VAPID contact (mailto: or https:) the push services may use to reach the operator */
  vapidSubject: string;
  /** null: no SMTP server, e-mail is off (the settings page says so) */
  smtp: { url: string; from: string } | null;
  /** How often the worker looks for jobs and reminders; 0: no worker in this process */
  workerIntervalMs: number;
}

export interface DocumentsConfig {
  /** Folder with `blobs/` (stored documents and letters) and `uploads/` (tus uploads in progress) */
  filesDir: string;
  /** Bytes a resident may upload in any 24 hours (declared Upload-Length of the uploads started) */
  dailyUploadBytes: number;
  /** An upload that is not registered as a document within this time is deleted */
  uploadExpiryHours: number;
}

export interface ClamdConfig {
  host: string;
  port: number;
  timeoutMs: number;
}

export interface S3Config {
  bucket: string;
  /** undefined: Amazon S3 itself (the SDK finds the endpoint from the region) */
  endpoint: string | undefined;
  region: string;
  /** undefined: the AWS SDK's default chain (instance role, AWS_* variables); only without an endpoint */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function nonNegativeInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be 0 or a whole number, got "${raw}"`);
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcClientConfig | null {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID;
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new ConfigError('OIDC_ISSUER is set, so OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required too');
  }
  return { issuer, clientId, clientSecret, bsnClaim: env.OIDC_BSN_CLAIM || 'bsn' };
}

function staffOidcFromEnv(env: NodeJS.ProcessEnv): StaffOidcConfig | null {
  const issuer = env.STAFF_OIDC_ISSUER;
  if (!issuer) return null;
  const clientId = env.STAFF_OIDC_CLIENT_ID;
  const clientSecret = env.STAFF_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new ConfigError(
      'STAFF_OIDC_ISSUER is set, so STAFF_OIDC_CLIENT_ID and STAFF_OIDC_CLIENT_SECRET are required too',
    );
  }
  return {
    issuer,
    clientId,
    clientSecret,
    idClaim: env.STAFF_OIDC_ID_CLAIM || 'sub',
    rolesClaim: env.STAFF_OIDC_ROLES_CLAIM || null,
    scope: env.STAFF_OIDC_SCOPE || 'openid profile',
  };
}

function clamdFromEnv(env: NodeJS.ProcessEnv): ClamdConfig | null {
  if (!env.CLAMD_HOST && !env.CLAMD_PORT) return null;
  return {
    host: env.CLAMD_HOST || '127.0.0.1',
    port: integer(env, 'CLAMD_PORT', 3310),
    timeoutMs: integer(env, 'CLAMD_TIMEOUT_MS', 30_000),
  };
}

const S3_VARIABLES = [
  'LOKET_S3_ENDPOINT',
  'LOKET_S3_REGION',
  'LOKET_S3_ACCESS_KEY_ID',
  'LOKET_S3_SECRET_ACCESS_KEY',
  'LOKET_S3_FORCE_PATH_STYLE',
];

function s3FromEnv(env: NodeJS.ProcessEnv): S3Config | null {
  const bucket = env.LOKET_S3_BUCKET;
  if (!bucket) {
    // A half-done S3 set-up must not silently fall back to the local folder.
    const stray = S3_VARIABLES.find((name) => env[name]);
    if (stray) throw new ConfigError(`${stray} is set, so LOKET_S3_BUCKET is required too`);
    return null;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(`LOKET_S3_BUCKET must be an S3 bucket name (3-63 of a-z, 0-9, "." and "-"), got "${bucket}"`);
  }
  const endpoint = env.LOKET_S3_ENDPOINT?.replace(/\/$/, '') || undefined;
  if (endpoint && !/^https?:\/\/[^/]+/.test(endpoint)) {
    throw new ConfigError(`LOKET_S3_ENDPOINT must be an http(s) URL, got "${endpoint}"`);
  }
  const accessKeyId = env.LOKET_S3_ACCESS_KEY_ID;
  const secretAccessKey = env.LOKET_S3_SECRET_ACCESS_KEY;
  if (accessKeyId && !secretAccessKey)
    throw new ConfigError('LOKET_S3_ACCESS_KEY_ID is set, so LOKET_S3_SECRET_ACCESS_KEY is required too');
  if (secretAccessKey && !accessKeyId)
    throw new ConfigError('LOKET_S3_SECRET_ACCESS_KEY is set, so LOKET_S3_ACCESS_KEY_ID is required too');
  // Outside AWS there is no instance role to fall back on: say which variable is missing.
  if (endpoint && !accessKeyId) {
    throw new ConfigError(
      'LOKET_S3_ENDPOINT is set, so LOKET_S3_ACCESS_KEY_ID and LOKET_S3_SECRET_ACCESS_KEY are required too',
    );
  }
  return {
    bucket,
    endpoint,
    // us-east-1 is what MinIO, Ceph and most S3-compatible servers sign with unless told otherwise.
    region: env.LOKET_S3_REGION || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    // Self-hosted servers rarely have a wildcard DNS name per bucket; Amazon S3 prefers virtual hosts.
    forcePathStyle: bool(env, 'LOKET_S3_FORCE_PATH_STYLE', endpoint !== undefined),
  };
}

function notificationsFromEnv(env: NodeJS.ProcessEnv, publicUrl: string): NotificationsConfig {
  const publicKey = env.VAPID_PUBLIC_KEY;
  const privateKey = env.VAPID_PRIVATE_KEY;
  if (Boolean(publicKey) !== Boolean(privateKey))
    throw new ConfigError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together');
  const host = new URL(publicUrl).hostname;
  const vapidSubject =
    env.VAPID_SUBJECT ||
    (publicUrl.startsWith('https://') ? publicUrl : `mailto:noreply@${host.includes('.') ? host : 'example.invalid'}`);
  if (!/^(mailto:|https:\/\/)/.test(vapidSubject))
    throw new ConfigError(`VAPID_SUBJECT must be a mailto: or https: URL, got "${vapidSubject}"`);
  let smtpUrl = env.SMTP_URL || undefined;
  if (!smtpUrl && env.SMTP_HOST) smtpUrl = `smtp://${env.SMTP_HOST}:${integer(env, 'SMTP_PORT', 25)}`;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const interval = env.LOKET_NOTIFY_INTERVAL_MS;
  const workerIntervalMs = interval === '0' ? 0 : integer(env, 'LOKET_NOTIFY_INTERVAL_MS', 5000);
  return {
    vapid: publicKey && privateKey ? { publicKey, privateKey } : null,
    vapidSubject,
    smtp: smtpUrl
      ? { url: smtpUrl, from: env.SMTP_FROM || `Loket <noreply@${host.includes('.') ? host : 'example.invalid'}>` }
      : null,
    workerIntervalMs,
  };
}

function documentsFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DocumentsConfig {
  return {
    filesDir: env.LOKET_FILES_DIR || `${dataDir.replace(/\/$/, '')}/files`,
    dailyUploadBytes: integer(env, 'LOKET_UPLOAD_DAILY_MB', DEFAULT_DAILY_UPLOAD_BYTES / MIB) * MIB,
    uploadExpiryHours: integer(env, 'LOKET_UPLOAD_EXPIRY_HOURS', 24),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = integer(env, 'PORT', 8080);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = env.LOKET_DATA_DIR || './data';
  const config: ServerConfig = {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl,
    databaseUrl,
    databasePreparedStatements: bool(env, 'DATABASE_PREPARED_STATEMENTS', true),
    dataDir,
    drainSeconds: nonNegativeInteger(env, 'LOKET_DRAIN_SECONDS', 10),
    requestTimeoutSeconds: integer(env, 'LOKET_REQUEST_TIMEOUT_SECONDS', 120),
    headersTimeoutSeconds: integer(env, 'LOKET_HEADERS_TIMEOUT_SECONDS', 20),
    consortium: env.LOKET_CONSORTIUM || undefined,
    oidc: oidcFromEnv(env),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 15),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.LOKET_TRUST_PROXY),
    // Demo residents belong to the embedded default; on an external PostgreSQL they are opt-in.
    demoData: bool(env, 'LOKET_DEMO_DATA', !databaseUrl),
    clientDir: env.LOKET_CLIENT_DIR || undefined,
    documents: documentsFromEnv(env, dataDir),
    clamd: clamdFromEnv(env),
    s3: s3FromEnv(env),
    staffOidc: staffOidcFromEnv(env),
    staffSessionIdleMinutes: integer(env, 'STAFF_SESSION_IDLE_MINUTES', 30),
    staffSessionAbsoluteHours: integer(env, 'STAFF_SESSION_ABSOLUTE_HOURS', 12),
    notifications: notificationsFromEnv(env, publicUrl),
    redisUrl: redisUrlFromEnv(env),
    redisPrefix: env.LOKET_REDIS_PREFIX || 'loket:',
    instances: integer(env, 'LOKET_INSTANCES', 1),
  };
  assertFitForInstances(config);
  return config;
}

function redisUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.REDIS_URL || undefined;
  if (url && !/^rediss?:\/\//.test(url)) throw new ConfigError(`REDIS_URL must be a redis:// or rediss:// URL`);
  return url;
}

/**
 * Several instances share one database, one document store and one Redis; anything kept per
 * process or per machine would differ between them. Refused at start, naming what to set,
 * rather than found out by residents (a lost upload, a doubled rate limit).
 */
function assertFitForInstances(config: ServerConfig): void {
  if (config.instances === 1) return;
  const missing = [
    !config.databaseUrl && 'DATABASE_URL (PGlite serves one process on one folder)',
    !config.s3 && 'LOKET_S3_BUCKET and the other LOKET_S3_* settings (the files folder is per machine)',
    !config.redisUrl && 'REDIS_URL (rate limits and upload locks are counted per process without it)',
  ].filter(Boolean);
  if (missing.length) {
    throw new ConfigError(`LOKET_INSTANCES=${config.instances} needs shared storage; set ${missing.join('; ')}`);
  }
}

/**
 * LOKET_TRUST_PROXY: unset = loopback only (a proxy on the same host). Trusting every sender
 * would let any client pick its own IP address, and with it dodge the per-IP rate limits and
 * write a false origin into the audit log. `true`/`false`, or addresses/CIDRs separated by
 * commas (Fastify's trustProxy).
 */
export function parseTrustProxy(value: string | undefined): boolean | string {
  const trimmed = value?.trim();
  if (!trimmed) return 'loopback';
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return trimmed;
}
