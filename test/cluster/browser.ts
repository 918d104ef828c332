/**
 * A browser without a browser: plain HTTP (fetch) with a cookie jar, following the OpenID Connect
 * redirects of the simulator's logins by hand. Fast enough to log 30 people in through the proxy.
 */
import { randomUUID } from 'node:crypto';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json<T = unknown>(): T;
  bytes: Buffer;
}

export class HttpBrowser {
  private readonly cookies = new Map<string, string>();

  /** `origin`: where relative URLs go (the proxy); a request may name another origin. */
  constructor(readonly origin: string) {}

  async request(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string | Buffer; origin?: string } = {},
  ): Promise<Answer> {
    const target = new URL(url, init.origin ?? this.origin);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(target, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    for (const line of response.headers.getSetCookie()) this.keep(line);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    return {
      status: response.status,
      headers: response.headers,
      text,
      bytes,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  /** A JSON change with a fresh Idempotency-Key, as the PWA sends it. */
  send(method: string, url: string, body: unknown, options: { origin?: string; key?: string } = {}): Promise<Answer> {
    return this.request(url, {
      method,
      origin: options.origin,
      headers: { 'content-type': 'application/json', 'idempotency-key': options.key ?? randomUUID() },
      body: JSON.stringify(body),
    });
  }

  private keep(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const gone = attributes.some((a) => {
      const [key = '', v = ''] = a.split('=').map((s) => s.trim());
      return (
        (key.toLowerCase() === 'max-age' && Number(v) <= 0) ||
        (key.toLowerCase() === 'expires' && Date.parse(v) < Date.now())
      );
    });
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }
}

const isServerPath = (path: string) => /^\/(api|idp)(\/|$)/.test(path);

/** Follows redirects within /api and /idp, as a browser would; stops at a page or at the app. */
async function follow(browser: HttpBrowser, first: Answer, from: string): Promise<{ answer: Answer; path: string }> {
  let answer = first;
  let path = from;
  for (let hops = 0; hops < 12 && answer.status >= 300 && answer.status < 400; hops += 1) {
    const next = new URL(answer.headers.get('location') ?? '', browser.origin);
    path = next.pathname + next.search;
    if (!isServerPath(next.pathname)) break;
    answer = await browser.request(path);
  }
  return { answer, path };
}

/**
 * The login through the simulator: start, its form (resident: BSN; staff: username), back to
 * Loket's callback; resolves with where the browser landed (the app's page), or throws.
 */
async function logIn(browser: HttpBrowser, start: string, title: string, field: string, value: string) {
  const form = await follow(browser, await browser.request(start), start);
  if (form.answer.status !== 200 || !form.answer.text.includes(title)) {
    throw new Error(`no login form at ${form.path}: ${form.answer.status}`);
  }
  const submitted = await browser.request(`${form.path}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `${field}=${encodeURIComponent(value)}`,
  });
  if (submitted.status !== 303) throw new Error(`login form answered ${submitted.status}`);
  const landed = await follow(browser, submitted, form.path);
  if (isServerPath(landed.path.split('?')[0]!))
    throw new Error(`login ended at ${landed.path}: ${landed.answer.status}`);
  return landed.path;
}

export const logInResident = (browser: HttpBrowser, bsn: string) =>
  logIn(browser, '/api/auth/login?returnTo=%2Faanvragen', 'DigiD simulatie', 'bsn', bsn);

export const logInStaff = (browser: HttpBrowser, username: string) =>
  logIn(browser, '/api/auth/staff/login?returnTo=%2Fbeheer', 'Inlogsimulatie medewerkers', 'username', username);
