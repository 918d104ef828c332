/**
 * Where a login may send the browser back to: only a path of this app, judged after parsing the
 * way a browser parses it. A string test is not enough: browsers drop tabs and newlines inside a
 * URL and read `\` as `/`, so `/\t/evil.example` becomes `//evil.example` (another site), and a
 * control character in a `Location` header makes Node refuse to send the answer (a 500).
 */

/** A base that can never be a real host: anything that resolves elsewhere is not ours. */
const BASE = new URL('https://loket.invalid/');

/** C0 and C1 controls, DEL, and every Unicode space (tabs, newlines, U+3000 ...). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\s]/u;

/**
 * The normalised same-origin path (path, query and fragment) that `value` names, or null when
 * it is not one: not a string, not starting with one `/`, a backslash, a control character or
 * space anywhere, or a URL that resolves to another origin.
 */
function sameOriginPath(value: unknown): string | null {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return null;
  if (value.includes('\\') || UNSAFE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE.origin) return null;
  return url.pathname + url.search + url.hash;
}

/** A resident's way back: an app path, never the API or the login simulator. */
export function residentReturnPath(value: unknown, fallback: string): string {
  const path = sameOriginPath(value);
  if (path === null || /^\/(api|idp)(\/|$)/.test(path)) return fallback;
  return path;
}

/** A member of staff's way back: only the staff areas (/beheer, /balie). */
export function staffAreaReturnPath(value: unknown, fallback: string): string {
  const path = sameOriginPath(value);
  return path !== null && /^\/(beheer|balie)(\/|\?|#|$)/.test(path) ? path : fallback;
}
