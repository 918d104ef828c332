import { ref, watch } from 'vue';
import { defineStore } from 'pinia';
import type { DeskAppointment, DeskDay, DeskLocation } from '../../domain/desk-api';
import { fetchDeskDay, fetchDeskLocations, lookupAppointment, postArrival } from '../api/desk';
import { ApiError, errorCodeOf } from '../api/http';
import { newActionKey } from '../api/staff';
import type { LoadStatus } from './load-status';
import type { Result } from './result';
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

  /** The places with desks this employee serves */
  const locations = ref<DeskLocation[]>([]);
  const locationsStatus = ref<LoadStatus>('idle');
  const locationsErrorCode = ref<string | null>(null);
  /** The place whose day is shown */
  const locationId = ref<string | null>(null);

  /** Today's appointments at that place */
  const day = ref<DeskDay | null>(null);
  const dayStatus = ref<LoadStatus>('idle');
  const dayErrorCode = ref<string | null>(null);

  /** The appointment found by its reference */
  const found = ref<DeskAppointment | null>(null);

  async function loadLocations(): Promise<void> {
    if (locationsStatus.value === 'ready') return;
    locationsStatus.value = 'loading';
    try {
      locations.value = (await call(fetchDeskLocations)).locations;
      locationId.value ??= locations.value[0]?.id ?? null;
      locationsStatus.value = 'ready';
    } catch (error) {
      locationsErrorCode.value = errorCodeOf(error);
      locationsStatus.value = 'error';
    }
  }

  async function loadDay(): Promise<void> {
    const place = locationId.value;
    if (!place) return;
    dayStatus.value = 'loading';
    dayErrorCode.value = null;
    try {
      day.value = await call(() => fetchDeskDay(place));
      dayStatus.value = 'ready';
    } catch (error) {
      day.value = null;
      dayErrorCode.value = errorCodeOf(error);
      dayStatus.value = 'error';
    }
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
    locations.value = [];
    locationsStatus.value = 'idle';
    locationId.value = null;
    day.value = null;
    dayStatus.value = 'idle';
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
