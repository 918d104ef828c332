/**
 * Appointments in real Chromium against the real server (issues 5 and 14): as 999990019, book
 * a consultation at the central office (step by step, "Vorige stap", the confirmation panel),
 * see it in the list, download the .ics (text/calendar), reschedule, and cancel after saying
 * "Nee, toch niet" once; as 999990044 the urgent debt-help path offers only slots within 3
 * working days (or, when the reserved capacity is full, the phone number to call now), and
 * moving that appointment offers only days within the same term; a home visit asked offline
 * arrives once when back online.
 * axe checks each step. Runs on a server of its own: bookings change the data.
 */
import { expect, test, type Page } from '@playwright/test';
import { todayInAmsterdam } from '../../src/domain/dates';
import { addWorkingDays } from '../../src/domain/working-days';
import { startOwnServer, type OwnServer } from './fixtures/own-server';
import { expectNoAxeViolations, logIn } from './support';

// This journey needs the real service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

const PORT = Number(process.env.E2E_PORT ?? 8181) + 4;
let server: OwnServer | undefined;
test.use({ baseURL: `http://localhost:${PORT}` });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startOwnServer(PORT);
});
test.afterAll(async () => {
  await server?.stop();
});

async function pickDayAndTime(page: Page, dayIndex = 0): Promise<void> {
  const days = page.locator('[data-step="dag"] button');
  await expect(days.first()).toBeVisible();
  await days.nth(dayIndex).click();
  const times = page.locator('[data-step="tijd"] button');
  await expect(times.first()).toBeVisible();
  await times.first().click();
  await expect(page.locator('[data-step="gegevens"]')).toBeVisible();
}

