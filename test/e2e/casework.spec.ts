/**
 * The back office's case work in real Chromium (issue 6 point 4): Karin Jansen (case worker)
 * moves Anna's individuele inkomenstoeslag along (a new status with a note for her), records
 * the decision and uploads the decision letter; Anna, in her own browser, sees the status and
 * the letter and can download it. Anton Visser (administrator) sees the live sessions, ends
 * Karin's, and disables an account after a confirmation. axe on every page.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { expectNoAxeViolations, logIn } from './support';
import { desktopPage, staffLogIn } from './staff-support';

// A server of its own: the administrator here ends every session of Karin's, which would log
// her out of the journeys that run beside this one on the shared server.
const PORT = Number(process.env.E2E_PORT ?? 8181) + 8;
let server: OwnServer | undefined;
test.use({ baseURL: `http://localhost:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

/** A case worker or an administrator on their own desktop browser, at their start page. */
async function staffOn(browser: Browser, username: string): Promise<Page> {
  const staff = await desktopPage(browser, `http://localhost:${PORT}`);
  // Each role's own start: the worklist (case worker), the accounts (administrator).
  await staffLogIn(staff, username, { landsOn: username === 'a.visser' ? /\/beheer\/accounts$/ : /\/beheer$/ });
  return staff;
}

const ANNA = '999990032'; // Wassenaar: individuele inkomenstoeslag in progress (not used by other specs)
const NOTE = `Wij wachten op het advies van de inkomensconsulent (${Date.now()}).`;

async function decisionLetter(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf
    .addPage([595, 842])
    .drawText('Besluit: u krijgt de individuele inkomenstoeslag.', { x: 50, y: 780, font, size: 12 });
  return Buffer.from(await pdf.save());
}

