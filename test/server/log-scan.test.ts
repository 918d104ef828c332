/**
 * The log scan of the whole server test run (test/server/log-scan.global.ts) really sees the
 * apps' logs and really finds personal data when it is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestApp, testDatabases } from '../../src/server/testing';
import { logInResident } from '../../src/server/modules/staff/testing';
import { personalValues, scanLog } from './log-scan.global';

describe('the scan for personal data in server logs', () => {
  it('knows the demo BSNs, names, addresses and uploaded file names', () => {
    const values = personalValues();
    for (const v of ['999990019', 'Jan de Vries', 'Herenstraat 12', '2271 CJ', 'afschrift van jan'])
      expect(values).toContain(v);
  });

  it('finds a BSN or a name in a log line, and passes a clean line', () => {
    const values = personalValues();
    expect(scanLog('{"level":30,"msg":"resident logged in","bsn":"999990019"}', values)).toEqual([
      '"999990019" in: {"level":30,"msg":"resident logged in","bsn":"999990019"}',
    ]);
    expect(scanLog('{"msg":"upload of AFSCHRIFT VAN JAN.pdf"}', values)).toHaveLength(1);
    expect(
      scanLog('{"level":30,"req":{"method":"GET","path":"/api/applications"},"msg":"incoming request"}', values),
    ).toEqual([]);
    // Digits inside a longer number are not a BSN.
    expect(scanLog('{"responseTime":0.3780059999990044,"msg":"request completed"}', values)).toEqual([]);
    expect(scanLog('{"path":"/api/staff/residents/999990044"}', values)).toHaveLength(1);
  });

  it('gets the log of every app the tests build, at level info', async () => {
    const file = process.env.LOKET_TEST_LOG_FILE;
    expect(file, 'set by the global setup').toBeTruthy();
    const t = await createTestApp(testDatabases[0]!);
    try {
      await logInResident(t, '999990019');
    } finally {
      await t.close();
    }
    expect(existsSync(file!)).toBe(true);
    const log = readFileSync(file!, 'utf8');
    expect(log).toContain('resident logged in');
    expect(scanLog(log, personalValues())).toEqual([]);
  }, 180_000);
});
