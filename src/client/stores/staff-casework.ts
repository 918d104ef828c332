import { ref } from 'vue';
import { defineStore } from 'pinia';
import type {
  CaseHandling,
  DecisionInput,
  StaffSessionInfo,
  StatusChange,
  TermExtension,
} from '../../domain/casework-api';
import type { StaffAccountList } from '../../domain/staff-api';
import { errorCodeOf } from '../api/http';
import { newActionKey } from '../api/staff';
import {
  changeCaseStatus,
  disableStaffAccount,
  endStaffSession,
  extendDecisionTerm,
  fetchStaffAccounts,
  fetchStaffSessions,
  recordDecision,
  uploadDecisionLetter,
} from '../api/staff-casework';
import type { LoadStatus } from './load-status';
import { useStaffApiCall } from './staff-api-call';
import { useStaffCasesStore, type ActionResult } from './staff-cases';

/**
 * The case worker's changes to the case on screen (status, decision term, decision, letter):
 * the answer's `handling` replaces the case's. And the administrator's accounts and live
 * sessions. A 401 ends the staff session on this page, as in the cases store.
 */
export const useStaffCaseworkStore = defineStore('staff-casework', () => {
  const cases = useStaffCasesStore();
  const call = useStaffApiCall(() => {
    cases.clear();
    clear();
  });

  const accounts = ref<StaffAccountList['accounts']>([]);
  const accountsStatus = ref<LoadStatus>('idle');
  const accountsErrorCode = ref<string | null>(null);
  const sessions = ref<StaffSessionInfo[]>([]);
  const sessionsStatus = ref<LoadStatus>('idle');
  const sessionsErrorCode = ref<string | null>(null);

  async function handle(caseId: string, run: () => Promise<{ handling: CaseHandling }>): Promise<ActionResult> {
    try {
      const { handling } = await call(run);
      if (cases.detailId === caseId && cases.detail) cases.detail = { ...cases.detail, handling };
      return { ok: true };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  const changeStatus = (caseId: string, change: StatusChange, key: string) =>
    handle(caseId, () => changeCaseStatus(caseId, change, key));
  const extendTerm = (caseId: string, extension: TermExtension, key: string) =>
    handle(caseId, () => extendDecisionTerm(caseId, extension, key));
  const decide = (caseId: string, decision: DecisionInput, key: string) =>
    handle(caseId, () => recordDecision(caseId, decision, key));
  const addLetter = (caseId: string, file: Blob, key: string) =>
    handle(caseId, () => uploadDecisionLetter(caseId, file, key));

  async function loadAccounts(): Promise<void> {
    if (accounts.value.length === 0) accountsStatus.value = 'loading';
    accountsErrorCode.value = null;
    try {
      accounts.value = (await call(fetchStaffAccounts)).accounts;
      accountsStatus.value = 'ready';
    } catch (error) {
      accountsErrorCode.value = errorCodeOf(error);
      accountsStatus.value = 'error';
    }
  }

  async function disableAccount(accountId: string, key: string): Promise<ActionResult> {
    try {
      const updated = await call(() => disableStaffAccount(accountId, key));
      accounts.value = accounts.value.map((a) => (a.id === updated.id ? updated : a));
      return { ok: true };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  async function loadSessions(): Promise<void> {
    if (sessions.value.length === 0) sessionsStatus.value = 'loading';
    sessionsErrorCode.value = null;
    try {
      sessions.value = (await call(fetchStaffSessions)).sessions;
      sessionsStatus.value = 'ready';
    } catch (error) {
      sessionsErrorCode.value = errorCodeOf(error);
      sessionsStatus.value = 'error';
    }
  }

  async function endSession(sessionId: string, key: string): Promise<ActionResult> {
    try {
      sessions.value = (await call(() => endStaffSession(sessionId, key))).sessions;
      return { ok: true };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  function clear(): void {
    accounts.value = [];
    accountsStatus.value = 'idle';
    sessions.value = [];
    sessionsStatus.value = 'idle';
  }

  return {
    accounts,
    accountsStatus,
    accountsErrorCode,
    sessions,
    sessionsStatus,
    sessionsErrorCode,
    changeStatus,
    extendTerm,
    decide,
    addLetter,
    loadAccounts,
    disableAccount,
    loadSessions,
    endSession,
    clear,
    newActionKey,
  };
});
