/**
 * Writes the demo residents into an empty database, through the same tables the modules
 * read. Runs on the first start of the embedded default only (see main.ts).
 */
import type { Kysely } from 'kysely';
import { schemesFor, type Consortium } from '../../domain/consortium';
import { addDays, type IsoDate } from '../../domain/dates';
import type { BlobStore } from '../blobs/index';
import type { Database } from '../db/schema';
import { URGENCY_PROPERTY } from '../modules/applications/service';
import { storeLetter } from '../modules/documents/letters';
import { ownTablesCaseSystem } from '../case-system/own-tables';
import { insertDemoAppointment } from './appointments';
import { insertDemoHomeVisits } from './home-visits';
import { decisionLetter, informationRequestLetter } from './letters';
import { daysAgo, demoResidents, type DemoCase, type DemoResident } from './residents';

export interface SeedOptions {
  /** Where the demo letters (real PDFs) go; without it letters are listed without a file */
  blobs?: BlobStore;
}

interface CaseSeed {
  trx: Kysely<Database>;
  consortium: Consortium;
  resident: DemoResident;
  today: IsoDate;
  blobs: BlobStore | undefined;
}

/** The instant of a wall-clock time in Amsterdam on a given day (DST-aware via Intl). */
function amsterdamInstant(date: IsoDate, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'shortOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')?.value; // e.g. "GMT+1"
  const hours = Number(offset?.replace('GMT', '') || 0);
  return new Date(guess.getTime() - hours * 3_600_000);
}

export async function seedDemoData(
  db: Kysely<Database>,
  consortium: Consortium,
  today: IsoDate,
  options: SeedOptions = {},
): Promise<number> {
  const residents = demoResidents(consortium, today);
  await db.transaction().execute(async (trx) => {
    let serial = 1;
    for (const resident of residents) {
      await trx
        .insertInto('persons')
        .values({
          bsn: resident.bsn,
          name: resident.name,
          municipality_code: resident.municipalityCode,
          street: resident.address.street,
          postal_code: resident.address.postalCode,
          city: resident.address.city,
        })
        .execute();
      for (const demoCase of resident.cases) {
        const added = await insertCase({ trx, consortium, resident, today, blobs: options.blobs }, demoCase, serial);
        if (added) serial += 1;
      }
      await insertAppointments(trx, consortium, resident, today);
      await insertDemoHomeVisits(trx, resident, today);
    }
  });
  return residents.length;
}

async function insertCase(seed: CaseSeed, demo: DemoCase, serial: number): Promise<boolean> {
  const { trx, consortium, resident, today } = seed;
  const scheme = schemesFor(consortium, resident.municipalityCode).find((s) => s.kind === demo.scheme);
  if (!scheme) return false;
  const submittedOn = daysAgo(today, demo.submittedDaysAgo);
  const reference = `WI-${submittedOn.slice(0, 4)}-${String(serial).padStart(5, '0')}`;
  const { id } = await trx
    .insertInto('cases')
    .values({
      reference,
      case_type: scheme.code,
      municipality_code: resident.municipalityCode,
      registered_on: submittedOn,
      decision_term_weeks: scheme.decisionTermWeeks,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('case_roles').values({ case_id: id, role_type: 'initiator', bsn: resident.bsn }).execute();
  for (const [code, ago, note] of demo.statuses) {
    await trx
      .insertInto('case_statuses')
      .values({
        case_id: id,
        status_type: code,
        set_at: amsterdamInstant(daysAgo(today, ago), '09:30'),
        note: note ?? null,
      })
      .execute();
  }
  for (const request of demo.documentRequests ?? []) {
    await trx
      .insertInto('document_requests')
      .values({
        case_id: id,
        title_nl: request.title.nl,
        title_en: request.title.en,
        reason_nl: request.reason.nl,
        reason_en: request.reason.en,
        requested_on: daysAgo(today, request.requestedDaysAgo),
        due_date: addDays(today, request.dueInDays),
      })
      .execute();
  }
  if (demo.extension) {
    await trx
      .insertInto('case_extensions')
      .values({
        case_id: id,
        weeks: demo.extension.weeks,
        notice_on: daysAgo(today, demo.extension.noticeDaysAgo),
        reason: demo.extension.reason,
      })
      .execute();
  }
  if (demo.informationLetterDaysAgo !== undefined && seed.blobs) {
    await insertInformationLetter(seed, demo, id, reference);
  }
  if (demo.decision) {
    const decidedOn = daysAgo(today, demo.decision.decidedDaysAgo);
    const letterId = await insertDecisionLetter(seed, demo, {
      id,
      reference,
      submittedOn,
      decidedOn,
      schemeName: scheme.name.nl,
    });
    await trx
      .insertInto('case_results')
      .values({ case_id: id, result_type: demo.decision.result, decided_on: decidedOn, letter_document_id: letterId })
      .execute();
  }
  if (demo.urgency) {
    await trx
      .insertInto('case_properties')
      .values({ case_id: id, name: URGENCY_PROPERTY, value: demo.urgency })
      .execute();
  }
  return true;
}

async function insertAppointments(
  trx: Kysely<Database>,
  consortium: Consortium,
  resident: DemoResident,
  today: IsoDate,
) {
  for (const [index, appointment] of (resident.appointments ?? []).entries()) {
    await insertDemoAppointment(trx, consortium, resident.bsn, appointment, index, today);
  }
}

interface SeededCase {
  id: string;
  reference: string;
  submittedOn: IsoDate;
  decidedOn: IsoDate;
  schemeName: string;
}

async function insertDecisionLetter(seed: CaseSeed, demo: DemoCase, c: SeededCase): Promise<string> {
  const { trx, blobs, resident, consortium } = seed;
  const title = demo.decision!.letterTitle;
  const sentAt = amsterdamInstant(c.decidedOn, '14:00');
  if (blobs) {
    const note = demo.statuses.find(([code]) => code === 'decided')?.[2];
    const pdf = await decisionLetter(consortium, resident, { ...c, note });
    return storeLetter(trx, ownTablesCaseSystem(blobs)(trx), blobs, {
      caseId: c.id,
      title,
      fileName: 'besluit.pdf',
      pdf,
      sentAt,
      kind: 'decision',
    });
  }
  const letter = await trx
    .insertInto('documents')
    .values({
      title,
      file_name: 'besluit.pdf',
      content_type: 'application/pdf',
      size_bytes: 0,
      storage_key: null,
      origin: 'service',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_documents')
    .values({ case_id: c.id, document_id: letter.id, registered_at: sentAt })
    .execute();
  return letter.id;
}

async function insertInformationLetter(seed: CaseSeed, demo: DemoCase, caseId: string, reference: string) {
  const sentOn = daysAgo(seed.today, demo.informationLetterDaysAgo!);
  const requests = (demo.documentRequests ?? []).map((r) => ({ ...r, dueDate: addDays(seed.today, r.dueInDays) }));
  const pdf = await informationRequestLetter(seed.consortium, seed.resident, { reference, sentOn, requests });
  await storeLetter(seed.trx, ownTablesCaseSystem(seed.blobs!)(seed.trx), seed.blobs!, {
    caseId,
    title: 'Brief: wij hebben meer informatie nodig',
    fileName: 'verzoek-om-informatie.pdf',
    pdf,
    kind: 'other',
    sentAt: amsterdamInstant(sentOn, '11:00'),
  });
}
