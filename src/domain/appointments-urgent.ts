/**
 * The urgent path of debt help (Wgs art. 4 lid 1 sub b): the first conversation falls within 3
 * working days of the request. The request is the day the resident booked the urgent
 * appointment; moving the appointment later does not move that day, so a reschedule is held to
 * the same last day as the first booking. Offering a later day would offer what the law does not
 * allow, and failing only at the last step would leave the resident guessing why.
 *
 * SERVER-ONLY: the working days need ./holidays (through ./deadlines).
 */
import { compareDates, type IsoDate } from './dates';
import { debtHelpFirstConversationDueDate } from './deadlines';

/** The last day an urgent debt-help conversation requested on `requestedOn` may fall on. */
export function urgentTermEndsOn(requestedOn: IsoDate): IsoDate {
  return debtHelpFirstConversationDueDate(requestedOn, true);
}

/** When `day` falls after the urgent term of a request made on `requestedOn`: the term's last day; else null. */
export function urgentTermExceeded(day: IsoDate, requestedOn: IsoDate): IsoDate | null {
  const termEndsOn = urgentTermEndsOn(requestedOn);
  return compareDates(day, termEndsOn) > 0 ? termEndsOn : null;
}
