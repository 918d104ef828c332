/**
 * Appointments and home visits of the signed-in resident (personal data: reset at logout by the
 * reset plugin), and booking: the types and places this resident may book, the free slots for
 * the chosen type and place, the attempt to book (or move) one with what the server offers
 * instead when it refuses, and the draft: what the resident typed in the booking flow, kept
 * while they go back and forth between its steps (the choices themselves are in the URL).
 */
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type {
  Appointment,
  AppointmentChannel,
  AppointmentTypeList,
  Availability,
  NewAppointment,
  NewCallbackRequest,
  RefusalDetails,
  Reschedule,
  Slot,
} from '../../domain/appointments-api';
import type { HomeVisit, NewHomeVisit } from '../../domain/home-visits-api';
import type { Address } from '../../domain/api';
import {
  bookAppointment,
  cancelAppointment,
  getAppointment,
  getAppointments,
  getAppointmentTypes,
  getAvailability,
  newIdempotencyKey,
  requestCallback,
  rescheduleAppointment,
} from '../api/appointments';
import { acceptAlternative, cancelHomeVisit, getHomeVisits, requestHomeVisit } from '../api/home-visits';
import { ApiError, errorCodeOf, isAborted } from '../api/http';
import { cameWithThisPage } from '../server-render/server-state';
import { keepOfflineCopy, readOfflineCopy } from '../offline/personal-copy';
import { useOutboxStore } from './outbox';

/**
 * Which free slots to show: of one place, or (urgent debt help) of every place with reserved
 * capacity; when moving an appointment, the server decides from the appointment itself.
 */
interface SlotQuery {
  type: string;
  place: string | null;
  urgent: boolean;
  reschedule: string | null;
}

/** What the personal offline copy keeps: enough to know when and where, without a connection */
interface AppointmentsCopy {
  appointments: Appointment[];
  homeVisits: HomeVisit[];
  registeredAddress: Address | null;
}

