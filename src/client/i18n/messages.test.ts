import { describe, expect, it } from 'vitest';
import nl from './nl';
import en from './en';
import { ERROR_CODES } from '../../domain/error-codes';
import staffEn from './staff/en';
import staffNl from './staff/nl';

/** Error codes only the staff API answers with (their messages live in i18n/staff/). */
const STAFF_ONLY_ERROR = /^(STAFF_ROLE_REQUIRED|STAFF_ACCOUNT_SELF|ASSIST_|STATUS_TYPE_|STATUS_TRANSITION_|DECISION_|CASE_ALREADY_|PLANNING_)/;

type Tree = { [key: string]: string | Tree };

/** 'detail.documentState.open' → its message, for every leaf. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') result.set(`${prefix}${key}`, value);
    else flatten(value, `${prefix}${key}.`).forEach((v, k) => result.set(k, v));
  }
  return result;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const pluralCases = (message: string) => message.split('|').length;

describe('translations', () => {
  const dutch = flatten(nl);
  const english = flatten(en);

  it('every key in nl exists in en, and every key in en exists in nl', () => {
    expect([...english.keys()].filter((key) => !dutch.has(key))).toEqual([]);
    expect([...dutch.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('uses the same {placeholders} and plural cases in both languages', () => {
    for (const [key, message] of dutch) {
      const translation = english.get(key) ?? '';
      expect(placeholders(translation), key).toEqual(placeholders(message));
      expect(pluralCases(translation), key).toBe(pluralCases(message));
    }
  });

  it('has no empty messages', () => {
    expect([...dutch, ...english].filter(([, message]) => message.trim() === '').map(([key]) => key)).toEqual([]);
  });
});

describe('error messages', () => {
  it('exist in both languages for every error code the API or the client can produce', () => {
    // Codes only the staff API gives have their messages in the staff catalogue, which both
    // staff areas load; every other code must be in the app's own (first-load) catalogue.
    const staffOnly = (code: string) => STAFF_ONLY_ERROR.test(code);
    const dutch = flatten(nl);
    const english = flatten(en);
    const staffDutch = flatten(staffNl);
    const staffEnglish = flatten(staffEn);
    const missing = ERROR_CODES.filter((code) =>
      staffOnly(code)
        ? !staffDutch.has(`errors.${code}`) || !staffEnglish.has(`errors.${code}`)
        : !dutch.has(`errors.${code}`) || !english.has(`errors.${code}`),
    );
    expect(missing).toEqual([]);
    expect([...dutch.keys()].filter((key) => key.startsWith('errors.') && staffOnly(key.slice(7))), 'staff-only codes outside the staff catalogue').toEqual([]);
  });
});
