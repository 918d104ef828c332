/**
 * The case worker's worklist, a case's questions and answering them, and the inline preview of
 * a case document (/api/staff, issue 14). Staff chunk only.
 */
import type {
  QuestionAnswerInput,
  StaffQuestionList,
  StaffQuestionResponse,
  Worklist,
} from '../../domain/questions-api';
import { staffRequest } from './staff';

const caseUrl = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}`;

export const fetchWorklist = () => staffRequest<Worklist>('GET', '/api/staff/worklist');

export const fetchCaseQuestions = (caseId: string) =>
  staffRequest<StaffQuestionList>('GET', `${caseUrl(caseId)}/questions`);

export const answerCaseQuestion = (caseId: string, questionId: string, input: QuestionAnswerInput, key: string) =>
  staffRequest<StaffQuestionResponse>(
    'POST',
    `${caseUrl(caseId)}/questions/${encodeURIComponent(questionId)}/answer`,
    input,
    key,
  );

/** Shown by the browser itself (an <iframe> for a PDF, an <img> for a photo): the server answers inline. */
export const documentPreviewUrl = (caseId: string, documentId: string) =>
  `${caseUrl(caseId)}/documents/${encodeURIComponent(documentId)}/preview`;

/** What the preview route shows (others answer 415 and stay a download); as the server's list */
export const PREVIEWABLE_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];
