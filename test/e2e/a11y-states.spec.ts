/**
 * Accessibility in every state (issue 7.3), in Dutch and in English: axe with the WCAG 2.0, 2.1
 * and 2.2 A and AA rules (support.ts), the accessibility statement linked in the footer, and
 * reflow: no horizontal scrolling at 320 CSS px wide (WCAG 1.4.10) and at 200 % zoom.
 *
 * Both languages render the same components with the same styles; only the text differs. So all
 * axe rules run once, in Dutch, and in English only the rules whose outcome depends on the text
 * (TEXT_RULES: language, names, labels, titles, target size); the statement link and reflow are
 * checked in both, since longer words can make a page scroll sideways.
 *
 * 200 % zoom is emulated as the browser does it: zooming a 1280 x 720 window to 200 % leaves a
 * layout viewport of 640 x 360 CSS px (Chromium's zoom changes the CSS pixel size, not the
 * layout rules), so the page is laid out at 640 x 360 here.
 *
 * One row of STATES per page state: a new page or state is one line (plus how to reach it).
 * Nothing here changes the demo data (uploads are held back, bookings answered by page.route),
 * but other journeys change data these states read (a case worker decides an application), so
 * the states run on servers of their own: one per Playwright worker, the rows spread over the
 * workers.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { paperPhoto } from './fixtures/photos';
import { expectAccessibilityStatementLink, expectReflow, chooseLanguage, type Language } from './a11y-support';
import { expectNoAxeViolations, logIn } from './support';

const FIRST_PORT = Number(process.env.E2E_PORT ?? 8181) + 10;

/** A product of this worker's own (a fresh database), and every page of the worker on it. */
const test = base.extend<object, { ownServer: OwnServer }>({
  ownServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern; none here
    async ({}, use, workerInfo) => {
      const server = await startOwnServer(FIRST_PORT + workerInfo.parallelIndex);
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ ownServer }, use) => use(ownServer.baseURL),
});
test.describe.configure({ mode: 'parallel' });

interface State {
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

let photo: Buffer | undefined;

const STATES: State[] = [
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
    open: async (page) => (await answer500(page, '**/api/me'), await goto(page, '/'), alertIn(page)),
  },
  {
    name: 'DigiD simulator',
    outsideApp: true,
    open: async (page) => (
      await page.goto('/'),
      await page.getByRole('link', { name: /DigiD/ }).click(),
      page.getByLabel('BSN')
    ),
  },
  {
    name: 'DigiD simulator: BSN fails the elfproef',
    outsideApp: true,
    async open(page) {
      await page.goto('/');
      await page.getByRole('link', { name: /DigiD/ }).click();
      await page.getByLabel('BSN').fill('999990018');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      return page.getByText('Dit BSN klopt niet.');
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
    open: async (page) => (await answer500(page, '**/api/applications'), await goto(page, '/aanvragen'), alertIn(page)),
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
      await noNetwork(page, '**/api/**');
      await page.reload();
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
    name: 'application: urgent debt help',
    as: '999990044',
    open: async (page) => goto(page, `/aanvragen/${await applicationId(page)}`),
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
    open: (page) => bookingStep(page, 'stap=spoed&type=debt-help-first'),
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
    open: async (page) => (
      await noNetwork(page, '**/api/appointments/types**'),
      await bookingStep(page, ''),
      page.locator('[data-offline]')
    ),
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
      return main(page).getByRole('alert');
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
  if (who.startsWith('staff:')) {
    await page.goto('/beheer');
    await page.getByRole('link', { name: 'Inloggen als medewerker' }).click();
    await page.getByLabel('Gebruikersnaam').fill(who.slice('staff:'.length));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page).toHaveURL(/\/beheer$/);
    return;
  }
  if (who.startsWith('shared:')) {
    await page.goto('/?apparaat=gedeeld');
    who = who.slice('shared:'.length);
  }
  await logIn(page, who);
  await expect(page).not.toHaveURL(/\/idp\//);
  await expect(heading(page)).toBeVisible();
}

/**
 * A resident's session cookie from their first login, reused by their later rows (the suite
 * stays within the 15 minutes idle time); shared-device rows always log in afresh.
 */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

async function signIn(page: Page, context: BrowserContext, who: string): Promise<void> {
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

/**
 * The axe rules, among the WCAG A and AA ones run in Dutch, whose outcome can change with the
 * words on the page (not with its structure or colours).
 */
const TEXT_RULES = [
  'html-has-lang',
  'html-lang-valid',
  'valid-lang',
  'document-title',
  'link-name',
  'button-name',
  'input-button-name',
  'label',
  'select-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'image-alt',
  'svg-img-alt',
  'role-img-alt',
  'summary-name',
  'target-size',
];

async function expectNoTextAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(TEXT_RULES).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const state of STATES) {
  test(`accessible: ${state.name}`, async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto('/toegankelijkheid');
    if (state.as) await signIn(page, context, state.as);
    const languages: Language[] = state.outsideApp ? ['nl'] : ['nl', 'en'];
    for (const language of languages) {
      await test.step(language, async () => {
        await page.setViewportSize({ width: 360, height: 740 });
        await chooseLanguage(page, language);
        const shown = await state.open(page, context);
        await expect(shown).toBeVisible();
        if (!state.outsideApp) {
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          await expectAccessibilityStatementLink(page, language);
        }
        if (language === 'nl') await expectNoAxeViolations(page);
        else await expectNoTextAxeViolations(page);
        await expectReflow(page, 320, 640);
        await expectReflow(page, 640, 360);
      });
    }
  });
}
