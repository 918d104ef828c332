import { ref, watch } from 'vue';
import { defineStore } from 'pinia';
import type {
  AffectedBooking,
  CapacityChange,
  DayAgenda,
  HomeVisitAlternative,
  HomeVisitPlanning,
  NewCapacityChange,
  NewClosure,
  PlaceClosure,
  QueuedHomeVisit,
} from '../../domain/planning-api';
import { errorCodeOf } from '../api/http';
import {
  createCapacityChange,
  createClosure,
  declineHomeVisit,
  deleteClosure,
  fetchAgenda,
  fetchCapacityChanges,
  fetchClosures,
  fetchHomeVisitQueue,
  fetchLocations,
  markHomeVisitDone,
  offerAlternative,
  planHomeVisit,
} from '../api/planning';
import { newActionKey } from '../api/staff';
import { usePlaceChoice } from './place-choice';
import { useTrackedLoad } from './tracked-load';
import { useStaffStore } from './staff';
import { useStaffApiCall } from './staff-api-call';

/** A change's outcome for the form that asked: ok (with the bookings it hits), or the error code */
export type PlanningResult = { ok: true; affected: AffectedBooking[] } | { ok: false; code: string };

/**
 * The planner's screens: the places they plan, the agenda on screen, a place's closures and
 * capacity changes, and the home-visit queue. Like the case worker's store, every call keeps
 * the staff session in step; a 401 ends it, and leaving the session clears everything here.
 */
export const usePlanningStore = defineStore('planning', () => {
  const staff = useStaffStore();
  // Nothing to forget on a 401: the watch below clears this store however the session ends.
  const call = useStaffApiCall();

  /** The places this planner plans (within their municipalities), and the one on the agenda and closures pages */
  const { locations, locationsStatus, locationsErrorCode, locationId, loadLocations, clearPlaces } = usePlaceChoice(
    () => call(fetchLocations),
  );

  /** The agenda on screen */
  const agenda = ref<DayAgenda | null>(null);
  const { status: agendaStatus, errorCode: agendaErrorCode, ...agendaLoad } = useTrackedLoad();

  /** Closures and capacity changes of the chosen place, from today on */
  const closures = ref<PlaceClosure[]>([]);
  const capacityChanges = ref<CapacityChange[]>([]);
  const { status: closuresStatus, errorCode: closuresErrorCode, ...closuresLoad } = useTrackedLoad();

  /** Home visits to plan, and planned ones */
  const queue = ref<QueuedHomeVisit[]>([]);
  const { status: queueStatus, errorCode: queueErrorCode, ...queueLoad } = useTrackedLoad();

  async function loadAgenda(place: string, date: string): Promise<void> {
    const loaded = await agendaLoad.track(async () => {
      agenda.value = await call(() => fetchAgenda(place, date));
    });
    if (!loaded) agenda.value = null;
  }

  async function loadClosures(place: string): Promise<void> {
    await closuresLoad.track(async () => {
      const [c, k] = await Promise.all([call(() => fetchClosures(place)), call(() => fetchCapacityChanges(place))]);
      closures.value = c.closures;
      capacityChanges.value = k.capacityChanges;
    });
  }

  async function change(run: () => Promise<unknown>, reload: () => Promise<void>): Promise<PlanningResult> {
    try {
      const answer = (await call(run)) as { affected?: AffectedBooking[] } | undefined;
      await reload();
      return { ok: true, affected: answer?.affected ?? [] };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  const addClosure = (place: string, closure: NewClosure, key: string) =>
    change(
      () => createClosure(place, closure, key),
      () => loadClosures(place),
    );
  const removeClosure = (place: string, closureId: string, key: string) =>
    change(
      () => deleteClosure(place, closureId, key),
      () => loadClosures(place),
    );
  const changeCapacity = (place: string, input: NewCapacityChange, key: string) =>
    change(
      () => createCapacityChange(place, input, key),
      () => loadClosures(place),
    );

  async function loadQueue(): Promise<void> {
    // A refresh after a change keeps the list on screen.
    await queueLoad.track(
      async () => {
        queue.value = (await call(fetchHomeVisitQueue)).homeVisits;
      },
      { quiet: queue.value.length > 0 },
    );
  }

  const plan = (visitId: string, window: HomeVisitPlanning, key: string) =>
    change(() => planHomeVisit(visitId, window, key), loadQueue);
  const offer = (visitId: string, alternative: HomeVisitAlternative, key: string) =>
    change(() => offerAlternative(visitId, alternative, key), loadQueue);
  const decline = (visitId: string, reason: string, key: string) =>
    change(() => declineHomeVisit(visitId, reason, key), loadQueue);
  const done = (visitId: string, key: string) => change(() => markHomeVisitDone(visitId, key), loadQueue);

  function clear(): void {
    clearPlaces();
    agenda.value = null;
    agendaLoad.reset();
    closures.value = [];
    capacityChanges.value = [];
    closuresLoad.reset();
    queue.value = [];
    queueLoad.reset();
  }

  // An unattended desk shows nothing personal: the session's end takes the names off the screen.
  watch(
    () => staff.status,
    (status) => {
      if (status !== 'authenticated') clear();
    },
  );

  return {
    locations,
    locationsStatus,
    locationsErrorCode,
    locationId,
    agenda,
    agendaStatus,
    agendaErrorCode,
    closures,
    capacityChanges,
    closuresStatus,
    closuresErrorCode,
    queue,
    queueStatus,
    queueErrorCode,
    loadLocations,
    loadAgenda,
    loadClosures,
    addClosure,
    removeClosure,
    changeCapacity,
    loadQueue,
    plan,
    offer,
    decline,
    done,
    clear,
    newActionKey,
  };
});
