/**
 * Global setup of the `server` test project (issue 7): every app the server tests build logs
 * into one file (src/server/security/test-log.ts), and after the whole run that file must hold
 * no personal data: no demo BSN, name or street address, and none of the file names the tests
 * upload. A finding fails the run (exit code 1) and names the value and the log line.
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consortiumIds, loadConsortium } from '../../src/consortia/index';
import { demoResidents } from '../../src/server/demo/residents';

/** File names the document tests send (they are personal: "afschrift van jan.pdf"). */
const UPLOADED_FILE_NAMES = [
  'afschrift van jan',
  'brief één',
  'IMG_0001',
  'IMG_0002',
  'storm.png',
  'scan.pdf',
  'afschrift.pdf',
];

export function personalValues(): string[] {
  const today = new Date().toISOString().slice(0, 10);
  const values = new Set<string>(UPLOADED_FILE_NAMES);
  for (const id of consortiumIds) {
    for (const r of demoResidents(loadConsortium(id), today)) {
      values.add(r.bsn);
      values.add(r.name);
      values.add(r.address.street);
      values.add(r.address.postalCode);
    }
  }
  return [...values];
}

export function scanLog(text: string, values: string[]): string[] {
  const lines = text.split('\n');
  const findings: string[] = [];
  for (const value of values) {
    // A BSN counts only as a number of its own, not inside a longer one (a responseTime).
    const pattern = /^\d+$/.test(value)
      ? new RegExp(`(?<!\\d)${value}(?!\\d)`)
      : new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    const line = lines.find((l) => pattern.test(l));
    if (line) findings.push(`"${value}" in: ${line.slice(0, 300)}`);
  }
  return findings;
}

let dir: string | undefined;

export function setup(): void {
  dir = mkdtempSync(join(tmpdir(), 'loket-test-log-'));
  process.env.LOKET_TEST_LOG_FILE = join(dir, 'server.log');
}

export function teardown(): void {
  const file = process.env.LOKET_TEST_LOG_FILE;
  try {
    if (!file || !existsSync(file)) return; // no app was built (e.g. a filtered run)
    const text = readFileSync(file, 'utf8');
    const findings = scanLog(text, personalValues());
    const lines = text.split('\n').filter(Boolean).length;
    if (findings.length > 0) {
      // A throw here would only be printed (vitest ignores errors of a global teardown for its
      // exit code); the exit code is what fails the test command.
      console.error(
        `\nFAIL log scan: personal data in the server log (${lines} lines scanned):\n${findings.join('\n')}\n`,
      );
      process.exitCode = 1;
      return;
    }
    console.log(`log scan: ${lines} server log lines, no BSN, name, address or file name of the demo data`);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
