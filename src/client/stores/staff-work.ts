import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { StaffQuestion, Worklist } from '../../domain/questions-api';
import { errorCodeOf } from '../api/http';
import { newActionKey } from '../api/staff';
import {
  answerCaseQuestion,
  documentPreviewUrl,
  fetchCaseQuestions,
  fetchWorklist,
  PREVIEWABLE_TYPES,
} from '../api/staff-work';
import type { LoadStatus } from './load-status';
import type { ActionResult } from './staff-cases';
import { useStaffApiCall } from './staff-api-call';

/**
 * The case worker's work (issue 14): the worklist of their municipalities, and the questions of
 * the case open on screen with their answers. A 401 ends the staff session and takes the data
 * off the screen (staff-api-call.ts), as in the other staff stores.
 */
export const useStaffWorkStore = defineStore('staff-work', () => {
  const call = useStaffApiCall(clear);

  const worklist = ref<Worklist | null>(null);
  const worklistStatus = ref<LoadStatus>('idle');
  const worklistErrorCode = ref<string | null>(null);

  /** The questions of one case (the case open on screen) */
  const questions = ref<StaffQuestion[]>([]);
  const questionsCaseId = ref<string | null>(null);
  const questionsStatus = ref<LoadStatus>('idle');
  const questionsErrorCode = ref<string | null>(null);

  async function loadWorklist(): Promise<void> {
    if (!worklist.value) worklistStatus.value = 'loading';
    worklistErrorCode.value = null;
    try {
      worklist.value = await call(fetchWorklist);
      worklistStatus.value = 'ready';
    } catch (error) {
      worklistErrorCode.value = errorCodeOf(error);
      worklistStatus.value = 'error';
    }
  }

  async function loadQuestions(caseId: string): Promise<void> {
    if (questionsCaseId.value !== caseId) {
      questions.value = [];
      questionsCaseId.value = caseId;
      questionsStatus.value = 'loading';
    }
    questionsErrorCode.value = null;
    try {
      const loaded = await call(() => fetchCaseQuestions(caseId));
      if (questionsCaseId.value !== caseId) return;
      questions.value = loaded.questions;
      questionsStatus.value = 'ready';
    } catch (error) {
      if (questionsCaseId.value !== caseId) return;
      questionsErrorCode.value = errorCodeOf(error);
      questionsStatus.value = 'error';
    }
  }

  /** Answers one question; on success the list shows the answer (the question moves down). */
  async function answer(caseId: string, questionId: string, text: string, key: string): Promise<ActionResult> {
    try {
      const { question } = await call(() => answerCaseQuestion(caseId, questionId, { answer: text }, key));
      if (questionsCaseId.value === caseId) {
        const open = questions.value.filter((q) => q.answer === null && q.id !== question.id);
        const answered = questions.value.filter((q) => q.answer !== null && q.id !== question.id);
        questions.value = [...open, question, ...answered];
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, code: errorCodeOf(error) };
    }
  }

  function clear(): void {
    worklist.value = null;
    worklistStatus.value = 'idle';
    questions.value = [];
    questionsCaseId.value = null;
    questionsStatus.value = 'idle';
  }

  return {
    worklist,
    worklistStatus,
    worklistErrorCode,
    questions,
    questionsCaseId,
    questionsStatus,
    questionsErrorCode,
    loadWorklist,
    loadQuestions,
    answer,
    clear,
    newActionKey,
    documentPreviewUrl,
    /** Whether the browser can show this document itself */
    canPreview: (contentType: string) => PREVIEWABLE_TYPES.includes(contentType),
  };
});