export const useAppointmentsStore = defineStore('appointments', () => {
  const outbox = useOutboxStore();
  const appointments = ref<Appointment[] | null>(null);
  const homeVisits = ref<HomeVisit[] | null>(null);
  const registeredAddress = ref<Address | null>(null);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const errorCode = ref<string | null>(null);
  /** Set when what is shown is the offline copy: when the server gave it (ISO instant) */
  const savedAt = ref<string | null>(null);
  const draft = reactive({
    interpreter: '',
    wheelchair: false,
    companion: false,
    note: '',
    channel: 'in_person' as AppointmentChannel,
    caseId: '',
  });

  async function load(): Promise<void> {
    status.value = 'loading';
    errorCode.value = null;
    try {
      const [list, visits] = await Promise.all([getAppointments(), getHomeVisits()]);
      appointments.value = list.appointments;
      homeVisits.value = visits.homeVisits;
      registeredAddress.value = visits.registeredAddress;
      savedAt.value = null;
      status.value = 'ready';
      keepOfflineCopy('appointments', {
        appointments: list.appointments,
        homeVisits: visits.homeVisits,
        registeredAddress: visits.registeredAddress,
      } satisfies AppointmentsCopy);
    } catch (error) {
      if (isAborted(error)) return;
      // No network: the last known list, if this personal device kept one (offline/).
      const copy =
        errorCodeOf(error) === 'NETWORK_ERROR' ? await readOfflineCopy<AppointmentsCopy>('appointments') : null;
      if (copy) {
        appointments.value = copy.data.appointments;
        homeVisits.value = copy.data.homeVisits;
        registeredAddress.value = copy.data.registeredAddress;
        savedAt.value = copy.savedAt;
        status.value = 'ready';
        return;
      }
      errorCode.value = errorCodeOf(error);
      status.value = 'error';
    }
  }

  /** The appointment open on screen */
  const current = ref<Appointment | null>(null);
  const currentErrorCode = ref<string | null>(null);

  async function loadOne(id: string): Promise<void> {
    if (current.value?.id !== id) current.value = null;
    currentErrorCode.value = null;
    try {
      current.value = (await getAppointment(id)).appointment;
    } catch (error) {
      if (!isAborted(error)) currentErrorCode.value = errorCodeOf(error);
    }
  }

  // Changes that need no live availability go through the outbox: they work offline and show
  // as pending until sent. Each returns the queued item.
  const cancel = (id: string, reason: string) => outbox.enqueue(cancelAppointment(id, reason));
  const askCallback = (request: NewCallbackRequest) => outbox.enqueue(requestCallback(request));
  const askHomeVisit = (request: NewHomeVisit) => outbox.enqueue(requestHomeVisit(request));
  const cancelVisit = (id: string) => outbox.enqueue(cancelHomeVisit(id));
  const acceptVisitAlternative = (id: string) => outbox.enqueue(acceptAlternative(id));

  function clearDraft(): void {
    Object.assign(draft, {
      interpreter: '',
      wheelchair: false,
      companion: false,
      note: '',
      channel: 'in_person',
      caseId: '',
    });
  }

  /** What this resident can book where; null until the server answered */
  const catalog = ref<AppointmentTypeList | null>(null);
  const catalogError = ref<string | null>(null);

  async function loadCatalog(): Promise<void> {
    // Rendered by the server a moment ago with this catalogue: not asked for again.
    if (cameWithThisPage('appointments') && catalog.value) return;
    catalogError.value = null;
    try {
      catalog.value = await getAppointmentTypes();
    } catch (error) {
      if (!isAborted(error)) catalogError.value = errorCodeOf(error);
    }
  }

  /** Free slots for the type (and place) chosen on the booking page */
  const availability = ref<Availability | null>(null);
  const availabilityError = ref<string | null>(null);
  // Which query `availability` answers: the day and time steps share one answer.
  let availabilityFor = '';

  async function loadAvailability(query: SlotQuery): Promise<void> {
    const key = `${query.type}|${query.urgent ? '' : (query.place ?? '')}|${query.urgent}|${query.reschedule ?? ''}`;
    if (key === availabilityFor && availability.value) return;
    availabilityError.value = null;
    try {
      availability.value = await getAvailability({
        type: query.type,
        place: query.urgent ? undefined : (query.place ?? undefined),
        urgent: query.reschedule ? undefined : query.urgent,
        reschedule: query.reschedule ?? undefined,
      });
      availabilityFor = key;
    } catch (error) {
      if (!isAborted(error)) availabilityError.value = errorCodeOf(error);
    }
  }

  /** A booking (or move) on its way */
  const booking = ref(false);
  /** Why the last attempt was refused, and what the server offers instead */
  const bookError = ref<string | null>(null);
  const nextSlots = ref<Slot[] | null>(null);
  const callPhone = ref<string | null>(null);
  /** URGENT_TERM_EXCEEDED: the last day the urgent conversation may fall on */
  const termEndsOn = ref<string | null>(null);
  // The same attempt (e.g. after a network error) keeps its key: it books at most once.
  let attempt: { start: string; key: string } | null = null;

  /** Books (or, with `reschedule`, moves) an appointment; its id, or null when refused (see bookError). */
  async function book(
    request: { reschedule: string; change: Reschedule } | { reschedule: null; appointment: NewAppointment },
  ): Promise<string | null> {
    const start = request.reschedule !== null ? request.change.start : request.appointment.start;
    if (booking.value) return null;
    booking.value = true;
    bookError.value = null;
    callPhone.value = null;
    termEndsOn.value = null;
    if (attempt?.start !== start) attempt = { start, key: newIdempotencyKey() };
    const key = attempt.key;
    try {
      const appointment =
        request.reschedule !== null
          ? await rescheduleAppointment(request.reschedule, request.change, key)
          : await bookAppointment(request.appointment, key);
      clearDraft();
      attempt = null;
      return appointment.id;
    } catch (error) {
      if (isAborted(error)) return null;
      bookError.value = errorCodeOf(error);
      const details = error instanceof ApiError ? (error.details as RefusalDetails | null) : null;
      if (bookError.value === 'SLOT_TAKEN') {
        nextSlots.value = details?.nextSlots ?? [];
        availabilityFor = ''; // what we knew is out of date
      }
      if (details?.phone) callPhone.value = details.phone;
      if (details?.termEndsOn) termEndsOn.value = details.termEndsOn;
      return null;
    } finally {
      booking.value = false;
    }
  }

  /** The resident takes one of the offered slots instead: the refusal is answered. */
  function clearRefusal(): void {
    nextSlots.value = null;
    bookError.value = null;
    termEndsOn.value = null;
  }

  /** A fresh visit to the booking page: the latest types, new free slots, no old refusal. */
  function startBooking(): Promise<void> {
    availability.value = null;
    availabilityError.value = null;
    availabilityFor = '';
    clearRefusal();
    callPhone.value = null;
    attempt = null;
    return loadCatalog();
  }

  return {
    appointments,
    homeVisits,
    registeredAddress,
    status,
    errorCode,
    savedAt,
    draft,
    load,
    current,
    currentErrorCode,
    loadOne,
    cancel,
    askCallback,
    askHomeVisit,
    cancelVisit,
    acceptVisitAlternative,
    clearDraft,
    catalog,
    catalogError,
    loadCatalog,
    availability,
    availabilityError,
    loadAvailability,
    booking,
    bookError,
    nextSlots,
    callPhone,
    termEndsOn,
    book,
    clearRefusal,
    startBooking,
  };
});