test('book a consultation at the central office, see it, get the .ics, reschedule and cancel', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn afspraken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn afspraken' })).toBeVisible();

  await page.getByRole('link', { name: 'Afspraak maken' }).click();
  await expect(page.getByText('Stap 1 van 5')).toBeVisible();
  await page.getByRole('radio', { name: /Gesprek met uw consulent/ }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page).toHaveURL(/stap=plaats/);
  await expect(page.getByText('Stap 2 van 5')).toBeVisible();
  // The e2e server runs Leidschendam-Voorburg: its central office, with its opening hours.
  await expect(page.locator('[data-step="plaats"]')).toContainText('Openingstijden');
  await page.getByRole('radio', { name: /Werk en Inkomen, kantoor Voorburg/ }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  // "Vorige stap" goes back to the place, with the choice kept.
  await page.getByRole('link', { name: 'Vorige stap' }).click();
  await expect(page.getByRole('radio', { name: /Werk en Inkomen, kantoor Voorburg/ })).toBeChecked();
  await page.getByRole('button', { name: 'Verder' }).click();
  // Day buttons say the weekday ("di 8 dec").
  await expect(page.locator('[data-step="dag"] button').first()).toHaveText(/^(ma|di|wo|do|vr) \d{1,2} \w+$/);
  // A day at least two days ahead: changes are possible until 24 hours before.
  await pickDayAndTime(page, 2);

  // Back goes to the previous step; forward again keeps what was typed.
  await page.getByLabel(/tolk/).fill('Arabisch');
  await page.goBack();
  await expect(page.locator('[data-step="tijd"]')).toBeVisible();
  await page.goForward();
  await expect(page.getByLabel(/tolk/)).toHaveValue('Arabisch');
  await page.getByRole('checkbox', { name: 'Ik kom met een rolstoel' }).check();
  await page.getByRole('button', { name: 'Afspraak maken' }).click();

  await expect(page).toHaveURL(/\/afspraken\/[0-9a-f-]{36}\?nieuw=1$/);
  await expect(page.getByRole('heading', { name: 'Uw afspraak staat vast' })).toBeFocused();
  await expect(page.locator('[data-booked]')).toContainText('U vindt deze afspraak altijd terug bij Mijn afspraken.');
  const reference = (await page.locator('[data-reference]').textContent())!.trim();
  expect(reference).not.toBe('');
  await expect(page.getByRole('img', { name: new RegExp(reference) })).toBeVisible();
  await expectNoAxeViolations(page);

  const icsHref = await page.getByRole('link', { name: /Zet in uw agenda/ }).getAttribute('href');
  const ics = await page.request.get(icsHref!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await ics.text()).toContain('BEGIN:VEVENT');

  await page.getByRole('link', { name: 'Terug naar mijn afspraken' }).click();
  await expect(page.locator('[data-appointment]').first()).toContainText('Gesprek met uw consulent');

  // Reschedule to another day.
  await page.locator('[data-appointment] a').first().click();
  await page.getByRole('link', { name: 'Verzetten' }).click();
  await pickDayAndTime(page, 3);
  await page.getByRole('button', { name: 'Afspraak verzetten' }).click();
  await expect(page).toHaveURL(/\/afspraken\/[0-9a-f-]{36}\?verzet=1$/);
  await expect(page.getByRole('heading', { name: 'Uw afspraak is verzet' })).toBeFocused();
  await expect(page.locator('[data-reference]')).toHaveText(reference);

  // Cancel: asked once; "Nee, toch niet" keeps it and puts the focus back.
  await page.getByRole('button', { name: 'Afzeggen' }).click();
  await expect(page.getByRole('heading', { name: 'Afspraak afzeggen' })).toBeFocused();
  await page.getByRole('button', { name: 'Nee, toch niet' }).click();
  await expect(page.getByRole('button', { name: 'Afzeggen' })).toBeFocused();
  await page.getByRole('button', { name: 'Afzeggen' }).click();
  await page.getByLabel(/Waarom zegt u af/).fill('Ik ben ziek');
  await page.getByRole('button', { name: 'Ja, afzeggen' }).click();
  await expect(page.getByRole('heading', { name: 'Uw afspraak is afgezegd' })).toBeFocused();
  await expect(page.getByText('U hoeft niets meer te doen.')).toBeVisible();
  await expect(page.getByText('Afgezegd', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('urgent debt help offers only slots within 3 working days', async ({ page }) => {
  await logIn(page, '999990044');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn afspraken' }).click();
  await page.getByRole('link', { name: 'Afspraak maken' }).click();
  await page.getByRole('radio', { name: /Eerste gesprek schuldhulp/ }).check();
  // The urgency question is part of the first step.
  await expect(page.getByRole('radiogroup', { name: 'Is een van deze dingen aan de hand?' })).toBeVisible();
  await page.getByRole('radio', { name: /huisuitzetting/ }).check();
  await expect(page.getByText('Stap 1 van 4')).toBeVisible();
  const availability = page.waitForResponse(
    (r) => r.url().includes('/api/appointments/availability') && r.url().includes('urgent=true'),
  );
  await page.getByRole('button', { name: 'Verder' }).click();
  const body = (await (await availability).json()) as {
    days: Array<{ date: string }>;
    callNow: { phone: string } | null;
  };
  const limit = addWorkingDays(todayInAmsterdam(), 3);
  if (body.callNow) {
    await expect(page.locator('[data-call-now]')).toContainText(`Bel ons nu: ${body.callNow.phone}`);
  } else {
    expect(body.days.length).toBeGreaterThan(0);
    const dates = await page
      .locator('[data-step="dag"] button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-date')!));
    expect(dates).toEqual(body.days.map((d) => d.date));
    for (const date of dates) expect(date <= limit).toBe(true);
    await expect(page.getByText('Stap 2 van 4')).toBeVisible();
    await expect(page.locator('[data-urgent-term]')).toContainText('binnen 3 werkdagen');
  }
  await expectNoAxeViolations(page);
});

test('moving urgent debt help offers only days within the term of the first request', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, '999990044');
  await expect(page).toHaveURL(/\/aanvragen$/);
  const limit = addWorkingDays(todayInAmsterdam(), 3);
  // Book the last urgent slot of the term, so that it can still be moved (until 24 hours before).
  const urgent = (await (
    await page.request.get('/api/appointments/availability?type=debt-help-first&urgent=true')
  ).json()) as { days: Array<{ date: string; slots: Array<{ start: string; placeId: string }> }>; callNow: unknown };
  // This spec's own server: nothing else used the reserved urgent capacity.
  expect(urgent.callNow).toBeNull();
  const last = urgent.days.at(-1)!.slots.at(-1)!;
  await page.goto(
    `/afspraken/maken?stap=gegevens&type=debt-help-first&spoed=eviction&plaats=${last.placeId}` +
      `&dag=${urgent.days.at(-1)!.date}&start=${encodeURIComponent(last.start)}`,
  );
  await page.getByRole('button', { name: 'Afspraak maken' }).click();
  await expect(page.getByRole('heading', { name: 'Uw afspraak staat vast' })).toBeFocused();

  const offer = page.waitForResponse(
    (r) => r.url().includes('/api/appointments/availability') && r.url().includes('reschedule='),
  );
  await page.getByRole('link', { name: 'Verzetten' }).click();
  const body = (await (await offer).json()) as { window: { until: string }; days: Array<{ date: string }> };
  expect(body.window.until <= limit).toBe(true);
  await expect(page.getByText('Stap 1 van 3')).toBeVisible();
  const days = page.locator('[data-step="dag"] button');
  await expect(days.first()).toBeVisible();
  const dates = await days.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-date')!));
  expect(dates.length).toBeGreaterThan(0);
  expect(dates).toEqual(body.days.map((d) => d.date));
  for (const date of dates) expect(date <= limit).toBe(true);
  await expect(page.locator('[data-urgent-term]')).toContainText('binnen 3 werkdagen');
  await expectNoAxeViolations(page);

  await days.first().click();
  await page.locator('[data-step="tijd"] button').first().click();
  await expect(page.getByText('Stap 3 van 3')).toBeVisible();
  await page.getByRole('button', { name: 'Afspraak verzetten' }).click();
  await expect(page.getByRole('heading', { name: 'Uw afspraak is verzet' })).toBeFocused();
  await expectNoAxeViolations(page);
});

test('a home visit asked offline is queued and arrives once when back online', async ({ page, context }) => {
  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn afspraken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn afspraken' })).toBeVisible();
  await page.getByRole('link', { name: /Vraag een huisbezoek aan/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Huisbezoek aanvragen' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Op mijn adres/ })).toBeVisible();

  await context.setOffline(true);
  await page.getByRole('radio', { name: 'Ik ben ziek' }).check();
  await page.getByRole('radio', { name: /Op mijn adres/ }).check();
  await page.getByRole('checkbox', { name: 'maandag ochtend' }).check();
  await page.getByRole('checkbox', { name: 'woensdag middag' }).check();
  await page.getByLabel('Uw telefoonnummer').fill('06 12345678');
  await page.getByRole('button', { name: 'Huisbezoek aanvragen' }).click();
  await expect(page.getByText('Uw aanvraag wacht op verzenden.')).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText('Wij hebben uw aanvraag ontvangen.')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Terug naar mijn afspraken' }).click();
  await expect(page.locator('[data-home-visit]')).toHaveCount(1);
  await expect(page.locator('[data-home-visit]')).toContainText('Aangevraagd');
  const list = (await (await page.request.get('/api/home-visits')).json()) as { homeVisits: unknown[] };
  expect(list.homeVisits).toHaveLength(1);
  await expectNoAxeViolations(page);
});
