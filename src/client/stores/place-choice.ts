import { ref, type Ref } from 'vue';
import { useTrackedLoad } from './tracked-load';

/**
 * The places a member of staff works for (the desk's places, the planner's), loaded once, and
 * the one chosen on screen: the first until they pick another. Shared by the desk and planning
 * stores, which return these refs under the same names.
 */
export function usePlaceChoice<Place extends { id: string }>(fetch: () => Promise<{ locations: Place[] }>) {
  const locations = ref<Place[]>([]) as Ref<Place[]>;
  const { status: locationsStatus, errorCode: locationsErrorCode, track, reset } = useTrackedLoad();
  const locationId = ref<string | null>(null);

  async function loadLocations(): Promise<void> {
    if (locationsStatus.value === 'ready') return;
    await track(async () => {
      locations.value = (await fetch()).locations;
      locationId.value ??= locations.value[0]?.id ?? null;
    });
  }

  function clearPlaces(): void {
    locations.value = [];
    reset();
    locationId.value = null;
  }

  return { locations, locationsStatus, locationsErrorCode, locationId, loadLocations, clearPlaces };
}
