/**
 * Every page and state of the accessibility matrix, and how to reach each one: one row per
 * state, a new page or state is one line (plus how to reach it). Used by the accessibility
 * checks (a11y-states.spec.ts), the look checks (look-support.ts, run by the matrix) and the screenshots
 * (npm run screenshots). Nothing here changes the demo data: uploads are held back, and sends
 * are answered by page.route.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { paperPhoto } from './fixtures/photos';
import { appRunning, logIn, logInOverHttp } from './support';

export interface State {
  name: string;
  /** Log in first: a resident's BSN, or `staff:<username>` for the back office */
  as?: string;
  /** Outside the app (the login simulators): one language, no app footer */
  outsideApp?: boolean;
  /** Brings the page into the state; returns what shows the state is there. */
  open(page: Page, context: BrowserContext): Promise<Locator>;
}

const main = (page: Page) => page.locator('#main');
const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const alertIn = (page: Page) => main(page).getByRole('alert').first();

async function goto(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  return heading(page);
}

/** An application of the signed-in resident, from the API (the page's own cookie). */
async function applicationId(page: Page, kind?: string): Promise<string> {
  const { applications } = (await (await page.request.get('/api/applications')).json()) as {
    applications: Array<{ id: string; nextAction: { kind: string } }>;
  };
  return (applications.find((a) => !kind || a.nextAction.kind === kind) ?? applications[0]!).id;
}

const answer500 = (page: Page, url: string) =>
  page.route(url, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'test' } }),
    }),
  );
const noNetwork = (page: Page, url: string) => page.route(url, (route) => route.abort('internetdisconnected'));

/** Whether this personal device holds an offline copy under `key` (src/client/offline/db.ts). */
const offlineCopyStored = (page: Page, key: string) =>
  page.evaluate(
    async (wanted) =>
      // Never open a database that is not there: that would create it, empty, for the app.
      (await indexedDB.databases()).some((db) => db.name === 'loket') &&
      new Promise<boolean>((resolve) => {
        const opening = indexedDB.open('loket');
        opening.onerror = () => resolve(false);
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('offlineData')) return (db.close(), resolve(false));
          const all = db.transaction('offlineData').objectStore('offlineData').getAll();
          all.onsuccess = () => (
            db.close(),
            resolve((all.result as Array<{ key: string }>).some((copy) => copy.key === wanted))
          );
          all.onerror = () => (db.close(), resolve(false));
        };
      }),
    key,
  );

async function bookingStep(page: Page, query: string): Promise<Locator> {
  await page.goto(`/afspraken/maken?${query}`);
  // The first step comes rendered by the server: its controls work once the app runs.
  await appRunning(page);
  return page.locator('[data-step]');
}

async function toConfirmStep(page: Page): Promise<void> {
  await bookingStep(page, 'stap=dag&type=consultation&plaats=voorburg-corbulo');
  await page.locator('[data-step="dag"] button').first().click();
  await page.locator('[data-step="tijd"] button').first().click();
  await expect(page.locator('[data-step="gegevens"]')).toBeVisible();
}

async function documentsPage(page: Page): Promise<void> {
  await page.goto(`/aanvragen/${await applicationId(page, 'send_documents')}/documenten`);
  await expect(page.locator('form.loket-send')).toBeVisible();
}

/**
 * Answers `url` with the server's own answer, its list of document requests (`key`) rewritten
 * so every state shows once: every badge colour is on the page for axe's contrast check.
 */
async function everyDocumentState(page: Page, url: string, key: 'documentRequests' | 'requests'): Promise<void> {
  const states = ['open', 'overdue', 'received', 'accepted', 'rejected'];
  await page.route(url, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, Array<Record<string, unknown>>>;
    const first = body[key]![0]!;
    body[key] = states.map((state, index) => ({
      ...first,
      id: `${String(first.id).slice(0, -2)}${String(index).padStart(2, '0')}`,
      state,
    }));
    await route.fulfill({ response, json: body });
  });
}

/** The first demo case (999990019's application), found as a case worker finds it: by reference. */
async function firstCaseId(page: Page): Promise<string> {
  const year = new Date().getFullYear();
  for (const reference of [`WI-${year}-00001`, `WI-${year - 1}-00001`]) {
    const found = (await (await page.request.get(`/api/staff/cases?reference=${reference}`)).json()) as {
      cases?: Array<{ id: string }>;
    };
    if (found.cases?.[0]) return found.cases[0].id;
  }
  throw new Error('no demo case WI-<year>-00001');
}

