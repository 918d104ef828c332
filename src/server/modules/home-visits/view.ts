/** Stored home visits as the resident reads them (src/domain/home-visits-api.ts). */
import { formatDutchPhone } from '../../../domain/appointments-phone';
import type { HomeVisit } from '../../../domain/home-visits-api';
import { nextHomeVisitState } from '../../../domain/home-visits';
import type { HomeVisitRow } from '../../db/schema';

function windowOf(row: HomeVisitRow) {
  return row.planned_date && row.window_from && row.window_until
    ? { date: row.planned_date, from: row.window_from, until: row.window_until }
    : null;
}

export function toHomeVisit(row: HomeVisitRow): HomeVisit {
  const offered = row.state === 'alternative_offered';
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    reason: row.reason,
    reasonText: row.reason_text,
    address: { street: row.street, postalCode: row.postal_code, city: row.city },
    addressCorrected: row.address_corrected,
    atHome: row.at_home,
    phone: formatDutchPhone(row.phone),
    caseId: row.case_id,
    note: row.note,
    planned: row.state === 'planned' || row.state === 'done' ? windowOf(row) : null,
    // While an alternative is on offer, the window columns hold the proposed date (if any).
    alternative: offered ? { note: row.alternative_note ?? '', proposed: windowOf(row) } : null,
    declineReason: row.state === 'declined' ? row.decline_reason : null,
    requestedAt: row.requested_at.toISOString(),
    changedAt: row.changed_at.toISOString(),
    canCancel: nextHomeVisitState(row.state, 'cancel') !== null,
    canAcceptAlternative: offered && windowOf(row) !== null,
  };
}
