// The load patterns of the back-office stores (desk, planning): a page sees "loading", then the
// answer or the error code to show; a refresh of what is on screen does not blank it; the places
// a member of staff works for load once, the first chosen until they pick another.
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { usePlaceChoice } from './place-choice';
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

describe('usePlaceChoice', () => {
  it('loads the places once, chooses the first until another is chosen, and forgets them on clear', async () => {
    const fetch = vi.fn(() =>
      Promise.resolve({
        locations: [
          { id: 'centraal', name: 'Centraal' },
          { id: 'noord', name: 'Noord' },
        ],
      }),
    );
    const places = usePlaceChoice(fetch);
    await places.loadLocations();
    expect(places.locationId.value).toBe('centraal');
    places.locationId.value = 'noord';
    await places.loadLocations();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect([places.locationsStatus.value, places.locationId.value]).toEqual(['ready', 'noord']);
    places.clearPlaces();
    expect([places.locations.value, places.locationsStatus.value, places.locationId.value]).toEqual([[], 'idle', null]);
  });
});
