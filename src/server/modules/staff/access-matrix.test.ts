/**
 * The access matrix, generated from the app's own route list (route-inventory.ts), so a route
 * added tomorrow is covered without touching this file. For every /api route and every
 * persona that must be refused:
 *   - anonymous, another resident, staff of the wrong role, staff of another municipality;
 *   - path parameters filled with the VICTIM's real objects (Jan's case, document, request,
 *     upload, appointment) and, as a twin, with ids that do not exist;
 * the answer must not be a success, and must equal the twin's answer (status and body): a
 * refusal that differs between "exists" and "does not exist" would reveal existence.
 * Search routes answer an empty list instead of an error; then too the twin must be identical.
 * Staff routes additionally answer exactly 401 to anonymous and resident sessions.
 *
 * MATRIX_DEBUG=1 prints every answer.
 *
 * Public routes (login, health, configuration, API description) are listed below; a new public
 * route must be added there on purpose.
 */
import { randomUUID } from 'node:crypto';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../domain/dates';
import type { StaffRole } from '../../../domain/staff';
import { type Browser, testDatabases } from '../../testing';
import { pdf } from '../documents/test-fixtures';
import { createDocumentsTestApp, uploadInOne, type DocumentsTestApp } from '../documents/testing';
import type { InventoriedRoute } from './route-inventory';
import { casesOf, idempotencyKey, logInStaff } from './testing';

const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  // tus discovery (tus 1.0: a server MUST answer OPTIONS with its version and extensions)
  'OPTIONS /api/uploads',
  'GET /api/config',
  // The app's session check: the caller's own resident, or null; never anyone else's (residents.test.ts)
  'GET /api/session',
  'GET /api/openapi.json',
  'GET /api/auth/login',
  'GET /api/auth/callback',
  'POST /api/auth/logout',
  'GET /api/auth/staff/login',
  'GET /api/auth/staff/callback',
  'POST /api/auth/staff/logout',
]);
const JAN = '999990019'; // the victim, Leidschendam-Voorburg (1916)
const ANNA = '999990032'; // another resident, Wassenaar (0629)
/** Demo staff and their roles (src/server/demo/staff.ts); m.bakker is scoped to Wassenaar */
const STAFF: Record<string, StaffRole[]> = {
  'k.jansen': ['case_worker'],
  'f.dekker': ['front_desk'],
  'p.smit': ['planner'],
  'a.visser': ['administrator'],
};

type Ids = Record<string, string>;
interface Answer {
  status: number;
  body: unknown;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function fill(url: string, ids: Ids, resourceIds: Record<string, string>): string {
  const resource = url.split('/')[2] ?? '';
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    name === 'id' ? (resourceIds[resource] ?? ids.caseId!) : (ids[name] ?? ids.caseId!),
  );
}

