// The catalogues have words for everything the domain can put in front of a resident or a desk
// worker: each error code, each front-desk purpose, each option and state of the domain's lists
// (each notification event: notification-texts.test.ts).
// Whether the catalogues themselves are complete and alike in every language is catalogues.test.ts.
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_CHANNELS, CALLBACK_PARTS_OF_DAY, URGENCY_REASONS } from '../../domain/appointments';
import { ASSIST_PURPOSES } from '../../domain/assist';
import { HOME_VISIT_REASONS, HOME_VISIT_STATES, PARTS_OF_DAY } from '../../domain/home-visits';
import { STAFF_ROLES } from '../../domain/staff';
import accessLogNl from './access-log/nl';
import appointmentsNl from './appointments/nl';
import { ERROR_CODES } from '../../domain/error-codes';
import balieNl from './balie/nl';
import en from './en';
import { flatten, type Tree } from './message-tree';
import nl from './nl';
import staffEn from './staff/en';
import staffNl from './staff/nl';

/** Error codes only the staff API answers with (their messages live in i18n/staff/). */
const STAFF_ONLY_ERROR =
  /^(STAFF_ROLE_REQUIRED|STAFF_ACCOUNT_SELF|ASSIST_|STATUS_TYPE_|STATUS_TRANSITION_|DECISION_|CASE_ALREADY_|PLANNING_|QUESTION_ALREADY_ANSWERED|DOCUMENT_NOT_PREVIEWABLE)/;

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

describe('options and states', () => {
  // The forms and lists iterate over these domain lists: a value added there needs words here.
  const resident = flatten(appointmentsNl as unknown as Tree);
  const staff = flatten(staffNl as unknown as Tree);
  const accessLog = flatten(accessLogNl as unknown as Tree);
  it.each([
    ['appointment channels', resident, 'appt.channel', APPOINTMENT_CHANNELS],
    ['urgency reasons', resident, 'appt.urgency', URGENCY_REASONS],
    ['call-back parts of day', resident, 'appt.part', CALLBACK_PARTS_OF_DAY],
    ['home-visit parts of day', resident, 'appt.partShort', PARTS_OF_DAY],
    ['home-visit reasons', resident, 'appt.hvReasons', HOME_VISIT_REASONS],
    ['home-visit states', resident, 'appt.hvState', HOME_VISIT_STATES],
    ['home-visit reasons (planner)', staff, 'staff.planning.visits.reasons', HOME_VISIT_REASONS],
    ['home-visit states (planner)', staff, 'staff.planning.visits.state', HOME_VISIT_STATES],
    ['home-visit parts of day (planner)', staff, 'staff.planning.visits.part', PARTS_OF_DAY],
    ['staff roles (staff bar, accounts)', staff, 'staff.roles', STAFF_ROLES],
    ['staff roles (the resident reads the access log)', accessLog, 'accessLog.role', STAFF_ROLES],
  ] as const)('%s each have words in Dutch (English: catalogues.test.ts)', (_what, catalogue, prefix, values) => {
    expect(values.filter((value) => !catalogue.has(`${prefix}.${value}`))).toEqual([]);
  });
});
