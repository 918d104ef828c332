/**
 * Every refusal of a document or upload as an AppError: a code the client translates (messages
 * in src/client/i18n, Dutch B1) and a fitting HTTP status.
 */
import type { ErrorCode } from '../../../domain/error-codes';
import { AppError } from '../../errors';

const REFUSALS = {
  DOCUMENT_TYPE_NOT_ALLOWED: [415, 'Only PDF, JPEG, PNG and HEIC/HEIF are accepted (by content, not name)'],
  DOCUMENT_TOO_LARGE: [413, 'The file is larger than the per-file limit'],
  DOCUMENT_EMPTY: [422, 'The file is empty'],
  DOCUMENT_ENCRYPTED_PDF: [422, 'Encrypted or password-protected PDFs are not accepted'],
  DOCUMENT_UNREADABLE: [422, 'The file cannot be read as the type it claims to be'],
  DOCUMENT_POLYGLOT: [422, 'The file is also valid as another type (polyglot)'],
  DOCUMENT_INFECTED: [422, 'The malware scanner found something in this file'],
  SCANNER_UNAVAILABLE: [503, 'The malware scanner does not answer; try again later'],
  DAILY_UPLOAD_LIMIT: [429, 'The daily upload limit for this resident is reached'],
  UPLOAD_NOT_FOUND: [404, 'Upload not found'],
  UPLOAD_INCOMPLETE: [409, 'The upload has not received all its bytes yet'],
  UPLOAD_ALREADY_REGISTERED: [409, 'This upload is already registered as a document'],
  REQUEST_CLOSED: [409, 'This document request takes no more documents'],
  REQUEST_TRANSITION_NOT_ALLOWED: [409, 'This change is not allowed in the request’s current state'],
} as const satisfies Partial<Record<ErrorCode, readonly [number, string]>>;

export type RefusalCode = keyof typeof REFUSALS;

export function refusal(code: RefusalCode): AppError {
  const [status, message] = REFUSALS[code];
  return new AppError(status, code, message);
}

export const isRefusalCode = (code: string): code is RefusalCode => Object.hasOwn(REFUSALS, code);

/** Refusals that depend on the file itself, so a retry gets the same answer. */
export const isFinalRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && isRefusalCode(error.code) && error.code.startsWith('DOCUMENT_');
