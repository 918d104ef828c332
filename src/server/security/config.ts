/**
 * Rate-limit settings from the environment (README, "Configuration"). Read when the app is
 * built, like the rest of the configuration; a bad value stops start-up naming the variable.
 * Every limit counts requests per minute.
 */
import { ConfigError } from '../config';

export interface RateLimits {
  /** Login start and callback (resident and staff), per device (session or device cookie) */
  loginPerDevice: number;
  /** The same, per IP address: generous, because a library's kiosks share one address */
  loginPerIp: number;
  /** Changes (POST, PUT, PATCH, DELETE under /api), per device */
  changesPerDevice: number;
  /** Changes per IP address */
  changesPerIp: number;
  /** The window the counts are over */
  windowMs: number;
}

export const RATE_LIMIT_VARIABLES = {
  loginPerDevice: ['LOKET_RATE_LOGIN_PER_DEVICE', 30],
  loginPerIp: ['LOKET_RATE_LOGIN_PER_IP', 600],
  changesPerDevice: ['LOKET_RATE_CHANGES_PER_DEVICE', 300],
  changesPerIp: ['LOKET_RATE_CHANGES_PER_IP', 3000],
} as const;

export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const read = ([name, fallback]: readonly [string, number]) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0)
      throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
    return value;
  };
  return {
    loginPerDevice: read(RATE_LIMIT_VARIABLES.loginPerDevice),
    loginPerIp: read(RATE_LIMIT_VARIABLES.loginPerIp),
    changesPerDevice: read(RATE_LIMIT_VARIABLES.changesPerDevice),
    changesPerIp: read(RATE_LIMIT_VARIABLES.changesPerIp),
    windowMs: 60_000,
  };
}
