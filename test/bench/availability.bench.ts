/**
 * Appointments (issue 5): availability over a 6-week horizon with 10,000 existing bookings,
 * as the pure rules (src/domain/availability.ts) and through the API on PGlite (query + rules +
 * JSON); and the race of 1,000 concurrent booking attempts for one last free unit (successes
 * must be 1). Figures only, never test assertions: times vary between machines and runs.
 *
 * Part of `npm run bench` (test/bench/run.ts); alone: `npx tsx test/bench/availability.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { loadConsortium } from '../../src/consortia/index';
import { amsterdamInstant } from '../../src/domain/availability-time';
import { availableSlots, bookingWindow, type BookedUnit } from '../../src/domain/availability';
import type { Consortium, Office } from '../../src/domain/consortium';
import { addDays, isoWeekday } from '../../src/domain/dates';
import { isGeneralHoliday } from '../../src/domain/holidays';
import { createAppointmentsTestApp } from '../../src/server/modules/appointments/testing';
import { percentile, type Section } from './report';

const NOW = new Date('2026-09-14T06:00:00Z'); // Monday 08:00; the horizon crosses the end of summer time
const BOOKINGS = 10_000;
const RUNS = 200;
const RACERS = 1_000;
const UNITS = 40;

/** The default consortium with a big central office: 40 parallel desks, weekdays 08:30-17:00. */
function bigOffice(): Consortium {
  const c = structuredClone(loadConsortium('leidschendam-voorburg')) as Consortium;
  const office = c.centralOffice;
  office.openingHours = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '17:00' }));
  office.desks = [
    {
      id: 'bench',
      types: ['intake', 'consultation', 'debt-help-first'],
      hours: [{ days: [1, 2, 3, 4, 5], from: '08:30', until: '17:00', units: UNITS }],
    },
    ...(office.desks ?? [])
      .filter((d) => d.urgentOnly)
      .map((d) => ({ ...d, hours: d.hours.map((h) => ({ ...h, days: [1, 2, 3, 4, 5] })) })),
  ];
  office.closures = [];
  return c;
}

/** A fixed pseudo-random sequence (mulberry32), so every run books the same 10,000 slots. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 10,000 intake bookings (45 min) on free units across the horizon, about 3 in 4 units taken. */
function existingBookings(until: string): BookedUnit[] {
  const cells: Array<[string, number, number]> = [];
  for (let day = '2026-09-14'; day <= until; day = addDays(day, 1)) {
    if (isoWeekday(day) > 5 || isGeneralHoliday(day)) continue;
    for (let unit = 1; unit <= UNITS; unit += 1)
      for (let k = 0; 510 + (k + 1) * 45 <= 1020; k += 1) cells.push([day, unit, k]);
  }
  const next = random(2026);
  for (let i = cells.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [cells[i], cells[j]] = [cells[j]!, cells[i]!];
  }
  if (cells.length < BOOKINGS) throw new Error(`only ${cells.length} cells for ${BOOKINGS} bookings`);
  return cells.slice(0, BOOKINGS).map(([day, unit, k]) => {
    const start = amsterdamInstant(
      day,
      `${String(Math.floor((510 + k * 45) / 60)).padStart(2, '0')}:${String((510 + k * 45) % 60).padStart(2, '0')}`,
    );
    return { deskId: 'bench', unit, start, end: new Date(start.getTime() + 45 * 60_000), typeCode: 'intake' };
  });
}

function timed(runs: number, work: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return times;
}

async function timedAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

function pureRules(consortium: Consortium, bookings: BookedUnit[]) {
  const type = consortium.appointments.types.find((t) => t.code === 'intake')!;
  const window = bookingWindow(consortium.appointments, type, false, NOW);
  const input = {
    place: consortium.centralOffice as Office,
    type,
    urgent: false,
    earliest: window.earliest,
    from: window.from,
    until: window.until,
    bookings,
  };
  const slots = availableSlots(input);
  timed(20, () => availableSlots(input)); // warm-up
  return {
    times: timed(RUNS, () => availableSlots(input)),
    slots: slots.length,
    days: `${window.from}..${window.until}`,
  };
}

