/**
 * Component tests wait for what a resident would see (`vi.waitFor`). Its default of one second
 * is too short on the 2-core CI machine while `npm test` runs the browser tests beside this
 * suite: a lazily imported chunk or a chain of promises then takes longer, and a correct test
 * failed. Ten seconds, unless a test asks for its own; a test that passes returns as soon as its
 * condition holds, so nothing waits longer than it must.
 */
import { vi } from 'vitest';

const DEFAULT_TIMEOUT_MS = 10_000;
const waitFor = vi.waitFor;

vi.waitFor = ((callback, options) =>
  waitFor(
    callback,
    typeof options === 'number' ? options : { timeout: DEFAULT_TIMEOUT_MS, ...options },
  )) as typeof vi.waitFor;
