import { ref, watch } from 'vue';
import { defineStore } from 'pinia';
import type { DeskAppointment, DeskDay } from '../../domain/desk-api';
import { fetchDeskDay, fetchDeskLocations, lookupAppointment, postArrival } from '../api/desk';
import { ApiError, errorCodeOf } from '../api/http';
import { newActionKey } from '../api/staff';
import type { Result } from './result';
import { usePlaceChoice } from './place-choice';
import { useTrackedLoad } from './tracked-load';
import { useStaffStore } from './staff';
import { useStaffApiCall } from './staff-api-call';

/**
 * The front desk's check-in (issue 14): the places this employee serves (the first, the central
 * office, chosen until they pick another), today's appointments there, the appointment found by
 * its reference, and marking a resident as arrived. As every back-office store: each call keeps
 * the staff session in step, and the end of the session takes the names off the screen.
 */
export const useDeskStore = defineStore('desk', () => {
  const staff = useStaffStore();
  const call = useStaffApiCall();

  /** The places with desks this employee serves, and the one whose day is shown */
  const { locations, locationsStatus, locationsErrorCode, locationId, loadLocations, clearPlaces } = usePlaceChoice(
    () => call(fetchDeskLocations),
  );

  /** Today's appointments at that place */
  const day = ref<DeskDay | null>(null);
  const { status: dayStatus, errorCode: dayErrorCode, ...dayLoad } = useTrackedLoad();

  /** The appointment found by its reference */
  const found = ref<DeskAppointment | null>(null);

  async function loadDay(): Promise<void> {
    const place = locationId.value;
    if (!place) return;
    const loaded = await dayLoad.track(async () => {
      day.value = await call(() => fetchDeskDay(place));
    });
    if (!loaded) day.value = null;
  }

  /** Another place: its day is loaded at once. */
  async function choose(place: string): Promise<void> {
    locationId.value = place;
    await loadDay();
  }

  /** Finds an appointment by its reference (typed or scanned); the form keeps what was typed. */
  async function find(reference: string): Promise<Result<DeskAppointment>> {
    found.value = null;
    try {
      found.value = (await call(() => lookupAppointment(reference))).appointment;
      return { ok: true, value: found.value };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  /** The resident is here. Updates the found appointment and today's list alike. */
  async function arrive(appointmentId: string, key = newActionKey()): Promise<Result<DeskAppointment>> {
    try {
      const arrived = (await call(() => postArrival(appointmentId, key))).appointment;
      if (found.value?.id === arrived.id) found.value = arrived;
      if (day.value) day.value.appointments = day.value.appointments.map((a) => (a.id === arrived.id ? arrived : a));
      return { ok: true, value: arrived };
    } catch (error) {
      return { ok: false, code: error instanceof ApiError && error.status === 404 ? 'NOT_FOUND' : errorCodeOf(error) };
    }
  }

  function clear(): void {
    clearPlaces();
    day.value = null;
    dayLoad.reset();
    found.value = null;
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
    day,
    dayStatus,
    dayErrorCode,
    found,
    loadLocations,
    loadDay,
    choose,
    find,
    arrive,
  };
});
