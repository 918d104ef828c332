/**
 * Server configuration from the environment, read once at start. Every variable is listed in
 * the README with its default. A bad value stops start-up with a message naming the variable.
 */
export interface OidcClientConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claim that carries the citizen service number (DigiD brokers differ) */
  bsnClaim: string;
}

export interface ServerConfig {
  port: number;
  host: string;
  /** The URL residents use to reach Loket; redirect URIs and cookie security derive from it */
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  consortium: string | undefined;
  /** null: start the embedded "DigiD simulatie" provider and use it */
  oidc: OidcClientConfig | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  logLevel: string;
  /** Seed demo residents on first start of an empty database */
  demoData: boolean;
  /** Folder with the built PWA; absent in API-only tests */
  clientDir: string | undefined;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = integer(env, 'PORT', 8080);
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl,
    databaseUrl,
    dataDir: env.LOKET_DATA_DIR || './data',
    consortium: env.LOKET_CONSORTIUM || undefined,
    oidc: oidcFromEnv(env),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 15),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12),
    logLevel: env.LOG_LEVEL || 'info',
    // Demo residents belong to the embedded default; on an external PostgreSQL they are opt-in.
    demoData: bool(env, 'LOKET_DEMO_DATA', !databaseUrl),
    clientDir: env.LOKET_CLIENT_DIR || undefined,
  };
}