let photo: Buffer | undefined;

export const STATES: State[] = [
  { name: 'start page', open: (page) => goto(page, '/') },
  {
    name: 'start page: logged out after idle time',
    open: async (page) => (await goto(page, '/?reden=verlopen'), main(page).getByRole('status')),
  },
  {
    name: 'start page: login failed',
    open: async (page) => (await goto(page, '/?fout=LOGIN_CANCELLED'), alertIn(page)),
  },
  {
    name: 'start page: session check failed (API 500)',
    // Through a signed-in page: the server renders "/" itself (its own session check works), so
    // the browser's failing one shows where the app sends a visitor it cannot check.
    open: async (page) => (await answer500(page, '**/api/session'), await goto(page, '/aanvragen'), alertIn(page)),
  },
  {
    name: 'DigiD simulator',
    outsideApp: true,
    open: async (page) => (
      await page.goto('/'),
      await appRunning(page),
      await page.getByRole('link', { name: /DigiD/ }).click(),
      page.getByLabel('BSN')
    ),
  },
  {
    name: 'DigiD simulator: a test person chosen',
    outsideApp: true,
    async open(page) {
      await page.goto('/');
      await appRunning(page);
      await page.getByRole('link', { name: /DigiD/ }).click();
      await page.getByRole('button', { name: 'Pieter Bakker, BSN 999990044' }).click();
      await expect(page.getByLabel('BSN')).toHaveValue('999990044');
      return page.getByRole('button', { name: 'Inloggen' });
    },
  },
  {
    name: 'DigiD simulator: BSN fails the elfproef',
    outsideApp: true,
    async open(page) {
      await page.goto('/');
      await appRunning(page);
      await page.getByRole('link', { name: /DigiD/ }).click();
      await page.getByLabel('BSN').fill('999990018');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      return page.getByText('Dit BSN bestaat niet.');
    },
  },
  { name: 'accessibility statement', open: (page) => goto(page, '/toegankelijkheid') },
  { name: 'page not found', open: (page) => goto(page, '/bestaat-niet') },

  {
    name: 'applications',
    as: '999990019',
    open: async (page) => (await goto(page, '/aanvragen'), main(page).locator('.loket-card').first()),
  },
  {
    name: 'applications: none (empty state)',
    as: '999990068',
    async open(page) {
      await goto(page, '/aanvragen');
      await expect(main(page).locator('.loket-loading')).toHaveCount(0);
      await expect(main(page).locator('.loket-card')).toHaveCount(0);
      return main(page).locator('.nl-paragraph').first();
    },
  },
  {
    name: 'applications: server error',
    as: '999990019',
    async open(page) {
      // From an application back to the list, so the browser asks for the list: opened directly,
      // the server renders it with its data (issue 16), and it asks its own API, not this route.
      await goto(page, `/aanvragen/${await applicationId(page)}`);
      await appRunning(page);
      await answer500(page, '**/api/applications');
      await main(page).getByRole('link', { name: 'Terug naar mijn aanvragen' }).click();
      return alertIn(page);
    },
  },
  {
    name: 'applications: offline, last known copy',
    as: '999990019',
    async open(page) {
      // Each language starts online (the step before may have left the network cut).
      await page.unroute('**/api/**');
      await page.goto('/aanvragen');
      await expect(main(page).locator('.loket-card').first()).toBeVisible();
      // The copy is written in the background; going offline before it is stored would test nothing.
      await expect.poll(() => offlineCopyStored(page, 'applications')).toBe(true);
      await appRunning(page);
      // Into an application and, offline, back to the list: the app asks for the list again and
      // shows its copy. (Reloaded here, the server would render the list: without a service
      // worker the page itself needs the network; server-render.spec.ts reloads offline with one.)
      await main(page).locator('.loket-card a').first().click();
      await expect(main(page).getByRole('link', { name: 'Terug naar mijn aanvragen' })).toBeVisible();
      await noNetwork(page, '**/api/**');
      await main(page).getByRole('link', { name: 'Terug naar mijn aanvragen' }).click();
      // The notice that this is the last known copy (not the loading line), above the list.
      await expect(main(page).locator('.loket-card').first()).toBeVisible();
      return main(page).locator('.utrecht-alert[role="status"]');
    },
  },
  {
    name: 'application: documents asked',
    as: '999990019',
    open: async (page) => goto(page, `/aanvragen/${await applicationId(page, 'send_documents')}`),
  },
  {
    name: 'application: decision, objection possible',
    as: '999990032',
    open: async (page) => goto(page, `/aanvragen/${await applicationId(page, 'objection_possible')}`),
  },
  {
    name: 'objection: how to object (decision, term running)',
    as: '999990032',
    open: async (page) => goto(page, `/aanvragen/${await applicationId(page, 'objection_possible')}/bezwaar`),
  },
  {
    name: 'application: urgent debt help',
    as: '999990044',
    open: async (page) => goto(page, `/aanvragen/${await applicationId(page)}`),
  },
  {
    name: 'application: every document state (badges)',
    as: '999990019',
    async open(page) {
      const id = await applicationId(page, 'send_documents');
      // Opened from the list, so the browser asks for it (opened directly, the server renders it).
      await goto(page, '/aanvragen');
      await appRunning(page);
      await everyDocumentState(page, `**/api/applications/${id}`, 'documentRequests');
      await main(page).locator(`a[href="/aanvragen/${id}"]`).first().click();
      return main(page).locator('.utrecht-badge-status--safe');
    },
  },
  {
    name: 'application: not found',
    as: '999990019',
    open: async (page) => (await goto(page, '/aanvragen/00000000-0000-4000-8000-000000000000'), alertIn(page)),
  },
  {
    name: 'application: question empty',
    as: '999990019',
    async open(page) {
      await page.goto(`/aanvragen/${await applicationId(page)}`);
      await page.locator('.loket-question-form button[type="submit"]').click();
      return page.locator('.loket-question-form').getByRole('alert');
    },
  },
  {
    name: 'documents',
    as: '999990019',
    open: async (page) => (await documentsPage(page), page.locator('form.loket-send')),
  },
  {
    name: 'documents: every request state (badges)',
    as: '999990019',
    async open(page) {
      const id = await applicationId(page, 'send_documents');
      await everyDocumentState(page, `**/api/applications/${id}/documents`, 'requests');
      await page.goto(`/aanvragen/${id}/documenten`);
      return main(page).locator('.utrecht-badge-status--safe');
    },
  },
  {
    name: 'documents: a photo chosen, ready to send',
    as: '999990019',
    async open(page) {
      await documentsPage(page);
      photo ??= await paperPhoto({ width: 600, height: 800, seed: 3 });
      await page
        .locator('input[type="file"][capture]')
        .setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: photo });
      return page.locator('.loket-capture__thumbnail');
    },
  },
  {
    name: 'documents: a file refused before sending',
    as: '999990019',
    async open(page) {
      await documentsPage(page);
      await page
        .locator('input[type="file"]:not([capture])')
        .setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('geen foto') });
      await expect(page.locator('.loket-capture__problem')).toBeVisible();
      // Said out loud too, not only shown beside the file.
      return page.locator('.loket-capture').getByRole('status').filter({ hasText: 'notities.txt' });
    },
  },
  {
    name: 'documents: sending (upload held back)',
    as: '999990019',
    async open(page) {
      await documentsPage(page);
      // The upload never gets an answer: the page shows it on its way, and nothing is stored.
      await page.route('**/api/uploads**', () => {});
      photo ??= await paperPhoto({ width: 600, height: 800, seed: 3 });
      await page
        .locator('input[type="file"][capture]')
        .setInputFiles({ name: 'IMG_0003.jpg', mimeType: 'image/jpeg', buffer: photo });
      await expect(page.locator('.loket-capture__thumbnail')).toBeVisible();
      await page.locator('form.loket-send').getByRole('radio').first().check();
      await page.locator('form.loket-send button[type="submit"]').click();
      return page.locator('[aria-labelledby="sending-title"] li').first();
    },
  },
  {
    name: 'appointments',
    as: '999990019',
    open: async (page) => (await goto(page, '/afspraken'), main(page).locator('[data-appointment]').first()),
  },
  {
    name: 'appointment',
    as: '999990019',
    async open(page) {
      const { appointments } = (await (await page.request.get('/api/appointments')).json()) as {
        appointments: Array<{ id: string }>;
      };
      return goto(page, `/afspraken/${appointments[0]!.id}`);
    },
  },
  {
    name: 'appointment: cancel question',
    as: '999990019',
    async open(page) {
      const { appointments } = (await (await page.request.get('/api/appointments')).json()) as {
        appointments: Array<{ id: string; canChange: boolean }>;
      };
      await goto(page, `/afspraken/${appointments.find((a) => a.canChange)!.id}`);
      // "Afzeggen" or "Cancel": the subtle danger button of the page.
      await main(page).locator('button.utrecht-button--danger').click();
      return main(page).locator('[data-cancel]');
    },
  },
  { name: 'booking: type', as: '999990019', open: (page) => bookingStep(page, '') },
  {
    name: 'booking: type not chosen',
    as: '999990019',
    open: async (page) => (
      await bookingStep(page, ''),
      await page.locator('[data-step] button[type="submit"]').click(),
      main(page).getByRole('alert')
    ),
  },
  {
    name: 'booking: urgency (debt help)',
    as: '999990044',
    open: async (page) => (
      await bookingStep(page, ''),
      await page.locator('input[name="type"][value="debt-help-first"]').check(),
      page.locator('[data-urgency]')
    ),
  },
  { name: 'booking: place', as: '999990019', open: (page) => bookingStep(page, 'stap=plaats&type=consultation') },
  {
    name: 'booking: day',
    as: '999990019',
    open: async (page) => (
      await bookingStep(page, 'stap=dag&type=consultation&plaats=voorburg-corbulo'),
      page.locator('[data-step="dag"] button').first()
    ),
  },
  {
    name: 'booking: time',
    as: '999990019',
    async open(page) {
      await bookingStep(page, 'stap=dag&type=consultation&plaats=voorburg-corbulo');
      await page.locator('[data-step="dag"] button').first().click();
      return page.locator('[data-step="tijd"] button').first();
    },
  },
  {
    name: 'booking: needs and confirm',
    as: '999990019',
    open: async (page) => (await toConfirmStep(page), page.locator('[data-step="gegevens"]')),
  },
  {
    name: 'booking: the time was just taken',
    as: '999990019',
    async open(page) {
      await toConfirmStep(page);
      await page.route('**/api/appointments', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 409,
              contentType: 'application/json',
              body: JSON.stringify({ error: { code: 'SLOT_TAKEN', message: 'test', details: { nextSlots: [] } } }),
            })
          : route.continue(),
      );
      await page.locator('[data-step="gegevens"] button[type="submit"]').click();
      return page.locator('[data-book-error]');
    },
  },
  {
    name: 'booking: no connection (call-back form)',
    as: '999990019',
    async open(page) {
      // From "Mijn afspraken", so the browser asks for what can be booked (opened directly, the
      // server renders the first step with it).
      await goto(page, '/afspraken');
      await appRunning(page);
      await noNetwork(page, '**/api/appointments/types**');
      await main(page).getByRole('link', { name: 'Afspraak maken' }).first().click();
      return page.locator('[data-offline]');
    },
  },
  {
    name: 'home visit request',
    as: '999990019',
    open: async (page) => (await goto(page, '/afspraken/huisbezoek'), main(page).locator('form')),
  },
  {
    name: 'home visit request: answers missing',
    as: '999990019',
    async open(page) {
      await goto(page, '/afspraken/huisbezoek');
      await main(page).locator('form button[type="submit"]').click();
      return main(page).locator('.loket-error-summary');
    },
  },
  {
    name: 'home visit request: sent (confirmation)',
    as: '999990019',
    async open(page) {
      // The server's answer is made up here: the demo data stays as it is for the other rows.
      await page.route('**/api/home-visits', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({ status: 201, contentType: 'application/json', body: '{}' })
          : route.continue(),
      );
      await goto(page, '/afspraken/huisbezoek');
      const form = main(page).locator('form');
      await form.getByRole('radio').first().check();
      await form.getByRole('checkbox').first().check();
      await form.locator('input[type="tel"]').fill('06 12345678');
      await form.locator('button[type="submit"]').click();
      return main(page).locator('[data-confirmation] a');
    },
  },
  { name: 'waiting to be sent (nothing waiting)', as: '999990019', open: (page) => goto(page, '/wacht-op-verzenden') },
  { name: 'go to your own municipality', as: '999990056', open: (page) => goto(page, '/elders') },
  {
    name: 'who looked at my data',
    as: '999990019',
    open: async (page) => (await goto(page, '/mijn-gegevens-ingezien'), heading(page)),
  },
  {
    // A fresh server has no staff access yet: the visits come from page.route, as the API sends them.
    name: 'who looked at my data: visits grouped',
    as: '999990019',
    async open(page) {
      await page.route('**/api/me/access-log', (route) =>
        route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({
            showsStaffNames: false,
            visits: [
              {
                from: '2026-12-06T09:00:00.000Z',
                to: '2026-12-06T09:25:00.000Z',
                role: 'front_desk',
                purpose: 'assist_appointment',
                staffName: null,
                seen: [
                  { action: 'create', objectType: 'assist_session', count: 1 },
                  { action: 'read', objectType: 'resident', count: 15 },
                  { action: 'create', objectType: 'appointment', count: 1 },
                ],
              },
              {
                from: '2026-12-05T14:10:00.000Z',
                to: '2026-12-05T14:10:00.000Z',
                role: 'case_worker',
                purpose: 'case_handling',
                staffName: null,
                seen: [{ action: 'read', objectType: 'case', count: 1 }],
              },
            ],
          }),
        }),
      );
      await page.goto('/mijn-gegevens-ingezien');
      return main(page).getByRole('heading', { level: 3 }).first();
    },
  },
  {
    // A library computer (shared device) with a question that could not be sent yet: the header
    // says so beside the button that ends the session (and a dialog asks before that ends it).
    name: 'shared device: a question waiting to be sent',
    as: 'shared:999990032',
    async open(page) {
      await page.goto(`/aanvragen/${await applicationId(page, 'wait_for_decision')}`);
      await noNetwork(page, '**/api/applications/*/questions');
      await page.locator('.loket-question-form textarea').fill('Wanneer hoor ik meer?');
      await page.locator('.loket-question-form button[type="submit"]').click();
      // Queued (the form empties) and counted in the menu.
      await expect(page.locator('.loket-question-form textarea')).toHaveValue('');
      return page.getByRole('navigation').locator('a[href="/wacht-op-verzenden"]');
    },
  },
  { name: 'messages (inbox)', as: '999990019', open: (page) => goto(page, '/berichten') },
  { name: 'notification settings', as: '999990019', open: (page) => goto(page, '/instellingen/meldingen') },
  { name: 'back office: staff login', open: (page) => goto(page, '/beheer') },
  { name: 'back office: case search', as: 'staff:k.jansen', open: (page) => goto(page, '/beheer') },
  {
    name: 'back office: a case',
    as: 'staff:k.jansen',
    open: async (page) => (
      await page.goto(`/beheer/zaken/${await firstCaseId(page)}`),
      page.getByRole('heading', { level: 1, name: /WI-\d{4}-00001/ })
    ),
  },
  { name: 'front desk', as: 'staff:f.dekker', open: (page) => goto(page, '/balie') },
  {
    name: 'front desk: an appointment found by its reference',
    as: 'staff:f.dekker',
    async open(page) {
      await page.goto('/balie');
      await page.locator('#desk-reference').fill('afs-demo0681');
      await page.locator('.loket-desk form button[type="submit"]').click();
      return page.locator('.loket-desk__found h3');
    },
  },
];

async function logInAs(page: Page, who: string): Promise<void> {
  if (!who.startsWith('shared:')) return logInOverHttp(page, who);
  // A shared device is chosen in the page (kept in its storage): on screen.
  await page.goto('/?apparaat=gedeeld');
  await logIn(page, who.slice('shared:'.length));
  await expect(page).not.toHaveURL(/\/idp\//);
  await expect(heading(page)).toBeVisible();
}

/**
 * A resident's session cookie from their first login, reused by their later rows (the suite
 * stays within the 15 minutes idle time); shared-device rows always log in afresh.
 */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

export async function signIn(page: Page, context: BrowserContext, who: string): Promise<void> {
  const kept = sessions.get(who);
  if (kept) {
    await context.addCookies(kept);
    if (
      (await page.request.get('/api/me')).ok() ||
      (who.startsWith('staff:') && (await page.request.get('/api/staff/me')).ok())
    )
      return;
    await context.clearCookies();
  }
  await logInAs(page, who);
  if (!who.startsWith('shared:')) sessions.set(who, await context.cookies());
}