test('a case worker changes the status and sends the decision letter; the resident sees both; an administrator manages sessions and accounts', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // three people, eight pages, each checked with axe
  await logIn(page, ANNA);
  await expect(page).toHaveURL(/\/aanvragen$/);
  const { applications } = (await (await page.request.get('/api/applications')).json()) as {
    applications: Array<{ id: string; reference: string; scheme: { code: string } }>;
  };
  const annasCase = applications.find((a) => a.scheme.code === 'individuele-inkomenstoeslag')!;

  // Karin finds the case and sets the next status, with a note for Anna.
  const karin = await staffOn(browser, 'k.jansen');
  await karin.getByLabel('Zaaknummer').fill(annasCase.reference);
  await karin.getByRole('button', { name: 'Zoeken' }).click();
  await karin
    .getByRole('region', { name: 'Gevonden' })
    .getByRole('link', { name: new RegExp(annasCase.reference) })
    .click();
  await expect(karin.getByRole('heading', { level: 1, name: `Zaak ${annasCase.reference}` })).toBeVisible();
  await expect(karin.getByText('Wij bekijken uw aanvraag', { exact: true })).toBeVisible();
  await expectNoAxeViolations(karin);

  await karin.getByLabel('Nieuwe status').selectOption({ label: 'Wij hebben meer informatie van u nodig' });
  await karin.getByLabel('Uitleg voor de inwoner (niet verplicht)').fill(NOTE);
  await karin.getByRole('button', { name: 'Status wijzigen' }).click();
  await expect(karin.getByText('De status is gewijzigd. De inwoner ziet dit nu in Loket.')).toBeVisible();
  await expect(karin.getByText('Wij hebben meer informatie van u nodig', { exact: true })).toBeVisible();

  // The decision and the term are the case's "Besluit" part.
  await karin
    .getByRole('navigation', { name: 'Onderdelen van de zaak' })
    .getByRole('link', { name: 'Besluit' })
    .click();
  // The term was extended once already (demo data): no second extension is offered.
  await expect(karin.getByText(/Verlengd met \d+ weken/)).toBeVisible();
  await expect(karin.getByRole('button', { name: 'Termijn verlengen' })).toHaveCount(0);
  await expectNoAxeViolations(karin);

  // The decision without a letter is refused in the page, with the fields kept.
  await karin.getByLabel('Toegekend', { exact: true }).check();
  await karin.getByRole('button', { name: 'Besluit vastleggen en brief versturen' }).click();
  // The error summary links to the file chooser, which is marked; the chosen result stays.
  await expect(karin.getByRole('link', { name: 'Kies de brief als PDF-bestand.' })).toBeVisible();
  await expect(karin.getByLabel('Besluitbrief (PDF)')).toHaveAttribute('aria-invalid', 'true');
  await expect(karin.getByLabel('Toegekend', { exact: true })).toBeChecked();
  // The letter's chooser looks like the product's other file pickers: a button of at least
  // 44 x 44 px with its own words, and what was chosen said in words beside it.
  const chooser = karin.getByLabel('Besluitbrief (PDF)');
  const pick = await chooser.boundingBox();
  expect(pick!.height).toBeGreaterThanOrEqual(44);
  expect(pick!.width).toBeGreaterThanOrEqual(44);
  await expect(karin.getByText('Kies een PDF-bestand', { exact: true })).toBeVisible();
  await expect(karin.getByText('Nog geen bestand gekozen.')).toBeVisible();
  await chooser.setInputFiles({ name: 'besluit.pdf', mimeType: 'application/pdf', buffer: await decisionLetter() });
  await expect(karin.getByText('Gekozen: besluit.pdf')).toBeVisible();
  await expect(chooser).toHaveAccessibleDescription(/Gekozen: besluit\.pdf/);
  await karin.getByRole('button', { name: 'Besluit vastleggen en brief versturen' }).click();
  await expect(karin.getByText('De brief is verstuurd. De inwoner ziet hem nu in Loket.')).toBeVisible();
  await expect(
    karin.getByRole('link', { name: 'Download de brief: Besluit individuele inkomenstoeslag' }),
  ).toBeVisible();
  await expect(karin.getByText(/^Besluit: Toegekend, op /)).toBeVisible();
  await expectNoAxeViolations(karin);

  // Anna sees the decision, the note in the history, and the letter, which she can download.
  await page.goto(`/aanvragen/${annasCase.id}`);
  await expect(page.getByText('Wij hebben een besluit genomen').first()).toBeVisible();
  await expect(page.getByText(NOTE)).toBeVisible();
  await expect(page.getByText('Besluit individuele inkomenstoeslag').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Alle documenten en brieven' }).click();
  const download = page.getByRole('link', { name: /Besluit individuele inkomenstoeslag downloaden/ });
  await expect(download).toBeVisible();
  const letter = await page.request.get((await download.getAttribute('href'))!);
  expect(letter.status()).toBe(200);
  expect((await letter.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await expectNoAxeViolations(page);

  // Anton, administrator: the live sessions, Karin's among them; he ends hers.
  const anton = await staffOn(browser, 'a.visser');
  await anton.getByRole('link', { name: 'Actieve sessies' }).click();
  await expect(anton.getByRole('heading', { level: 1, name: 'Actieve sessies' })).toBeVisible();
  // Other browser tests on this server may have left sessions of Karin's too: end them all.
  const karinsSessions = anton.getByRole('rowheader', { name: /Karin Jansen/ });
  await expect(karinsSessions.first()).toBeVisible();
  await expect(anton.getByText('Uw eigen sessie')).toBeVisible();
  await expectNoAxeViolations(anton);
  for (let left = await karinsSessions.count(); left > 0; left -= 1) {
    await anton.getByRole('button', { name: 'Sessie van Karin Jansen beëindigen' }).first().click();
    await expect(anton.getByText('De sessie van Karin Jansen is beëindigd.')).toBeVisible();
    await expect(karinsSessions).toHaveCount(left - 1);
  }
  expect((await karin.request.get('/api/staff/me')).status()).toBe(401);

  // ... and disables Mehmet Bakker's account, after saying yes in the dialog.
  await anton.getByRole('link', { name: 'Accounts' }).click();
  await expect(anton.getByRole('heading', { level: 1, name: 'Accounts van medewerkers' })).toBeVisible();
  await expectNoAxeViolations(anton);
  await anton.getByRole('button', { name: 'Account van Mehmet Bakker uitzetten' }).click();
  const dialog = anton.getByRole('dialog', { name: 'Account van Mehmet Bakker uitzetten?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(anton);
  await dialog.getByRole('button', { name: 'Ja, uitzetten' }).click();
  await expect(anton.getByText('Het account van Mehmet Bakker is uitgezet.')).toBeVisible();
  await expect(anton.getByRole('row', { name: /Mehmet Bakker/ })).toContainText('Uitgezet op');
  await expectNoAxeViolations(anton);
  await karin.context().close();
  await anton.context().close();
});
