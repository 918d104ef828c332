/**
 * The built product for the browser benchmarks (Lighthouse, the resident's view): the server
 * from `$LOKET_DIST/server/main.js` with a fresh PGlite folder and demo data, and a real login
 * through the DigiD simulator done with fetch.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function startBuiltServer(port: number): Promise<{ origin: string; stop: () => Promise<void> }> {
  const origin = `http://localhost:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-browser-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: origin,
    LOKET_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.OIDC_ISSUER;
  const server = spawn(process.execPath, [`${process.env.LOKET_DIST || 'dist'}/server/main.js`], {
    stdio: 'inherit',
    env,
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.once('exit', () => {
        rmSync(dataDir, { recursive: true, force: true });
        resolve();
      });
      server.kill('SIGTERM');
    });
  // Up to 5 minutes: creating the PGlite folder with the demo data is slow on a busy machine.
  for (let i = 0; i < 600; i += 1) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error('the built server did not start (run "npm run build" first)');
}

/** The real login: /api/auth/login -> simulator form -> POST the BSN -> callback -> session cookie. */
export async function logIn(origin: string, bsn: string): Promise<string> {
  const jar = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(url, origin), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      if (value.join('=') === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value.join('='));
    }
    return res;
  };
  const pathOf = (location: string) => {
    const url = new URL(location, origin);
    return url.pathname + url.search;
  };
  const follow = async (url: string) => {
    let location = url;
    let res = await request(location);
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops += 1) {
      location = pathOf(res.headers.get('location')!);
      res = await request(location);
    }
    return { res, location };
  };
  const form = await follow('/api/auth/login');
  const submitted = await request(`${form.location}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `bsn=${bsn}`,
  });
  await follow(pathOf(submitted.headers.get('location')!));
  const session = jar.get('loket_session');
  if (!session) throw new Error('login through the simulator gave no session cookie');
  return `loket_session=${session}`;
}
