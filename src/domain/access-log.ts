/**
 * "Wie keek in mijn gegevens": the audit log has one row per request, so one desk visit and
 * one case worker's session made 45 rows (9,000 px on a phone). A resident asks "who looked,
 * why, when, and at what", so rows are grouped into visits: the same member of staff (or, when
 * unknown, the same role) with the same purpose, with no more than VISIT_GAP_MINUTES between
 * one row and the next. Pure, so the rule has its own tests; the server applies it and sends
 * visits (the phone downloads a few visits instead of hundreds of rows).
 */
import type { AuditAction, AuditObjectType, AuditPurpose, StaffRole } from './staff';

/** A pause longer than this starts a new visit: a desk visit or a case review takes minutes, not hours. */
const VISIT_GAP_MINUTES = 30;

export interface AccessRow {
  at: Date;
  /** Who did it: the staff account id, or null when unknown (then the role groups) */
  actor: string | null;
  role: StaffRole;
  action: AuditAction;
  objectType: AuditObjectType;
  purpose: AuditPurpose | null;
  staffName: string | null;
}

interface SeenItem {
  action: AuditAction;
  objectType: AuditObjectType;
  /** Times it happened in this visit */
  count: number;
}

export interface AccessVisit {
  from: Date;
  to: Date;
  role: StaffRole;
  purpose: AuditPurpose | null;
  staffName: string | null;
  /** What was seen or done, in the order it first happened; each kind once */
  seen: SeenItem[];
}

interface OpenVisit extends AccessVisit {
  key: string;
}

/**
 * Groups rows into visits, newest first. Rows may come in any order; rows of the same instant
 * keep the order given, so pass them in the order they happened. Two people working at the same time keep
 * separate visits: a row joins the open visit of its own actor and purpose.
 */
export function groupIntoVisits(rows: readonly AccessRow[], gapMinutes = VISIT_GAP_MINUTES): AccessVisit[] {
  const gapMs = gapMinutes * 60_000;
  const chronological = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime());
  const open = new Map<string, OpenVisit>();
  const visits: OpenVisit[] = [];
  for (const row of chronological) {
    const key = `${row.actor ?? `role:${row.role}`}|${row.purpose ?? ''}`;
    let visit = open.get(key);
    if (!visit || row.at.getTime() - visit.to.getTime() > gapMs) {
      visit = {
        key,
        from: row.at,
        to: row.at,
        role: row.role,
        purpose: row.purpose,
        staffName: row.staffName,
        seen: [],
      };
      open.set(key, visit);
      visits.push(visit);
    }
    visit.to = row.at;
    const item = visit.seen.find((s) => s.action === row.action && s.objectType === row.objectType);
    if (item) item.count += 1;
    else visit.seen.push({ action: row.action, objectType: row.objectType, count: 1 });
  }
  return visits.sort((a, b) => b.to.getTime() - a.to.getTime()).map(({ key: _key, ...visit }) => visit);
}
