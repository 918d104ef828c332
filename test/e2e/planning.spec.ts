/**
 * The planner's back office in real Chromium (issue 5 point 7): Priya Smit (planner) logs in
 * at /beheer through the staff simulator, reads the central office's agenda on the day of Jan
 * de Vries's intake, closes that day (the answer lists Jan's booking to call him; it stays
 * booked) and opens it again, and plans the demo home-visit request of Fatima El Amrani after
 * a refused Saturday. Fatima, in her own browser, sees the visit planned. axe on every page.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addDays, isoWeekday, todayInAmsterdam } from '../../src/domain/dates';
import { dutchDate, expectNoAxeViolations, logIn } from './support';

/** A desk PC, not a phone: staff work on a desktop screen. */
async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    isMobile: false,
    hasTouch: false,
    locale: 'nl-NL',
  });
  return context.newPage();
}

const FIXED_HOLIDAYS = ['12-25', '12-26', '01-01', '04-27'];

/** Days from today to the first working day at least `days` ahead (weekends and fixed holidays skipped). */
function workingDayOffset(days: number): number {
  for (let offset = days; ; offset += 1) {
    const date = isoDay(offset);
    if (isoWeekday(date) <= 5 && !FIXED_HOLIDAYS.includes(date.slice(5, 10))) return offset;
  }
}

/** 'YYYY-MM-DD' of today plus `days` in Amsterdam */
function isoDay(days: number): string {
  return addDays(todayInAmsterdam(), days);
}

function saturdayOffset(): number {
  for (let offset = 1; ; offset += 1) if (isoWeekday(isoDay(offset)) === 6) return offset;
}

test('a planner reads the agenda, closes a day and plans a home visit; the resident sees it planned', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000); // two browsers, a dozen axe runs: slow on a busy machine
  const jansDay = isoDay(workingDayOffset(7)); // the demo intake: first working day a week from now
  const visitOffset = workingDayOffset(2);

  const staff = await staffPage(browser);
  await staff.goto('/beheer');
  await staff.getByRole('link', { name: 'Inloggen als medewerker' }).click();
  await staff.getByLabel('Gebruikersnaam').fill('p.smit');
  await staff.getByRole('button', { name: 'Inloggen' }).click();
  await expect(staff.getByText('Ingelogd als Priya Smit')).toBeVisible();
  // A planner's /beheer is the agenda, not the case search that her role cannot use.
  await expect(staff).toHaveURL(/\/beheer\/agenda$/);
  await expect(staff.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  const planning = staff.getByRole('navigation', { name: 'Planning' });

  // The agenda of the central office on the day of Jan's intake.
  await planning.getByRole('link', { name: 'Agenda' }).click();
  await expect(staff).toHaveURL(/\/beheer\/agenda$/);
  await expect(staff.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await expect(staff.getByLabel('Locatie')).toHaveValue('voorburg-corbulo');
  await staff.getByLabel('Dag').fill(jansDay);
  await staff.getByRole('button', { name: 'Agenda tonen' }).click();
  const agenda = staff.getByRole('table', { name: /^Afspraken op / });
  await expect(agenda.getByRole('row', { name: /Jan de Vries/ })).toContainText('Intakegesprek');
  await expect(agenda.getByRole('row', { name: /Jan de Vries/ })).toContainText('AFS-DEMO0191');
  await expectNoAxeViolations(staff);

  // Close that day: the answer names Jan's appointment, so the planner can call him.
  await planning.getByRole('link', { name: 'Sluitingen en capaciteit' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Sluitingen en capaciteit' })).toBeVisible();
  await expect(staff.getByText('Er zijn geen sluitingen gepland.')).toBeVisible();
  await expectNoAxeViolations(staff);
  const addClosure = staff.getByRole('region', { name: 'Sluiting toevoegen' });
  await addClosure.getByLabel('Eerste dag').fill(jansDay);
  await addClosure.getByRole('button', { name: 'Sluiting opslaan' }).click();
  await expect(addClosure.getByRole('alert')).toContainText('Vul dit in.');
  await expect(addClosure.getByLabel('Eerste dag')).toHaveValue(jansDay); // input kept
  await addClosure.getByLabel('Reden', { exact: true }).fill('Teamdag');
  await addClosure.getByRole('button', { name: 'Sluiting opslaan' }).click();
  await expect(
    addClosure.getByText('De sluiting is opgeslagen. Inwoners kunnen deze tijd niet meer boeken.'),
  ).toBeVisible();
  await expect(
    addClosure.getByRole('table', { name: 'Afspraken in de sluiting' }).getByRole('row', { name: /Jan de Vries/ }),
  ).toBeVisible();
  const closures = staff.getByRole('table', { name: /^Sluitingen van / });
  await expect(closures.getByRole('row', { name: /Teamdag/ })).toBeVisible();
  await expectNoAxeViolations(staff);
  await closures.getByRole('button', { name: /^Sluiting van .* verwijderen$/ }).click();
  await expect(staff.getByText('De sluiting is verwijderd. Inwoners kunnen deze tijd weer boeken.')).toBeVisible();
  await expect(staff.getByText('Er zijn geen sluitingen gepland.')).toBeVisible();

  // Plan Fatima's home visit: a Saturday is refused (input kept), a working day is planned.
  await planning.getByRole('link', { name: 'Huisbezoeken' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Huisbezoeken' })).toBeVisible();
  const queue = staff.getByRole('table', { name: /^Huisbezoeken om te plannen/ });
  await expect(queue.getByRole('row', { name: /Fatima El Amrani/ })).toContainText('Aangevraagd');
  await expectNoAxeViolations(staff);
  await staff.getByRole('button', { name: 'Huisbezoek van Fatima El Amrani (HB-DEMO032) behandelen' }).click();
  await expect(
    staff.getByRole('heading', { level: 2, name: 'Huisbezoek HB-DEMO032 van Fatima El Amrani' }),
  ).toBeFocused();
  const saturday = isoDay(saturdayOffset());
  await staff.getByLabel('Datum van het bezoek').fill(saturday);
  await staff.getByLabel('Tussen', { exact: true }).fill('10:00');
  await staff.getByLabel('En', { exact: true }).fill('12:00');
  await staff.getByRole('button', { name: 'Huisbezoek plannen' }).click();
  await expect(staff.getByText('Op deze dag werken wij niet. Kies een werkdag.')).toBeVisible();
  await expect(staff.getByLabel('Datum van het bezoek')).toHaveValue(saturday);
  await expectNoAxeViolations(staff);
  await staff.getByLabel('Datum van het bezoek').fill(isoDay(visitOffset));
  await staff.getByRole('button', { name: 'Huisbezoek plannen' }).click();
  await expect(staff.getByText('Huisbezoek HB-DEMO032 is gepland. De inwoner ziet het nu in Loket.')).toBeVisible();
  await expect(queue.getByRole('row', { name: /Fatima El Amrani/ })).toContainText(
    `Gepland op ${dutchDate(visitOffset)} tussen 10:00 en 12:00`,
  );
  await expectNoAxeViolations(staff);

  // Fatima, on her phone, sees the visit planned.
  await logIn(page, '999990032');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await page.goto('/afspraken');
  const visit = page.locator('[data-home-visit]').filter({ hasText: 'HB-DEMO032' });
  await expect(visit).toContainText('Gepland');
  await expect(visit).toContainText(`Wij komen op ${dutchDate(visitOffset)} tussen 10:00 en 12:00 uur.`);
  await expectNoAxeViolations(page);
  await staff.context().close();
});
