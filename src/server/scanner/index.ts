import type { ServerConfig } from '../config';
import { ClamdScanner } from './clamd';
import { noScanner, type Scanner } from './scanner';

export type { Scanner } from './scanner';
export { ScannerUnavailableError } from './scanner';

export function createScanner(config: Pick<ServerConfig, 'clamd'>): Scanner {
  return config.clamd ? new ClamdScanner(config.clamd) : noScanner;
}

/** What /api/health reports: which scanner checks documents. */
export const scannerKind = (config: Pick<ServerConfig, 'clamd'>): Scanner['kind'] => (config.clamd ? 'clamd' : 'none');
