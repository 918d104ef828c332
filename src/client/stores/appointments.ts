/**
 * Appointments and home visits of the signed-in resident (personal data: reset at logout by the
 * reset plugin), and the booking draft: what the resident typed in the booking flow, kept while
 * they go back and forth between its steps (the choices themselves are in the URL).
 */
import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import type { Appointment } from '../../domain/appointments-api';
import type { HomeVisit } from '../../domain/home-visits-api';
import type { Address } from '../../domain/api';
import { getAppointments } from '../api/appointments';
import { getHomeVisits } from '../api/home-visits';
import { errorCodeOf, isAborted } from '../api/http';

export const useAppointmentsStore = defineStore('appointments', () => {
  const appointments = ref<Appointment[] | null>(null);
  const homeVisits = ref<HomeVisit[] | null>(null);
  const registeredAddress = ref<Address | null>(null);
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const errorCode = ref<string | null>(null);
  const draft = reactive({ interpreter: '', wheelchair: false, companion: false, note: '' });

  async function load(): Promise<void> {
    status.value = 'loading';
    errorCode.value = null;
    try {
      const [list, visits] = await Promise.all([getAppointments(), getHomeVisits()]);
      appointments.value = list.appointments;
      homeVisits.value = visits.homeVisits;
      registeredAddress.value = visits.registeredAddress;
      status.value = 'ready';
    } catch (error) {
      if (isAborted(error)) return;
      errorCode.value = errorCodeOf(error);
      status.value = 'error';
    }
  }

  function clearDraft(): void {
    Object.assign(draft, { interpreter: '', wheelchair: false, companion: false, note: '' });
  }

  return { appointments, homeVisits, registeredAddress, status, errorCode, draft, load, clearDraft };
});
