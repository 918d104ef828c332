/**
 * Sending documents in real Chromium against the real server (issue 4): as 999990019, two
 * "phone photos" of a bank statement (12 megapixels each, made with sharp, one stored sideways
 * with an EXIF orientation, both with GPS in their EXIF) are reduced in the worker, become one
 * PDF, and go to the open request with tus. Halfway the connection drops; the page says it is
 * paused; back online the upload resumes at the server's offset (one tus upload, not two) and
 * the document is registered exactly once. axe checks the page in each state.
 *
 * Also measures the reduction of a 12-megapixel photo in the browser (console output, for the
 * lead to quote until the benchmark harness exists).
 *
 * Runs against a product of its own (fixtures/own-server.ts): it makes the bank statements
 * "received", and the other journeys read them as still open.
 */
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { paperPhoto } from './fixtures/photos';
import { expectNoAxeViolations, logIn } from './support';

// This journey needs the real service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const PORT = Number(process.env.E2E_PORT ?? 8181) + 2;
let server: OwnServer | undefined;
test.use({ baseURL: `http://localhost:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

const BANK_STATEMENTS = 'Bankafschriften van de laatste 3 maanden';

/** `via`: the application's task button while something is asked; the plain link always works. */
async function openDocumentsPage(page: Page, via = 'Alle documenten en brieven'): Promise<string> {
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page
    .getByRole('link', { name: /bijstand/i })
    .first()
    .click();
  await expect(page).toHaveURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByRole('link', { name: via }).click();
  await expect(page).toHaveURL(`/aanvragen/${id}/documenten`);
  await expect(page.getByRole('heading', { level: 1, name: 'Documenten voor uw aanvraag' })).toBeVisible();
  return id;
}

interface CaseDocumentsBody {
  requests: Array<{
    id: string;
    title: { nl: string };
    state: string;
    documents: Array<{ id: string; contentType: string; fileName: string }>;
  }>;
}

test('two photos become one PDF for the open request; offline halfway, it resumes and arrives once', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const [first, second] = await Promise.all([
    paperPhoto({ width: 3000, height: 4000, seed: 1, gps: true }),
    paperPhoto({ width: 3000, height: 4000, seed: 2, sideways: true, gps: true }),
  ]);

  // The application's one primary action while documents are asked for.
  const id = await openDocumentsPage(page, 'Documenten sturen');
  const bankCard = page
    .locator('[aria-labelledby="requests-title"] > ul > li')
    .filter({ has: page.getByRole('heading', { name: BANK_STATEMENTS }) });
  await expect(bankCard).toContainText('Nog sturen');
  await expect(bankCard).toContainText(/Stuur uiterlijk .* \(nog \d+ dagen?\)\./);
  await expect(
    page.getByRole('link', { name: /^Brief: wij hebben meer informatie nodig downloaden \(PDF, \d+ kB\)$/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The letter downloads as an attachment, never inside the app.
  const letterHref = await page
    .getByRole('link', { name: /^Brief: wij hebben meer informatie nodig downloaden/ })
    .getAttribute('href');
  const letter = await page.request.get(letterHref!);
  expect(letter.status()).toBe(200);
  expect(letter.headers()['content-disposition']).toMatch(/^attachment/);

  const cardTitles = page.locator('[aria-labelledby="requests-title"] > ul > li').getByRole('heading', { level: 3 });
  const orderBefore = await cardTitles.allTextContents();
  await bankCard.getByRole('button', { name: 'Stuur dit document' }).click();
  await expect(page.getByRole('radio', { name: BANK_STATEMENTS })).toBeChecked();

  // "Maak een foto", twice: the camera input (capture="environment") gets one photo each time.
  const camera = page.locator('input[type="file"][capture="environment"]');
  await camera.setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: first });
  await expect(page.getByText('Bladzijde 1: IMG_0001.jpg')).toBeVisible();
  await camera.setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: second });
  await expect(page.getByText('Bladzijde 2: IMG_0002.jpg')).toBeVisible();
  await expect(page.locator('.loket-capture__item')).toHaveCount(2);
  await expect(page.getByText('Wordt klaargemaakt')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.loket-capture__thumbnail')).toHaveCount(2);
  // The previews are data: URLs (the CSP allows img-src 'self' data:) and really show.
  await expect
    .poll(() =>
      page
        .locator('.loket-capture__thumbnail')
        .last()
        .evaluate((img: HTMLImageElement) => img.naturalHeight > img.naturalWidth),
    )
    .toBe(true);
  await expect(page.getByText("Uw 2 foto's worden samen één PDF.")).toBeVisible();

  const reductions = await page.evaluate(() =>
    performance
      .getEntriesByName('loket:reduce-image')
      .map((entry) => ({ ms: Math.round(entry.duration), ...(entry as PerformanceMeasure).detail })),
  );
  for (const r of reductions) {
    console.log(
      `[documents] reduced a 12-megapixel photo (${(r.bytesIn / 1e6).toFixed(1)} MB JPEG) to ${r.width}x${r.height}, ` +
        `${(r.bytesOut / 1e6).toFixed(2)} MB, in ${r.ms} ms (${r.inWorker ? 'worker' : 'main thread'}; headless Chromium, no GPU)`,
    );
  }
  expect(reductions).toHaveLength(2);
  for (const r of reductions) {
    expect(r.inWorker).toBe(true);
    expect(Math.max(r.width, r.height)).toBe(2000);
    expect(r.bytesOut).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  }
  await expectNoAxeViolations(page);

  // Watch the tus traffic, and cut the connection when the upload is halfway.
  const tusRequests: string[] = [];
  let uploadLength = 0;
  let wentOffline = false;
  await context.route('**/api/uploads**', async (route) => {
    const request = route.request();
    tusRequests.push(request.method());
    if (request.method() === 'POST') uploadLength = Number(request.headers()['upload-length']);
    const offset = Number(request.headers()['upload-offset'] ?? 0);
    if (request.method() === 'PATCH' && !wentOffline && offset >= uploadLength / 2) {
      wentOffline = true;
      await context.setOffline(true);
      return route.abort('internetdisconnected');
    }
    return route.continue();
  });

  await page.getByRole('button', { name: 'Versturen' }).click();
  const sending = page.locator('[aria-labelledby="sending-title"] li');
  await expect(sending).toHaveCount(1);
  await expect(sending).toContainText(`${BANK_STATEMENTS} (${BANK_STATEMENTS}.pdf)`);
  await expect(page.locator('.loket-capture__item')).toHaveCount(0);

  try {
    await expect(sending).toContainText('Gepauzeerd, gaat verder als u weer online bent.', { timeout: 30_000 });
    expect(wentOffline).toBe(true);
    const bar = sending.getByRole('progressbar', { name: `Versturen van ${BANK_STATEMENTS}.pdf` });
    const percent = Number(await bar.getAttribute('value'));
    expect(percent).toBeGreaterThanOrEqual(40);
    expect(percent).toBeLessThan(100);
    await expect(sending).toContainText(`${percent}% verstuurd`);
    await expect(sending).toContainText('U mag Loket sluiten.');
    await expectNoAxeViolations(page);
  } finally {
    await context.setOffline(false);
  }

  // Back online: the outbox resumes by itself ('online'), at the server's offset.
  await expect(sending).toContainText('Ontvangen. Dank u wel.', { timeout: 30_000 });
  await expect(bankCard).toContainText('Ontvangen');
  await expect(bankCard).toContainText(`${BANK_STATEMENTS}.pdf, ontvangen op`);
  // Nothing moved under the resident's thumb, and a received request is no longer offered.
  await expect(cardTitles).toHaveText(orderBefore);
  await expect(bankCard.getByRole('button', { name: 'Stuur dit document' })).toHaveCount(0);
  await expect(bankCard).toContainText('U hoeft nu niets te sturen.');
  await expect(page.getByRole('radio', { name: BANK_STATEMENTS })).toHaveCount(0);
  expect(tusRequests.filter((method) => method === 'POST')).toHaveLength(1);
  expect(tusRequests).toContain('HEAD');
  await expectNoAxeViolations(page);

  // Exactly one document on the request, as the server sees it: one PDF of two upright pages,
  // without the photos' EXIF (their GPS position) anywhere in it.
  const listing = (await (await page.request.get(`/api/applications/${id}/documents`)).json()) as CaseDocumentsBody;
  const bank = listing.requests.find((request) => request.title.nl === BANK_STATEMENTS)!;
  expect(bank.state).toBe('received');
  expect(bank.documents).toHaveLength(1);
  expect(bank.documents[0]).toMatchObject({ contentType: 'application/pdf', fileName: `${BANK_STATEMENTS}.pdf` });
  const stored = await (
    await page.request.get(`/api/applications/${id}/documents/${bank.documents[0]!.id}/content`)
  ).body();
  const pdf = await PDFDocument.load(stored);
  expect(pdf.getPageCount()).toBe(2);
  for (const pdfPage of pdf.getPages()) expect(pdfPage.getHeight()).toBeGreaterThan(pdfPage.getWidth());
  expect(stored.includes(Buffer.from('Exif'))).toBe(false);
  expect(stored.includes(Buffer.from('GPS'))).toBe(false);
});

test('the app closed mid-upload: opened again, it resumes from the saved tus URL and arrives once', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const photo = await paperPhoto({ width: 3000, height: 4000, seed: 3 });
  const id = await openDocumentsPage(page);
  await page.getByRole('radio', { name: 'Huurcontract' }).check();
  await page
    .locator('input[type="file"][capture="environment"]')
    .setInputFiles({ name: 'huur.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByText('Wordt klaargemaakt')).toHaveCount(0, { timeout: 30_000 });

  // Hold the second chunk on its way, and close the app meanwhile (a reload: same as reopening).
  const tusRequests: string[] = [];
  let held: (() => Promise<void>) | null = null;
  const holding = new Promise<void>((resolve) => {
    void context.route('**/api/uploads**', async (route) => {
      const request = route.request();
      tusRequests.push(request.method());
      if (request.method() === 'PATCH' && Number(request.headers()['upload-offset']) > 0 && !held) {
        held = () => route.abort('connectionaborted');
        return resolve();
      }
      return route.continue();
    });
  });
  await page.getByRole('button', { name: 'Versturen' }).click();
  await holding;
  await page.reload();
  await held!().catch(() => undefined);

  // Opened again: the outbox (IndexedDB) still has the document and where its upload is.
  const sending = page.locator('[aria-labelledby="sending-title"] li');
  await expect(sending).toContainText('Huurcontract (Huurcontract.jpg)');
  await expect(sending).toContainText('Ontvangen. Dank u wel.', { timeout: 30_000 });
  expect(tusRequests.filter((method) => method === 'POST')).toHaveLength(1);
  expect(tusRequests).toContain('HEAD');
  const listing = (await (await page.request.get(`/api/applications/${id}/documents`)).json()) as CaseDocumentsBody;
  const rent = listing.requests.find((request) => request.title.nl === 'Huurcontract')!;
  expect(rent.documents).toHaveLength(1);
  expect(rent.documents[0]).toMatchObject({ contentType: 'image/jpeg', fileName: 'Huurcontract.jpg' });
});

test('a file we cannot take is said at once, in plain words, and nothing is sent', async ({ page }) => {
  await openDocumentsPage(page);
  await page.getByRole('radio', { name: 'Eigen document: iets anders dat u zelf wilt sturen' }).check();
  await page.getByLabel('Wat voor document is het?').fill('Loonstrook oktober');
  await page.locator('input[type="file"][multiple]').setInputFiles({
    name: 'loonstrook.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00 this is a program, not a PDF'),
  });
  await expect(
    page.getByText('Dit soort bestand kunnen wij niet aannemen. Stuur een PDF of een foto (JPG, PNG of HEIC).', {
      exact: true,
    }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Versturen' }).click();
  await expect(page.getByRole('alert')).toHaveText('Haal eerst weg wat wij niet kunnen aannemen.');
  await expect(page.locator('[aria-labelledby="sending-title"]')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
