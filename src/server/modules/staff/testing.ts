/**
 * Test support for staff: the real staff login (OIDC code flow + PKCE through the simulator's
 * "Medewerkers" page, all via inject()), and the real resident login for comparison.
 */
import { caseSystemFor } from '../../case-system/index';
import { expect } from 'vitest';
import { Browser, type TestApp } from '../../testing';

const BASE = 'http://localhost:8080';

/** Follows redirects like a browser until a response is not a redirect. */
export async function follow(browser: Browser, url: string) {
  let response = await browser.get(url);
  let location = url;
  for (let hops = 0; hops < 10 && response.statusCode >= 300 && response.statusCode < 400; hops += 1) {
    const next = new URL(String(response.headers.location), BASE);
    location = next.pathname + next.search;
    response = await browser.get(location);
  }
  return { response, location };
}

async function submit(browser: Browser, formLocation: string, field: string, value: string) {
  const submitted = await browser.request({
    method: 'POST',
    url: `${formLocation}/login`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `${field}=${encodeURIComponent(value)}`,
  });
  if (submitted.statusCode !== 303) return { browser, final: submitted, landed: formLocation };
  const next = new URL(String(submitted.headers.location), BASE);
  const { response: final, location: landed } = await follow(browser, next.pathname + next.search);
  return { browser, final, landed };
}

/** Logs a test member of staff in; `landed` is where the browser ended (the /beheer page). */
export async function logInStaff(t: TestApp, username: string, browser = new Browser(t.app), returnTo = '/beheer') {
  const { response: form, location } = await follow(
    browser,
    `/api/auth/staff/login?returnTo=${encodeURIComponent(returnTo)}`,
  );
  expect(form.statusCode).toBe(200);
  expect(form.body).toContain('Inlogsimulatie medewerkers');
  return submit(browser, location, 'username', username);
}

export async function logInResident(t: TestApp, bsn: string, browser = new Browser(t.app)) {
  const { response: form, location } = await follow(browser, '/api/auth/login');
  expect(form.body).toContain('DigiD simulatie');
  return submit(browser, location, 'bsn', bsn);
}

let keyCounter = 0;
/** A fresh Idempotency-Key */
export function idempotencyKey(): string {
  keyCounter += 1;
  return `test-key-${Date.now()}-${keyCounter}`;
}

export function post(browser: Browser, url: string, payload?: unknown, key = idempotencyKey()) {
  return browser.request({
    method: 'POST',
    url,
    headers: { 'idempotency-key': key, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

/** The case ids of a resident, oldest reference first */
export async function casesOf(
  t: TestApp,
  bsn: string,
): Promise<Array<{ id: string; reference: string; municipality_code: string }>> {
  const records = await caseSystemFor(t.ctx, t.ctx.db).residentCases(bsn);
  return records
    .map(({ case: c }) => ({ id: c.id, reference: c.reference, municipality_code: c.municipality_code }))
    .sort((a, b) => a.reference.localeCompare(b.reference));
}
