/**
 * Helpers for the accessibility, keyboard and right-to-left journeys: the language a device
 * chose, the accessibility statement link in the footer, reflow without horizontal scrolling,
 * the geometry of controls (inside the viewport, not on top of each other), visible focus, and
 * moving with Tab only.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export type Language = 'nl' | 'en' | 'ar';

/** The footer link to the accessibility statement, by language (Dutch law: on every page). */
export const ACCESSIBILITY_LINK: Record<Language, string> = {
  nl: 'Toegankelijkheid',
  en: 'Accessibility',
  ar: 'إمكانية الوصول',
};

/** Chooses the language the way the device keeps it (localStorage and the loket_taal cookie), for the next page load. */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  // As the app keeps a choice: in this browser, and in the cookie the server renders a page in.
  await page.evaluate((code) => {
    localStorage.setItem('loket.locale', code);
    document.cookie = `loket_taal=${code}; path=/; max-age=31536000; samesite=lax`;
  }, language);
}

export async function expectAccessibilityStatementLink(page: Page, language: Language): Promise<void> {
  const link = page.getByRole('contentinfo').getByRole('link', { name: ACCESSIBILITY_LINK[language], exact: true });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', '/toegankelijkheid');
}

/** WCAG 1.4.10: no horizontal scrolling; every visible control starts and ends inside the width. */
export async function expectReflow(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  // Layout settles on the next frame after a resize.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const sizes = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(sizes.scrollWidth, `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(sizes.clientWidth);
  expect(await controlProblems(page, { overlap: false }), `controls outside the width at ${width} px`).toEqual([]);
}

/**
 * Visible interactive elements that leave the page's width (clipped: part of a control cannot be
 * seen or hit) and, with `overlap`, pairs that lie on top of each other. Described as
 * "tag 'text'" so a failure names the control. The skip link is left out: it is off screen until
 * it has focus, by design.
 */
export async function controlProblems(page: Page, { overlap = true } = {}): Promise<string[]> {
  return page.evaluate((checkOverlap) => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()} '${(el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}'`;
    const visible = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.closest('.utrecht-skip-link')) return false;
      if (el.closest('[hidden], [aria-hidden="true"]') || (el as HTMLInputElement).type === 'file') return false;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible' || style.display === 'none') return false;
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1;
    });
    const problems: string[] = [];
    const boxes = visible.map((el) => ({ el, box: el.getBoundingClientRect() }));
    for (const { el, box } of boxes) {
      if (box.left < -0.5 || box.right > width + 0.5)
        problems.push(`${describe(el)} spans ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      if (box.top + scrollY < -0.5) problems.push(`${describe(el)} starts above the page`);
    }
    if (checkOverlap) {
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          // A control inside another (a link in a label) is one target, not an overlap.
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 1 && y > 1)
            problems.push(`${describe(a.el)} overlaps ${describe(b.el)} by ${Math.round(x)}x${Math.round(y)}`);
        }
      }
    }
    return problems;
  }, overlap);
}

/** The focused element shows where it is: an outline or a box shadow (WCAG 2.4.7). */
export async function expectFocusVisible(locator: Locator): Promise<void> {
  await expect(locator).toBeFocused();
  const style = await locator.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), boxShadow: s.boxShadow };
  });
  const outline = style.outlineStyle !== 'none' && style.outlineWidth > 0;
  expect(
    outline || style.boxShadow !== 'none',
    `focus style of ${await locator.evaluate((el) => el.outerHTML.slice(0, 80))}: ${JSON.stringify(style)}`,
  ).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails after
 * `max` presses. Each control it stops on must show its focus.
 */
export async function tabTo(page: Page, target: Locator, { max = 60, backwards = false } = {}): Promise<void> {
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectFocusVisible(target);
      return;
    }
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`Tab did not reach ${target} in ${max} presses; focus is on ${focused}`);
}

/** After a route change focus is on the new page's h1 (page-change.ts). */
export async function expectHeadingFocused(page: Page, name?: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, ...(name ? { name } : {}) })).toBeFocused();
}
