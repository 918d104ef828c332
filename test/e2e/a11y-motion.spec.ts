/**
 * prefers-reduced-motion (WCAG 2.3.3): when the phone asks for less motion, nothing on any page
 * animates or transitions for longer than 0.01 s. Checked on the computed style of every element
 * (and its ::before/::after), on the pages with the most moving parts: buttons, links, the
 * update notice's region, the documents page's progress and the booking steps.
 */
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support';

/** Elements whose animation or transition lasts longer than `limit` seconds. */
async function movingElements(page: Page, limit = 0.01): Promise<string[]> {
  return page.evaluate((max) => {
    const seconds = (list: string) =>
      list.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part)));
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo);
        const animated = style.animationName !== 'none' && Math.max(...seconds(style.animationDuration)) > max;
        const transitions = seconds(style.transitionDuration);
        const transitioned = style.transitionProperty !== 'none' && Math.max(...transitions) > max;
        if (animated || transitioned) {
          found.push(
            `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${pseudo ?? ''}: animation ${style.animationDuration}, transition ${style.transitionDuration}`,
          );
        }
      }
    }
    return found;
  }, limit);
}

test('with reduced motion asked for, no page animates or transitions', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  expect(await movingElements(page)).toEqual([]);
  await page.goto('/toegankelijkheid');
  expect(await movingElements(page)).toEqual([]);

  await logIn(page, '999990019');
  await expect(page).toHaveURL(/\/aanvragen$/);
  await expect(page.locator('#main .loket-card').first()).toBeVisible();
  expect(await movingElements(page)).toEqual([]);

  await page.locator('#main .loket-card a').first().click();
  await expect(page.locator('.loket-question-form')).toBeVisible();
  expect(await movingElements(page)).toEqual([]);
  await page.getByRole('link', { name: 'Alle documenten en brieven' }).click();
  await expect(page.locator('form.loket-send')).toBeVisible();
  expect(await movingElements(page)).toEqual([]);

  await page.goto('/afspraken/maken?stap=dag&type=consultation&plaats=voorburg-corbulo');
  await expect(page.locator('[data-step="dag"] button').first()).toBeVisible();
  // Hovering and focusing start transitions when there are any.
  await page.locator('[data-step="dag"] button').first().hover();
  await page.keyboard.press('Tab');
  expect(await movingElements(page)).toEqual([]);
});

test('a component added later with its own transition is calmed down too', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A style set by script (the CSP allows that), as a future component's would be.
  const durations = await page.evaluate(() => {
    const box = document.createElement('div');
    box.style.transition = 'opacity 2s ease';
    box.style.animation = 'spin 3s linear infinite';
    document.querySelector('#main')!.append(box);
    const style = getComputedStyle(box);
    return {
      transition: style.transitionDuration,
      animation: style.animationDuration,
      iterations: style.animationIterationCount,
    };
  });
  expect(durations).toEqual({ transition: '1e-05s', animation: '1e-05s', iterations: '1' });
  expect(await movingElements(page)).toEqual([]);
});
