/**
 * Administrators manage the accounts and sessions of their own municipalities only: an
 * administrator for Wassenaar (0629) must not see, nor end, the sessions of consortium-wide
 * staff or of another municipality's staff (before, every administrator saw all of them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { administers } from '../../../domain/staff';
import { Browser, createTestApp, testDatabases, type TestApp } from '../../testing';
import { createStaffAccount } from './accounts';
import { logInStaff, post } from './testing';

describe('what an administrator administers', () => {
  it.each([
    [
      'a consortium-wide administrator: everyone',
      [{ role: 'administrator', scope: '*' }],
      [{ role: 'planner', scope: '*' }],
      true,
    ],
    [
      'a local administrator: staff of that municipality',
      [{ role: 'administrator', scope: '0629' }],
      [{ role: 'case_worker', scope: '0629' }],
      true,
    ],
    [
      'a local administrator: not consortium-wide staff',
      [{ role: 'administrator', scope: '0629' }],
      [{ role: 'planner', scope: '*' }],
      false,
    ],
    [
      'a local administrator: not staff who also work elsewhere',
      [{ role: 'administrator', scope: '0629' }],
      [
        { role: 'case_worker', scope: '0629' },
        { role: 'case_worker', scope: '1916' },
      ],
      false,
    ],
    ['a local administrator: not an account without grants', [{ role: 'administrator', scope: '0629' }], [], false],
    [
      'a case worker is no administrator',
      [{ role: 'case_worker', scope: '*' }],
      [{ role: 'case_worker', scope: '0629' }],
      false,
    ],
  ] as const)('%s', (_, administrator, account, expected) => {
    expect(administers(administrator, account)).toBe(expected);
  });
});

describe('a local administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(testDatabases[0]!);
    const consortiumId = t.ctx.consortium.id;
    await createStaffAccount(t.ctx.db, {
      subject: 'w.beheer',
      name: 'Wendy Beheer',
      consortiumId,
      grants: [{ role: 'administrator', scope: '0629' }],
    });
  });
  afterAll(() => t?.close());

  it("sees only the accounts and live sessions of their municipality's staff, and cannot end others", async () => {
    // m.bakker works for Wassenaar (0629) only; k.jansen for the whole consortium.
    const { browser: local } = await logInStaff(t, 'w.beheer');
    const { browser: wassenaar } = await logInStaff(t, 'm.bakker');
    await logInStaff(t, 'k.jansen', new Browser(t.app));
    expect((await wassenaar.get('/api/staff/me')).statusCode).toBe(200);

    const accounts = (await local.get('/api/staff/accounts'))
      .json()
      .accounts.map((a: { username: string }) => a.username);
    expect(accounts).toContain('m.bakker');
    expect(accounts).not.toContain('k.jansen');
    expect(accounts).not.toContain('a.visser');

    const sessions = (await local.get('/api/staff/sessions')).json().sessions;
    const names = sessions.map((s: { account: { username: string } }) => s.account.username);
    expect(names).toContain('m.bakker');
    expect(names).not.toContain('k.jansen');

    // The consortium-wide administrator sees k.jansen's session, and its id opens nothing here.
    const { browser: central } = await logInStaff(t, 'a.visser');
    const all = (await central.get('/api/staff/sessions')).json().sessions;
    const jansen = all.find((s: { account: { username: string } }) => s.account.username === 'k.jansen');
    expect(jansen).toBeDefined();
    expect((await post(local, `/api/staff/sessions/${jansen.id}/end`)).statusCode).toBe(404);
    const kJansenAccount = jansen.account.id;
    expect((await post(local, `/api/staff/accounts/${kJansenAccount}/disable`)).statusCode).toBe(404);
  });
});
