/**
 * Home visits: a resident who cannot come to the office (illness, disability, care for children
 * or relatives) asks the service to come. Staff plan a date and time window, offer an
 * alternative, or decline with a reason; the resident can cancel while nothing is final.
 * No dependencies: the browser client may import it.
 */

export const HOME_VISIT_REASONS = ['illness', 'disability', 'care_for_others', 'other'] as const;
export type HomeVisitReason = (typeof HOME_VISIT_REASONS)[number];

export const PARTS_OF_DAY = ['morning', 'afternoon'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

export const HOME_VISIT_STATES = [
  'requested',
  'planned',
  'alternative_offered',
  'declined',
  'done',
  'cancelled',
] as const;
export type HomeVisitState = (typeof HOME_VISIT_STATES)[number];

export type HomeVisitEvent = 'plan' | 'offer_alternative' | 'accept_alternative' | 'decline' | 'mark_done' | 'cancel';

/** When the resident is at home: parts of working days (ISO weekday 1..5). */
export interface AtHome {
  day: 1 | 2 | 3 | 4 | 5;
  part: PartOfDay;
}

export const HOME_VISIT_LIMITS = { reasonText: 300, note: 500, staffText: 1000 } as const;

const TRANSITIONS: Record<HomeVisitState, Partial<Record<HomeVisitEvent, HomeVisitState>>> = {
  requested: { plan: 'planned', offer_alternative: 'alternative_offered', decline: 'declined', cancel: 'cancelled' },
  // Staff may plan again (a new date after a phone call); the visit itself makes it done.
  planned: { plan: 'planned', mark_done: 'done', cancel: 'cancelled' },
  alternative_offered: { plan: 'planned', accept_alternative: 'planned', decline: 'declined', cancel: 'cancelled' },
  declined: {},
  done: {},
  cancelled: {},
};

/** The state after `event`, or null when the event is not allowed in `state`. */
export function nextHomeVisitState(state: HomeVisitState, event: HomeVisitEvent): HomeVisitState | null {
  return TRANSITIONS[state][event] ?? null;
}

export function isFinalHomeVisitState(state: HomeVisitState): boolean {
  return Object.keys(TRANSITIONS[state]).length === 0;
}

/** The same part of the same day twice is one availability; order by day, morning first. */
export function normalizeAtHome(entries: readonly AtHome[]): AtHome[] {
  const seen = new Set<string>();
  const result: AtHome[] = [];
  for (const entry of entries) {
    const key = `${entry.day}-${entry.part}`;
    if (!seen.has(key)) {
      seen.add(key);
      result.push({ day: entry.day, part: entry.part });
    }
  }
  return result.sort((a, b) => a.day - b.day || PARTS_OF_DAY.indexOf(a.part) - PARTS_OF_DAY.indexOf(b.part));
}
