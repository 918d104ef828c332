/**
 * One look (issue 14), checked by the accessibility matrix (a11y-states.spec.ts) in every state
 * of a11y-state-list.ts, on the page load it makes anyway:
 * - the self-hosted font is loaded and is the first family of every visible text, so nothing
 *   falls back to the browser's serif default (a text outside a component class did);
 * - at most one primary action on the page;
 * - every interactive element is at least 24 x 24 CSS px (WCAG 2.2, 2.5.8) and, on residents'
 *   pages, at least 44 x 44 (2.5.5, what we promise residents on cheap phones and kiosks).
 * The look does not change with the language, so it is checked in Dutch only. Staff pages are
 * measured at a desktop's width, residents' at a phone's.
 */
import { expect, type Page } from '@playwright/test';
import type { State } from './a11y-state-list';

export const FONT = 'Noto Sans Variable';

export const isStaffState = (state: State) => state.as?.startsWith('staff:') || state.name.startsWith('back office');

/** Visible text whose first font family is not the self-hosted one: "<tag>: <text> (<family>)". */
function textsInOtherFonts(page: Page): Promise<string[]> {
  return page.evaluate((font) => {
    const wrong: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('script, style, noscript, template')) continue;
      // Letters drawn in an image (the DigiD logo, in DigiD's own typeface) are not our text.
      if (element.closest('svg')) continue;
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const family = getComputedStyle(element).fontFamily;
      const first = family
        .split(',')[0]!
        .trim()
        .replace(/^["']|["']$/g, '');
      if (first !== font) wrong.push(`${element.tagName.toLowerCase()}: ${text.slice(0, 40)} (${family})`);
    }
    return [...new Set(wrong)];
  }, FONT);
}

/** Interactive elements smaller than `min` CSS px either way: "<tag> <name>: <w>x<h>". */
function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      let box = element.getBoundingClientRect();
      // Shown only on focus (the skip link waits above the page): not a target until then.
      if (box.bottom + window.scrollY <= 0) continue;
      // A radio button, checkbox or file chooser is hit through its label too: the label row
      // counts as its target (our choices are whole-row labels, 44 px high).
      if (element instanceof HTMLInputElement && element.labels?.length) {
        for (const label of element.labels) {
          const b = label.getBoundingClientRect();
          const left = Math.min(box.left, b.left);
          const top = Math.min(box.top, b.top);
          box = new DOMRect(left, top, Math.max(box.right, b.right) - left, Math.max(box.bottom, b.bottom) - top);
        }
      }
      if (box.width >= min && box.height >= min) continue;
      // WCAG 2.5.5 and 2.5.8 exempt a target inside a sentence, whose size the line of text
      // sets: a link shown inline whose paragraph (or list item) has other words around it.
      // Only links, only inline ones, only with words around: a link alone on its line counts.
      if (element.matches('a[href]') && getComputedStyle(element).display === 'inline') {
        const block = element.parentElement?.closest('p, li, dd, td');
        const around = block?.textContent?.replace(element.textContent ?? '', '').trim() ?? '';
        if (around.length > 1) continue;
      }
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30);
      const what = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${name}"`;
      small.push(`${what}: ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  }, min);
}

/** The font and target checks for one state, on the page as it is shown now. */
export async function expectOneLook(page: Page, state: State): Promise<void> {
  // The login simulator is a stand-in for DigiD's own pages, not Loket: its look is not ours.
  if (!state.outsideApp) {
    const loaded = await page.evaluate(async (font) => {
      await document.fonts.ready;
      return (
        document.fonts.check(`16px "${font}"`) &&
        [...document.fonts].some((face) => face.family.replace(/"/g, '') === font && face.status === 'loaded')
      );
    }, FONT);
    expect(loaded, `${FONT} loaded`).toBe(true);
    expect(await textsInOtherFonts(page), `text in another font than ${FONT}`).toEqual([]);
  }
  if (!state.outsideApp) {
    // One primary action per screen (issue 14): the thing to do next stands out.
    const primaries = (await page.locator('.utrecht-button--primary-action:visible').allInnerTexts()).map((t) =>
      t.trim(),
    );
    expect(primaries.length, `more than one primary action: ${primaries.join(' | ')}`).toBeLessThanOrEqual(1);
  }
  const min = isStaffState(state) || state.outsideApp ? 24 : 44;
  expect(await smallTargets(page, min), `targets under ${min}x${min} CSS px`).toEqual([]);
}
