/**
 * A resident's question reaches the case worker and the answer comes back (issue 14): Jan
 * (999990019) asks a question on his bijstand application; Karin Jansen (case worker) finds it
 * in her worklist under "Vragen beantwoorden", opens the case at its questions, answers in
 * plain words; Jan reads the answer under his question and finds a message in his inbox.
 * axe on every page.
 */
import { expect, test } from '@playwright/test';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { expectNoAxeViolations, logIn } from './support';
import { desktopPage, staffLogIn } from './staff-support';

// A server of its own (offset 40): answering changes Jan's application and inbox, which other
// journeys on the shared server read.
const PORT = Number(process.env.E2E_PORT ?? 8181) + 40;
let server: OwnServer | undefined;
test.use({ baseURL: `http://localhost:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

const JAN = '999990019';
const QUESTION = `Moet ik ook mijn spaarrekening laten zien? (${Date.now()})`;
const ANSWER = 'Ja, dat moet. Stuur een afschrift van uw spaarrekening. Dat kan met een foto.';

test('a resident asks a question; the case worker answers it from the worklist; the resident reads the answer and gets a message', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await logIn(page, JAN);
  await expect(page).toHaveURL(/\/aanvragen$/);
  const { applications } = (await (await page.request.get('/api/applications')).json()) as {
    applications: Array<{ id: string; reference: string; scheme: { name: { nl: string } } }>;
  };
  const bijstand = applications.find((a) => /bijstand/i.test(a.scheme.name.nl))!;

  // Jan asks his question on the application.
  await page.goto(`/aanvragen/${bijstand.id}`);
  await page.getByLabel('Stel een vraag').fill(QUESTION);
  await page.getByRole('button', { name: 'Verstuur vraag' }).click();
  await expect(page.getByText('Uw vraag is verstuurd. Wij geven zo snel mogelijk antwoord.')).toBeVisible();
  await expect(page.getByText(QUESTION)).toBeVisible();

  // Karin's worklist: the question waits under "Vragen beantwoorden", linked to the case.
  const karin = await desktopPage(browser, `http://localhost:${PORT}`);
  await staffLogIn(karin, 'k.jansen');
  await expect(karin.getByRole('heading', { level: 1, name: 'Werklijst' })).toBeVisible();
  const questions = karin.getByRole('region', { name: /^Vragen beantwoorden/ });
  await expect(questions.getByRole('heading', { level: 2, name: 'Vragen beantwoorden (1)' })).toBeVisible();
  await expect(questions.getByText(/1 open vraag sinds /)).toBeVisible();
  // The search stays on the page, below the list.
  await expect(karin.getByLabel('Zaaknummer')).toBeVisible();
  await expectNoAxeViolations(karin);
  await questions.getByRole('link', { name: new RegExp(bijstand.reference) }).click();

  // The case opens at its questions: the open question first, with the answer field.
  await expect(karin).toHaveURL(/\/beheer\/zaken\/[0-9a-f-]{36}\?onderdeel=vragen$/);
  await expect(karin.getByRole('heading', { level: 1, name: `Zaak ${bijstand.reference}` })).toBeVisible();
  const parts = karin.getByRole('navigation', { name: 'Onderdelen van de zaak' });
  await expect(parts.getByRole('link', { name: /^Vragen/ })).toHaveAttribute('aria-current', 'page');
  await expect(karin.getByRole('heading', { level: 3, name: 'Open vragen (1)' })).toBeVisible();
  await expect(karin.getByText(QUESTION)).toBeVisible();
  await expect(karin.getByText(/taalniveau B1/)).toBeVisible();
  await expectNoAxeViolations(karin);

  // An empty answer is refused in the page; then the answer is sent.
  await karin.getByRole('button', { name: 'Antwoord versturen' }).click();
  // As on every form: the error summary takes the focus, its link leads to the field.
  await expect(karin.locator('.loket-error-summary')).toBeFocused();
  await expect(karin.getByLabel('Uw antwoord')).toHaveAttribute('aria-invalid', 'true');
  await expect(karin.getByLabel('Uw antwoord')).toHaveAccessibleDescription(/Schrijf een antwoord\./);
  await karin.getByRole('link', { name: 'Schrijf een antwoord.' }).click();
  await expect(karin.getByLabel('Uw antwoord')).toBeFocused();
  await karin.getByLabel('Uw antwoord').fill(ANSWER);
  await karin.getByRole('button', { name: 'Antwoord versturen' }).click();
  await expect(
    karin.getByText('Uw antwoord is verstuurd. De inwoner ziet het bij de aanvraag en krijgt een bericht.'),
  ).toBeFocused();
  await expect(karin.getByRole('heading', { level: 3, name: 'Beantwoord (1)' })).toBeVisible();
  await expect(karin.getByText(ANSWER)).toBeVisible();
  await expectNoAxeViolations(karin);

  // Off the worklist now.
  await karin.getByRole('link', { name: 'Terug naar de werklijst' }).click();
  await expect(karin.getByRole('heading', { level: 2, name: 'Vragen beantwoorden (0)' })).toBeVisible();

  // Jan reads the answer under his question ...
  await page.reload();
  const mine = page.getByRole('listitem').filter({ hasText: QUESTION });
  await expect(mine.getByText('Antwoord', { exact: true })).toBeVisible();
  await expect(mine.getByText(ANSWER)).toBeVisible();
  await expect(mine.getByText(/^Beantwoord op /)).toBeVisible();
  await expectNoAxeViolations(page);

  // ... and has a message about it in his inbox, which leads back to the application.
  await page.goto('/berichten');
  const message = page.getByRole('listitem').filter({ hasText: 'Antwoord op uw vraag' });
  await expect(message).toBeVisible();
  await expect(message).toContainText('Wij hebben uw vraag beantwoord.');
  await expectNoAxeViolations(page);

  // ... and on "Wie keek in mijn gegevens": a case worker read and answered his question.
  await page.goto('/mijn-gegevens-ingezien');
  await expect(page.getByText('Beantwoordde uw vraag').first()).toBeVisible();
  await expect(page.getByText('Las uw vragen over uw aanvraag').first()).toBeVisible();
  await karin.context().close();
});
