/**
 * Malware scanning behind one interface (issue 4, point 4): ClamAV's clamd when CLAMD_HOST /
 * CLAMD_PORT are set, otherwise a scanner that scans nothing and says so (/api/health reports
 * `scanner: 'none'`), so nobody mistakes "not scanned" for "clean".
 */
export type ScanResult = { infected: false } | { infected: true; signature: string };

export interface Scanner {
  readonly kind: 'clamd' | 'none';
  scan(data: Buffer): Promise<ScanResult>;
}

/** The scanner could not give an answer; the document is refused for now (fail closed). */
export class ScannerUnavailableError extends Error {}

export const noScanner: Scanner = {
  kind: 'none',
  scan: async () => ({ infected: false }),
};
