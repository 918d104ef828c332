/**
 * The decision letter's malware scan may take up to CLAMD_TIMEOUT_MS (30 s). It runs before the
 * request's idempotency transaction opens: on PGlite a transaction holds the only connection,
 * so a scan inside it would stall every other request of every resident for that long.
 * clamd is a stand-in that holds the scan until the test lets it answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../domain/dates';
import type { Browser } from '../../testing';
import { testDatabases } from '../../testing';
import { startHeldClamd } from '../../scanner/test-clamd';
import { pdf } from '../documents/test-fixtures';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/testing';
import { casesOf, idempotencyKey, logInStaff, post } from '../staff/testing';

const JAN = '999990019';

describe.each(testDatabases)('decision letter scan on %s', (kind) => {
  let t: DocumentsTestApp;
  let clamd: Awaited<ReturnType<typeof startHeldClamd>>;
  let karin: Browser;
  let jan: Browser;
  let caseUrl: string;
  const now = new Date('2026-11-18T10:00:00Z');

  beforeAll(async () => {
    clamd = await startHeldClamd();
    t = await createDocumentsTestApp(kind, { now, clamd: clamd.config });
    karin = (await logInStaff(t, 'k.jansen')).browser;
    jan = (await t.signedIn(JAN)).browser;
    caseUrl = `/api/staff/cases/${(await casesOf(t, JAN))[0]!.id}`;
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await clamd?.stop();
  });

  it('serves other requests while a letter is being scanned, then stores the letter', async () => {
    const decided = await post(karin, `${caseUrl}/decision`, { result: 'granted', decidedOn: amsterdamDateOf(now) });
    expect(decided.statusCode).toBe(200);

    const upload = karin.request({
      method: 'POST',
      url: `${caseUrl}/decision/letter`,
      headers: { 'idempotency-key': idempotencyKey(), 'content-type': 'application/pdf' },
      payload: await pdf(1),
    });
    await clamd.scanning;
    // The scan is still held: a resident reading (session lookup plus list, both in the
    // database) is answered now, not after the scan. Before the fix this waited for the scan.
    const meanwhile = await jan.get('/api/applications');
    expect(meanwhile.statusCode).toBe(200);
    const staffRead = await karin.get(caseUrl);
    expect(staffRead.json().handling.decision.letter).toBeNull();

    clamd.answerClean();
    const uploaded = await upload;
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json().handling.decision.letter).toMatchObject({ documentId: expect.any(String) });
  });
});