async function throughApi(consortium: Consortium, bookings: BookedUnit[]) {
  const t = await createAppointmentsTestApp('pglite', { now: NOW, consortium });
  try {
    const place = consortium.centralOffice.id;
    for (let i = 0; i < bookings.length; i += 500) {
      const rows = bookings.slice(i, i + 500).map((b, j) => ({
        reference: `AFS-BENCH${i + j}`,
        bsn: '999990019',
        type_code: b.typeCode,
        place_id: place,
        starts_at: b.start,
        ends_at: b.end,
        desk_id: b.deskId,
        unit: b.unit,
        booked_at: NOW,
      }));
      await t.ctx.db.insertInto('appointments').values(rows).execute();
    }
    const resident = await t.signedIn('999990068');
    const url = `/api/appointments/availability?type=intake&place=${place}`;
    const get = async () => {
      const res = await resident.get(url);
      if (res.statusCode !== 200) throw new Error(`availability answered ${res.statusCode}`);
    };
    await timedAsync(10, get);
    const times = await timedAsync(RUNS, get);

    // The race: the first free slot with its units all taken but one, then 1,000 attempts at once.
    const free = (await resident.get(`${url}&from=2026-09-15&until=2026-09-15`)).json().days[0].slots[0];
    await t.ctx.db.deleteFrom('appointments').where('starts_at', '=', new Date(free.start)).execute();
    const blockers = Array.from({ length: UNITS - 1 }, (_, i) => ({
      reference: `AFS-BLOCK${i}`,
      bsn: '999990019',
      type_code: 'intake',
      place_id: place,
      starts_at: new Date(free.start),
      ends_at: new Date(free.end),
      desk_id: 'bench',
      unit: i + 1,
      booked_at: NOW,
    }));
    await t.ctx.db
      .deleteFrom('appointments')
      .where('desk_id', '=', 'bench')
      .where('starts_at', '<', new Date(free.end))
      .where('ends_at', '>', new Date(free.start))
      .execute();
    await t.ctx.db.insertInto('appointments').values(blockers).execute();
    const racers = await Promise.all(
      ['999990019', '999990032', '999990044', '999990068'].map((bsn) => t.signedIn(bsn)),
    );
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        racers[i % racers.length]!.post('/api/appointments', { type: 'intake', place, start: free.start }),
      ),
    );
    const raceMs = performance.now() - started;
    const successes = answers.filter((a) => a.statusCode === 201).length;
    const taken = answers.filter((a) => a.statusCode === 409 && a.json().error.code === 'SLOT_TAKEN').length;
    return { times, successes, taken, other: RACERS - successes - taken, raceMs };
  } finally {
    await t.close();
  }
}

export async function availabilityBench(): Promise<Section> {
  const consortium = bigOffice();
  const type = consortium.appointments.types.find((x) => x.code === 'intake')!;
  const bookings = existingBookings(bookingWindow(consortium.appointments, type, false, NOW).until);
  const pure = pureRules(consortium, bookings);
  const api = await throughApi(consortium, bookings);
  return {
    title: 'Appointments: availability (6 weeks, 10,000 bookings) and the last-slot race',
    figures: [
      { name: 'rules only p50', value: percentile(pure.times, 50), unit: 'ms' },
      { name: 'rules only p99', value: percentile(pure.times, 99), unit: 'ms' },
      { name: 'GET /api/appointments/availability p50 (PGlite)', value: percentile(api.times, 50), unit: 'ms' },
      { name: 'GET /api/appointments/availability p99 (PGlite)', value: percentile(api.times, 99), unit: 'ms' },
      { name: `race: bookings made by ${RACERS} concurrent attempts`, value: api.successes, unit: '', goal: '== 1' },
      { name: 'race: answered 409 SLOT_TAKEN', value: api.taken, unit: '' },
      { name: 'race: other answers', value: api.other, unit: '', goal: '== 0' },
      { name: 'race: wall time', value: api.raceMs, unit: 'ms' },
    ],
    notes: [
      `${RUNS} runs each after warm-up; window ${pure.days} (${pure.slots} free slots left), one office with ${UNITS} parallel desks, ` +
        `${BOOKINGS} bookings of 45 minutes. The API figure includes the session check, the bookings query and JSON.`,
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  availabilityBench().then(
    (section) => {
      for (const f of section.figures) console.log(`${f.name}: ${Math.round(f.value * 100) / 100} ${f.unit}`);
      for (const note of section.notes ?? []) console.log(note);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
