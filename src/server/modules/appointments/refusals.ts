/**
 * Every refusal of the appointments module as an AppError with a code the client translates
 * (messages in src/client/i18n, Dutch B1). SLOT_TAKEN, URGENT_CAPACITY_FULL and
 * URGENT_TERM_EXCEEDED carry details for the client to act on (the next free slots, the number
 * to call now, the last day of the urgent term), sent as `error.details` (ErrorResponse in
 * src/domain/api.ts).
 */
import type { RefusalDetails } from '../../../domain/appointments-api';
import type { ErrorCode } from '../../../domain/error-codes';
import { AppError } from '../../errors';

const REFUSALS = {
  MUNICIPALITY_NOT_SERVED: [403, "The resident's municipality does not take part in this consortium"],
  APPOINTMENT_NOT_ALLOWED: [403, 'This appointment type needs an open case of another scheme'],
  APPOINTMENT_TYPE_NOT_OFFERED: [422, 'This appointment type is not offered at this place or through this channel'],
  SLOT_NOT_OFFERED: [422, 'This start time is not a slot of this type and place within the booking window'],
  SLOT_TAKEN: [409, 'This slot was just taken; see details.nextSlots'],
  URGENT_CAPACITY_FULL: [409, 'No reserved urgent capacity is left within 3 working days; call now (details.phone)'],
  URGENT_TERM_EXCEEDED: [
    422,
    'Urgent debt help must take place within 3 working days of the request; details.termEndsOn is the last day',
  ],
  CUT_OFF_PASSED: [409, 'The appointment starts too soon to change or cancel it online'],
  APPOINTMENT_CANCELLED: [409, 'This appointment is cancelled'],
  PHONE_NUMBER_INVALID: [400, 'Not a Dutch phone number that can be called back'],
  HOME_VISIT_TRANSITION_NOT_ALLOWED: [409, 'This change is not allowed in the home visit’s current state'],
  VALIDATION_FAILED: [400, 'The request is not valid'],
} as const satisfies Partial<Record<ErrorCode, readonly [number, string]>>;

export type RefusalCode = keyof typeof REFUSALS;

export function refusal(code: RefusalCode, message?: string): AppError {
  const [status, text] = REFUSALS[code];
  return new AppError(status, code, message ?? text);
}

export function refusalWithDetails(
  code: 'SLOT_TAKEN' | 'URGENT_CAPACITY_FULL' | 'URGENT_TERM_EXCEEDED',
  details: RefusalDetails,
): AppError {
  const [status, text] = REFUSALS[code];
  return new AppError(status, code, text, { ...details });
}
