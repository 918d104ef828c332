/**
 * Appointments and home visits of the signed-in resident (personal data: reset at logout by the
 * reset plugin), and the booking draft: what the resident typed in the booking flow, kept while
 * they go back and forth between its steps (the choices themselves are in the URL).
 */
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { Appointment, AppointmentChannel } from '../../domain/appointments-api';
import type { HomeVisit } from '../../domain/home-visits-api';
import type { Address } from '../../domain/api';
import { getAppointments } from '../api/appointments';
import { getHomeVisits } from '../api/home-visits';
import { errorCodeOf, isAborted } from '../api/http';
import { keepOfflineCopy, readOfflineCopy } from '../offline/personal-copy';

/** What the personal offline copy keeps: enough to know when and where, without a connection */
interface AppointmentsCopy {
  appointments: Appointment[];
  homeVisits: HomeVisit[];
  registeredAddress: Address | null;
}

export const useAppointmentsStore = defineStore('appointments', () => {
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

  return { appointments, homeVisits, registeredAddress, status, errorCode, savedAt, draft, load, clearDraft };
});