describe.each(testDatabases)('access matrix over every /api route on %s', (kind) => {
  let t: DocumentsTestApp;
  let routes: InventoriedRoute[];
  let victim: { ids: Ids; resources: Record<string, string>; reference: string };
  let twin: { ids: Ids; resources: Record<string, string>; reference: string };
  const browsers: Record<string, Browser> = {};
  const today = amsterdamDateOf(new Date('2026-11-18T10:00:00Z'));

  /** Bodies and headers that pass validation, so a refusal is about access, not the payload */
  const BODIES: Record<string, (target: typeof victim) => unknown> = {
    'POST /api/staff/cases/:caseId/document-requests': () => ({
      title: { nl: 'Iets' },
      reason: { nl: 'Daarom' },
      dueDate: addDays(today, 5),
    }),
    'POST /api/staff/cases/:caseId/document-requests/:requestId/reject': () => ({ reason: 'Niet te lezen' }),
    'POST /api/staff/cases/:caseId/status': () => ({ status: 'in_progress' }),
    'POST /api/staff/cases/:caseId/decision-term/extension': () => ({
      weeks: 2,
      notice: 'Wij hebben meer tijd nodig.',
    }),
    'POST /api/staff/cases/:caseId/decision': () => ({ result: 'granted', decidedOn: today }),
    'POST /api/staff/cases/:caseId/questions/:questionId/answer': () => ({ answer: 'Ja, dat kan.' }),
    'POST /api/applications/:id/questions': () => ({ text: 'Hoe staat het ermee?' }),
    'POST /api/applications/:id/documents': (target) => ({ uploadId: target.ids.uploadId, title: 'Iets' }),
  };
  const HEADERS: Record<string, (target: typeof victim) => Record<string, string>> = {
    // tus creation names the case in its metadata, not in the path
    'POST /api/uploads': (target) => ({
      'upload-length': '10',
      'upload-metadata': `caseId ${Buffer.from(target.ids.caseId!).toString('base64')}`,
    }),
  };
  /** Routes that name an object of the victim although their path has no parameter */
  const NAMES_AN_OBJECT = new Set(['GET /api/staff/cases', 'POST /api/uploads']);
  const namesAnObject = (route: InventoriedRoute) =>
    route.url.includes(':') || NAMES_AN_OBJECT.has(`${route.method} ${route.url}`);

  async function ask(browser: Browser | null, route: InventoriedRoute, target: typeof victim): Promise<Answer> {
    const key = `${route.method} ${route.url}`;
    let url = fill(route.url, target.ids, target.resources);
    if (route.url === '/api/staff/cases') url += `?reference=${target.reference}`;
    const body = MUTATING.has(route.method) ? JSON.stringify(BODIES[key]?.(target) ?? {}) : undefined;
    const request = {
      method: route.method as HTTPMethods,
      url,
      headers: {
        ...(MUTATING.has(route.method)
          ? { 'idempotency-key': idempotencyKey(), 'content-type': 'application/json' }
          : {}),
        'tus-resumable': '1.0.0',
        ...HEADERS[key]?.(target),
      },
      ...(body ? { payload: body } : {}),
    };
    const response = browser ? await browser.request(request) : await t.app.inject(request);
    let parsed: unknown = response.body;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      // not JSON: compare as text
    }
    return { status: response.statusCode, body: parsed };
  }

  beforeAll(async () => {
    t = await createDocumentsTestApp(kind, { now: new Date('2026-11-18T10:00:00Z') });
    routes = t.app.routeInventory.filter(
      (r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && !PUBLIC.has(`${r.method} ${r.url}`),
    );
    const jan = (await t.signedIn(JAN)).browser;
    const janCase = (await casesOf(t, JAN))[0]!;
    const request = await t.ctx.db
      .selectFrom('document_requests')
      .select('id')
      .where('case_id', '=', janCase.id)
      .executeTakeFirstOrThrow();
    const uploadId = await uploadInOne(jan, janCase.id, await pdf(1), request.id);
    const document = await t.ctx.db
      .selectFrom('case_documents')
      .select('document_id')
      .where('case_id', '=', janCase.id)
      .executeTakeFirstOrThrow();
    const appointment = await t.ctx.db
      .selectFrom('appointments')
      .select('id')
      .where('bsn', '=', JAN)
      .executeTakeFirst();
    const visit = await t.ctx.db.selectFrom('home_visits').select('id').where('bsn', '=', JAN).executeTakeFirst();
    const karinId = (
      await t.ctx.db
        .selectFrom('staff_accounts')
        .select('id')
        .where('subject', '=', 'k.jansen')
        .executeTakeFirstOrThrow()
    ).id;
    const objects = (
      caseId: string,
      documentId: string,
      requestId: string,
      upload: string,
      accountId: string,
      extra: Record<string, string>,
    ) => ({
      ids: { caseId, documentId, requestId, uploadId: upload, accountId },
      resources: { applications: caseId, ...extra },
      reference: '',
    });
    victim = {
      ...objects(janCase.id, document.document_id, request.id, uploadId, karinId, {
        ...(appointment ? { appointments: appointment.id } : {}),
        ...(visit ? { 'home-visits': visit.id } : {}),
      }),
      reference: janCase.reference,
    };
    twin = {
      ...objects(randomUUID(), randomUUID(), randomUUID(), randomUUID().replaceAll('-', ''), randomUUID(), {
        appointments: randomUUID(),
        'home-visits': randomUUID(),
      }),
      reference: 'WI-0000-00000',
    };
    // The planner's routes (/api/staff/planning): a real place and the victim's home visit (if
    // any), against a place and a visit that do not exist.
    Object.assign(victim.ids, { locationId: 'voorburg-corbulo', ...(visit ? { visitId: visit.id } : {}) });
    Object.assign(twin.ids, { locationId: 'nergens', visitId: randomUUID(), closureId: randomUUID() });
    browsers.anna = (await t.signedIn(ANNA)).browser;
    for (const username of [...Object.keys(STAFF), 'm.bakker'])
      browsers[username] = (await logInStaff(t, username)).browser;
  });
  afterAll(() => t?.close());

  it('knows the routes it checks (staff, resident and upload routes among them)', () => {
    const urls = routes.map((r) => r.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        '/api/staff/cases/:caseId',
        '/api/applications/:id',
        '/api/uploads/:uploadId',
        '/api/me/access-log',
      ]),
    );
  });

  /** The refusal must look the same for the victim's object and for one that does not exist. */
  async function expectHidden(
    who: string,
    browser: Browser | null,
    route: InventoriedRoute,
    extra?: (a: Answer) => void,
  ) {
    const real = await ask(browser, route, victim);
    const ghost = await ask(browser, route, twin);
    const where = `${who}: ${route.method} ${route.url} -> ${real.status} ${JSON.stringify(real.body).slice(0, 120)}`;
    if (process.env.MATRIX_DEBUG) console.log(where);
    const emptySearch = real.status === 200 && route.method === 'GET' && !route.url.includes(':');
    expect(real.status >= 400 || emptySearch, where).toBe(true);
    expect(real, where).toEqual(ghost);
    extra?.(real);
  }

  it('refuses anonymous callers everywhere (staff routes: 401)', async () => {
    for (const route of routes) {
      await expectHidden('anonymous', null, route, (a) => {
        if (route.staffRoles) expect(a.status, route.url).toBe(401);
        else expect([400, 401], route.url).toContain(a.status);
      });
    }
  });

  it("refuses another resident: the victim's objects do not exist for them; staff routes 401", async () => {
    for (const route of routes) {
      if (!route.staffRoles && !namesAnObject(route)) continue; // their own lists: not a refusal
      await expectHidden('another resident', browsers.anna!, route, (a) => {
        if (route.staffRoles) expect(a.status, route.url).toBe(401);
      });
    }
  });

  it('refuses staff of the wrong role with 403 (the same for every id), and staff on resident routes', async () => {
    for (const route of routes) {
      if (!route.staffRoles) {
        await expectHidden('staff on a resident route', browsers['k.jansen']!, route);
        continue;
      }
      const outsider = Object.keys(STAFF).find((u) => !STAFF[u]!.some((role) => route.staffRoles!.includes(role)));
      if (!outsider) continue; // every role may use it (e.g. /api/staff/me)
      await expectHidden(`${outsider} (wrong role)`, browsers[outsider]!, route, (a) =>
        expect(a.status, route.url).toBe(403),
      );
    }
  });

  it("refuses staff of another municipality: the victim's objects are 404, like missing ones", async () => {
    const staffRoutes = routes.filter((r) => r.staffRoles?.includes('case_worker') && namesAnObject(r));
    expect(staffRoutes.length).toBeGreaterThan(3);
    for (const route of staffRoutes) {
      await expectHidden('case worker of Wassenaar', browsers['m.bakker']!, route, (a) => {
        if (/:(caseId|documentId|requestId)/.test(route.url)) expect(a.status, route.url).toBe(404);
      });
    }
  });

  it("made no change on the victim's case along the way", async () => {
    const janCase = (await casesOf(t, JAN))[0]!;
    const requests = await t.ctx.db
      .selectFrom('document_requests')
      .select(['state'])
      .where('case_id', '=', janCase.id)
      .execute();
    expect(requests.every((r) => r.state === 'open' || r.state === 'received')).toBe(true);
    const questions = await t.ctx.db
      .selectFrom('case_questions')
      .select('id')
      .where('case_id', '=', janCase.id)
      .execute();
    expect(questions).toEqual([]);
  });
});
