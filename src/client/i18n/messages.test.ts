// The catalogues have words for everything the domain can put in front of a resident or a desk
// worker: each error code, each front-desk purpose (each notification event: notification-texts.test.ts).
// Whether the catalogues themselves are complete and alike in every language is catalogues.test.ts.
import { describe, expect, it } from 'vitest';
import { ASSIST_PURPOSES } from '../../domain/assist';
import { ERROR_CODES } from '../../domain/error-codes';
import balieNl from './balie/nl';
import en from './en';
import { flatten, type Tree } from './message-tree';
import nl from './nl';
import staffEn from './staff/en';
import staffNl from './staff/nl';

/** Error codes only the staff API answers with (their messages live in i18n/staff/). */
const STAFF_ONLY_ERROR =
  /^(STAFF_ROLE_REQUIRED|STAFF_ACCOUNT_SELF|ASSIST_|STATUS_TYPE_|STATUS_TRANSITION_|DECISION_|CASE_ALREADY_|PLANNING_)/;

describe('error messages', () => {
  it('exist in both languages for every error code the API or the client can produce', () => {
    // Codes only the staff API gives have their messages in the staff catalogue, which both
    // staff areas load; every other code must be in the app's own (first-load) catalogue.
    const staffOnly = (code: string) => STAFF_ONLY_ERROR.test(code);
    const dutch = flatten(nl as unknown as Tree);
    const english = flatten(en as unknown as Tree);
    const staffDutch = flatten(staffNl as unknown as Tree);
    const staffEnglish = flatten(staffEn as unknown as Tree);
    const missing = ERROR_CODES.filter((code) =>
      staffOnly(code)
        ? !staffDutch.has(`errors.${code}`) || !staffEnglish.has(`errors.${code}`)
        : !dutch.has(`errors.${code}`) || !english.has(`errors.${code}`),
    );
    expect(missing).toEqual([]);
    expect(
      [...dutch.keys()].filter((key) => key.startsWith('errors.') && staffOnly(key.slice(7))),
      'staff-only codes outside the staff catalogue',
    ).toEqual([]);
  });
});

describe('front-desk purposes', () => {
  it('each has a name the desk can choose (English follows from catalogues.test.ts)', () => {
    const dutch = flatten(balieNl as unknown as Tree);
    expect(ASSIST_PURPOSES.filter((purpose) => !dutch.has(`balie.purpose.${purpose}`))).toEqual([]);
  });
});
