// The load pattern of the back-office stores (desk, planning): a page sees "loading", then the
// answer or the error code to show; a refresh of what is on screen does not blank it.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { useTrackedLoad } from './tracked-load';

describe('useTrackedLoad', () => {
  it('is loading while the fetch runs, then ready, and says it succeeded', async () => {
    const load = useTrackedLoad();
    expect(load.status.value).toBe('idle');
    let finish!: () => void;
    const running = load.track(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(load.status.value).toBe('loading');
    finish();
    expect(await running).toBe(true);
    expect(load.status.value).toBe('ready');
    expect(load.errorCode.value).toBeNull();
  });

  it('keeps the error code of a failure for the page, and clears it on the next try', async () => {
    const load = useTrackedLoad();
    const failed = await load.track(() => Promise.reject(new ApiError(503, 'SERVICE_UNAVAILABLE', 'down')));
    expect(failed).toBe(false);
    expect(load.status.value).toBe('error');
    expect(load.errorCode.value).toBe('SERVICE_UNAVAILABLE');
    const running = load.track(() => Promise.resolve());
    expect(load.errorCode.value).toBeNull();
    await running;
    expect(load.status.value).toBe('ready');
  });

  it('answers anything but an API error as UNKNOWN', async () => {
    const load = useTrackedLoad();
    await load.track(() => Promise.reject(new TypeError('boom')));
    expect(load.errorCode.value).toBe('UNKNOWN');
  });

  it('a quiet refresh leaves the status as it is until the answer; reset forgets everything', async () => {
    const load = useTrackedLoad();
    await load.track(() => Promise.resolve());
    let finish!: () => void;
    const running = load.track(() => new Promise<void>((resolve) => (finish = resolve)), { quiet: true });
    expect(load.status.value).toBe('ready');
    finish();
    await running;
    await load.track(() => Promise.reject(new Error('x')));
    load.reset();
    expect([load.status.value, load.errorCode.value]).toEqual(['idle', null]);
  });
});
