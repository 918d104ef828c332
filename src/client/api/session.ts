import type { Me, SessionCheck } from '../../domain/api';
import { apiRequest, getJson, reportNobodySignedIn } from './http';

/** The signed-in resident; rejects with ApiError status 401 when nobody is signed in. */
export function fetchMe(): Promise<Me> {
  return getJson<Me>('/api/me');
}

/**
 * The app's session check: the signed-in resident, or null. Unlike /api/me it answers 200 when
 * nobody is signed in, so a visitor's first page makes no failed request.
 */
export async function fetchSession(): Promise<Me | null> {
  const { me } = await getJson<SessionCheck>('/api/session');
  // A session that ended on the server ends here as a 401 would (setup/session-expiry.ts).
  if (!me) reportNobodySignedIn('/api/session');
  return me;
}

/**
 * Ends the session on the server (and the server wipes the browser with Clear-Site-Data:
 * cookies only, or with `wipeAll`, on a shared device, also caches and storage).
 */
export function postLogout(options: { wipeAll?: boolean } = {}): Promise<void> {
  return apiRequest<void>(options.wipeAll ? '/api/auth/logout?wissen=alles' : '/api/auth/logout', { method: 'POST' });
}

/**
 * Where the browser goes to log in. A full page navigation, not fetch: the server answers with
 * a redirect to the OpenID Connect provider (DigiD or the simulator) and back.
 */
export function loginUrl(returnTo: string): string {
  return `/api/auth/login?${new URLSearchParams({ returnTo }).toString()}`;
}
