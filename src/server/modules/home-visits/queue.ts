/**
 * The planner's view of home visits: the queue within the planner's municipalities and one
 * visit in scope (404 outside it, logged as denied).
 */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { formatDutchPhone } from '../../../domain/appointments-phone';
import type { Consortium } from '../../../domain/consortium';
import type { HomeVisitState } from '../../../domain/home-visits';
import { mayActIn, municipalitiesFor } from '../../../domain/staff';
import type { QueuedHomeVisit } from '../../../domain/planning-api';
import type { CaseSystem } from '../../case-system/index';
import type { Database, HomeVisitRow } from '../../db/schema';
import { notFound } from '../../errors';
import { isUuid } from '../appointments/queries';
import { PLANNER } from '../planning/scope';
import { actingRole, requireStaff, type SignedInStaff } from '../staff/session';

// ---- the home-visit queue ----------------------------------------------------------------

const QUEUE_STATES: readonly HomeVisitState[] = ['requested', 'alternative_offered', 'planned'];

export interface ScopedVisit {
  visit: QueuedHomeVisit;
  bsn: string;
}

function visitsWithResident(db: Kysely<Database>) {
  return db
    .selectFrom('home_visits')
    .innerJoin('persons', 'persons.bsn', 'home_visits.bsn')
    .selectAll('home_visits')
    .select(['persons.name as resident_name', 'persons.municipality_code']);
}

type VisitRow = HomeVisitRow & { resident_name: string; municipality_code: string };

/** The visits with the reference of the case each is about (from the case system, in one question). */
async function toQueued(cases: CaseSystem, consortium: Consortium, rows: VisitRow[]): Promise<ScopedVisit[]> {
  const references = await cases.caseReferences(rows.flatMap((r) => (r.case_id ? [r.case_id] : [])));
  return rows.map((r) => toQueuedVisit(consortium, r, r.case_id ? (references.get(r.case_id) ?? null) : null));
}

function toQueuedVisit(consortium: Consortium, r: VisitRow, caseReference: string | null): ScopedVisit {
  const window =
    r.planned_date && r.window_from && r.window_until
      ? { date: r.planned_date, from: r.window_from, until: r.window_until }
      : null;
  const municipality = consortium.municipalities.find((m) => m.code === r.municipality_code);
  return {
    bsn: r.bsn,
    visit: {
      id: r.id,
      reference: r.reference,
      state: r.state,
      residentName: r.resident_name,
      municipality: { code: r.municipality_code, name: municipality?.name ?? r.municipality_code },
      reason: r.reason,
      reasonText: r.reason_text,
      address: { street: r.street, postalCode: r.postal_code, city: r.city },
      addressCorrected: r.address_corrected,
      atHome: r.at_home,
      phone: formatDutchPhone(r.phone),
      caseReference,
      note: r.note,
      planned: r.state === 'planned' || r.state === 'alternative_offered' || r.state === 'done' ? window : null,
      alternativeNote: r.state === 'alternative_offered' ? r.alternative_note : null,
      requestedAt: r.requested_at.toISOString(),
    },
  };
}

/** Open requests first (oldest first: they waited longest), then planned visits by date. */
export async function scopedQueue(
  db: Kysely<Database>,
  cases: CaseSystem,
  consortium: Consortium,
  staff: SignedInStaff,
): Promise<ScopedVisit[]> {
  const allowed = municipalitiesFor(staff.grants, PLANNER);
  if (allowed !== 'all' && allowed.size === 0) return [];
  let query = visitsWithResident(db).where('home_visits.state', 'in', [...QUEUE_STATES]);
  if (allowed !== 'all') query = query.where('persons.municipality_code', 'in', [...allowed]);
  const rows = (await query.orderBy('home_visits.requested_at').limit(500).execute()) as VisitRow[];
  const entries = await toQueued(cases, consortium, rows);
  const at = (e: ScopedVisit) => `${e.visit.planned?.date ?? ''}${e.visit.planned?.from ?? ''}`;
  const open = entries.filter((e) => e.visit.state !== 'planned');
  const planned = entries.filter((e) => e.visit.state === 'planned').sort((a, b) => at(a).localeCompare(at(b)));
  return [...open, ...planned];
}

/** One home visit, when it exists AND lies in the planner's municipalities; otherwise 404. */
export async function visitInScope(
  request: FastifyRequest,
  db: Kysely<Database>,
  cases: CaseSystem,
  consortium: Consortium,
  visitId: string,
): Promise<ScopedVisit> {
  const staff = requireStaff(request, PLANNER);
  if (!isUuid(visitId)) throw notFound('Home visit');
  const row = (await visitsWithResident(db).where('home_visits.id', '=', visitId).executeTakeFirst()) as
    VisitRow | undefined;
  if (!row) throw notFound('Home visit');
  if (!mayActIn(staff.grants, PLANNER, row.municipality_code)) {
    await request.server.auditor.denied(request, {
      role: actingRole(staff, PLANNER),
      action: request.method === 'GET' ? 'read' : 'update',
      objectType: 'home_visit',
      objectId: row.id,
      purpose: null,
    });
    throw notFound('Home visit');
  }
  const [visit] = await toQueued(cases, consortium, [row]);
  return visit!;
}
