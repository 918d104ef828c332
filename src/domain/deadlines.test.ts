import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, compareDates, daysBetween, isoWeekday } from './dates';
import { isWorkingDay } from './working-days';
import {
  daysLeft,
  debtHelpFirstConversationDueDate,
  decisionTerm,
  documentRequestState,
  objectionDeadline,
  suspensionForRepairRequest,
  type DecisionTermExtension,
  type DecisionTermInput,
  type DecisionTermSuspension,
} from './deadlines';

const isoDateBetween = (min: string, max: string) =>
  fc.integer({ min: 0, max: daysBetween(min, max) }).map((n) => addDays(min, n));

/** Bijstand application received Monday 2 March 2026: 8 weeks ends on Koningsdag 2026. */
const base: DecisionTermInput = {
  submittedOn: '2026-03-02',
  termWeeks: 8,
  extension: null,
  suspensions: [],
  today: '2026-04-01',
};

describe('decisionTerm (Awb 4:13, 4:14, 4:15; Atw art. 1)', () => {
  it.each<[string, Partial<DecisionTermInput>, string, string, number]>([
    ['8 weeks ending on Koningsdag 2026', {}, '2026-04-27', '2026-04-28', 0],
    ['a plain Monday', { submittedOn: '2026-01-05' }, '2026-03-02', '2026-03-02', 0],
    ['over New Year, onto the KB Friday', { submittedOn: '2025-11-06' }, '2026-01-01', '2026-01-05', 0],
    ['ending on Tweede Kerstdag 2026 (Saturday)', { submittedOn: '2026-10-31' }, '2026-12-26', '2026-12-28', 0],
    [
      'extended 4 weeks, onto Tweede Pinksterdag',
      { extension: { weeks: 4, noticeOn: '2026-04-20' } },
      '2026-04-27',
      '2026-05-26',
      0,
    ],
    [
      'extension noticed on the Atw-extended last day still counts',
      { extension: { weeks: 4, noticeOn: '2026-04-28' } },
      '2026-04-27',
      '2026-05-26',
      0,
    ],
    [
      'extension noticed after the term lapsed is ignored (Awb 4:14 lid 3)',
      { extension: { weeks: 4, noticeOn: '2026-04-29' } },
      '2026-04-27',
      '2026-04-28',
      0,
    ],
    [
      'invited 9 March, completed 20 March: 10 days',
      { suspensions: [{ from: '2026-03-10', to: '2026-03-20' }] },
      '2026-04-27',
      '2026-05-07',
      10,
    ],
    [
      'overlapping suspensions count once',
      {
        suspensions: [
          { from: '2026-03-10', to: '2026-03-20' },
          { from: '2026-03-15', to: '2026-03-25' },
        ],
      },
      '2026-04-27',
      '2026-05-12',
      15,
    ],
    [
      'invitation after the term lapsed does not suspend',
      { suspensions: [{ from: '2026-04-30', to: '2026-05-10' }], today: '2026-05-20' },
      '2026-04-27',
      '2026-04-28',
      0,
    ],
    [
      'suspension and extension together, onto Hemelvaartsdag + KB Friday',
      {
        suspensions: [{ from: '2026-03-10', to: '2026-03-13' }],
        extension: { weeks: 2, noticeOn: '2026-04-24' },
      },
      '2026-04-27',
      '2026-05-18',
      3,
    ],
  ])('%s', (_, overrides, statutory, expected, suspendedDays) => {
    const result = decisionTerm({ ...base, ...overrides });
    expect(result.statutoryDueDate).toBe(statutory);
    expect(result.expectedDecisionDate).toBe(expected);
    expect(result.suspendedDays).toBe(suspendedDays);
    expect(result.suspendedNow).toBe(false);
  });

  it('an open suspension counts through today and sets suspendedNow', () => {
    const result = decisionTerm({ ...base, suspensions: [{ from: '2026-03-10', to: null }], today: '2026-03-19' });
    expect(result).toEqual({
      statutoryDueDate: '2026-04-27',
      suspendedDays: 10,
      suspendedNow: true,
      expectedDecisionDate: '2026-05-07',
    });
  });

  it('today inside a closed suspension (term passed unused, recorded ahead) is suspendedNow', () => {
    const result = decisionTerm({
      ...base,
      suspensions: [{ from: '2026-03-10', to: '2026-03-24' }],
      today: '2026-03-23',
    });
    expect(result.suspendedNow).toBe(true);
    expect(result.suspendedDays).toBe(14);
  });

  it('an open suspension that starts tomorrow counts nothing yet', () => {
    const result = decisionTerm({ ...base, suspensions: [{ from: '2026-03-20', to: null }], today: '2026-03-19' });
    expect(result.suspendedDays).toBe(0);
    expect(result.suspendedNow).toBe(false);
  });

  it('refuses a second extension and nonsense input', () => {
    const twice = [
      { weeks: 4, noticeOn: '2026-04-01' },
      { weeks: 4, noticeOn: '2026-05-01' },
    ] as unknown as DecisionTermExtension;
    expect(() => decisionTerm({ ...base, extension: twice })).toThrow(RangeError);
    expect(() => decisionTerm({ ...base, termWeeks: 0 })).toThrow(RangeError);
    expect(() => decisionTerm({ ...base, submittedOn: '2026-02-30' })).toThrow(RangeError);
    expect(() => decisionTerm({ ...base, suspensions: [{ from: '2026-03-10', to: '2026-03-09' }] })).toThrow(
      RangeError,
    );
  });

  const suspension: fc.Arbitrary<DecisionTermSuspension> = fc
    .tuple(isoDateBetween('2026-01-02', '2026-06-30'), fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }))
    .map(([from, length]) => ({ from, to: length === null ? null : addDays(from, length) }));
  const input: fc.Arbitrary<DecisionTermInput> = fc.record({
    submittedOn: isoDateBetween('2026-01-01', '2026-04-30'),
    termWeeks: fc.integer({ min: 1, max: 13 }),
    extension: fc.option(
      fc.record({ weeks: fc.integer({ min: 1, max: 8 }), noticeOn: isoDateBetween('2026-01-01', '2026-08-31') }),
      { nil: null },
    ),
    suspensions: fc.array(suspension, { maxLength: 4 }),
    today: isoDateBetween('2026-01-01', '2026-09-30'),
  });

  it('is a working day, never before the statutory date, and ignores duplicates (property)', () => {
    fc.assert(
      fc.property(input, (i) => {
        const result = decisionTerm(i);
        expect(isWorkingDay(result.expectedDecisionDate)).toBe(true);
        expect(compareDates(result.expectedDecisionDate, result.statutoryDueDate)).toBeGreaterThanOrEqual(0);
        expect(decisionTerm({ ...i, suspensions: [...i.suspensions, ...i.suspensions] })).toEqual(result);
      }),
    );
  });

  it('more suspended days never make the expected date earlier (property)', () => {
    fc.assert(
      fc.property(input, suspension, fc.integer({ min: 1, max: 30 }), (i, extra, longer) => {
        const before = decisionTerm(i).expectedDecisionDate;
        const withExtra = decisionTerm({ ...i, suspensions: [...i.suspensions, extra] });
        expect(compareDates(withExtra.expectedDecisionDate, before)).toBeGreaterThanOrEqual(0);
        const stretched = i.suspensions.map((s) => ({ ...s, to: s.to === null ? null : addDays(s.to, longer) }));
        const withLonger = decisionTerm({ ...i, suspensions: stretched });
        expect(compareDates(withLonger.expectedDecisionDate, before)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('suspensionForRepairRequest (Awb 4:15 lid 1 sub a)', () => {
  it.each<[string, string | null, string, DecisionTermSuspension]>([
    ['completed within the repair term', '2026-03-20', '2026-03-25', { from: '2026-03-10', to: '2026-03-20' }],
    ['completed late: ends when the term passed', '2026-03-30', '2026-04-01', { from: '2026-03-10', to: '2026-03-24' }],
    ['still open within the term', null, '2026-03-19', { from: '2026-03-10', to: null }],
    ['term passed unused', null, '2026-03-26', { from: '2026-03-10', to: '2026-03-24' }],
    ['completed the same day as invited', '2026-03-09', '2026-03-26', { from: '2026-03-10', to: '2026-03-10' }],
  ])('%s', (_, completedOn, today, expected) => {
    const request = { invitedOn: '2026-03-09', repairTermEndsOn: '2026-03-23', completedOn, today };
    expect(suspensionForRepairRequest(request)).toEqual(expected);
  });
});

describe('objectionDeadline (Awb 6:7, 6:8; Atw art. 1)', () => {
  it.each([
    ['2026-03-02', '2026-04-13', 'Monday to Monday; Easter Monday 6 April is not the last day'],
    ['2026-02-23', '2026-04-07', 'ends on Tweede Paasdag'],
    ['2026-02-20', '2026-04-07', 'ends on Goede Vrijdag'],
    ['2026-03-14', '2026-04-28', 'ends on Saturday before Koningsdag on Monday'],
    ['2026-04-02', '2026-05-18', 'ends on Hemelvaartsdag, then the KB Friday'],
    ['2026-11-13', '2026-12-28', 'ends on Eerste Kerstdag (Friday)'],
    ['2026-11-20', '2027-01-04', 'over New Year, Nieuwjaarsdag on Friday'],
    ['2025-11-20', '2026-01-05', 'over New Year, Nieuwjaarsdag plus KB Friday'],
    ['2027-03-24', '2027-05-10', '5 May, Hemelvaartsdag and KB Friday in a row: 47 days'],
  ])('decision sent %s → last day %s (%s)', (decidedOn, expected) => {
    expect(objectionDeadline(decidedOn)).toBe(expected);
  });

  // Not "42 to 46": 5 May, Hemelvaartsdag and a KB Friday can follow each other (2027).
  it('is a working day 42 to 47 days after the decision, the first one from day 42 (property)', () => {
    fc.assert(
      fc.property(isoDateBetween('2015-01-01', '2035-12-31'), (decidedOn) => {
        const last = objectionDeadline(decidedOn);
        const days = daysBetween(decidedOn, last);
        expect(days).toBeGreaterThanOrEqual(42);
        expect(days).toBeLessThanOrEqual(47);
        expect(isWorkingDay(last)).toBe(true);
        for (let d = addDays(decidedOn, 42); compareDates(d, last) < 0; d = addDays(d, 1)) {
          expect(isWorkingDay(d)).toBe(false);
        }
      }),
    );
  });
});

describe('debtHelpFirstConversationDueDate (Wgs art. 4)', () => {
  it.each([
    ['2026-03-02', false, '2026-03-30', 'four weeks'],
    ['2026-03-30', false, '2026-04-28', 'four weeks end on Koningsdag'],
    ['2026-03-02', true, '2026-03-05', 'three working days'],
    ['2026-04-02', true, '2026-04-09', 'urgent over Easter'],
    ['2026-12-23', true, '2026-12-29', 'urgent over Christmas'],
    ['2026-05-13', true, '2026-05-20', 'urgent over Hemelvaartsdag and KB Friday'],
  ])('requested %s, urgent %s → %s (%s)', (requestedOn, urgent, expected) => {
    expect(debtHelpFirstConversationDueDate(requestedOn, urgent)).toBe(expected);
  });

  it('urgent: a working day at least three weekdays later (property)', () => {
    fc.assert(
      fc.property(isoDateBetween('2015-01-01', '2035-12-31'), (d) => {
        const due = debtHelpFirstConversationDueDate(d, true);
        expect(isWorkingDay(due)).toBe(true);
        let threeWeekdaysLater = d;
        for (let n = 0; n < 3;) {
          threeWeekdaysLater = addDays(threeWeekdaysLater, 1);
          if (isoWeekday(threeWeekdaysLater) <= 5) n += 1;
        }
        expect(compareDates(due, threeWeekdaysLater)).toBeGreaterThanOrEqual(0);
        expect(compareDates(due, debtHelpFirstConversationDueDate(d, false))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('daysLeft and documentRequestState', () => {
  it.each([
    ['2026-04-13', '2026-04-10', 3],
    ['2026-04-13', '2026-04-13', 0],
    ['2026-04-13', '2026-04-14', -1],
    ['2027-01-04', '2026-12-28', 7],
  ])('due %s, today %s → %i days left', (due, today, expected) => expect(daysLeft(due, today)).toBe(expected));

  it.each([
    ['open', '2026-04-13', '2026-04-12', 'open'],
    ['open', '2026-04-13', '2026-04-13', 'open'], // the due date itself is on time
    ['open', '2026-04-13', '2026-04-14', 'overdue'],
    ['received', '2026-04-13', '2026-04-20', 'received'],
    ['accepted', '2026-04-13', '2026-04-20', 'accepted'],
    ['rejected', '2026-04-13', '2026-04-20', 'rejected'],
  ] as const)('%s, due %s, today %s → %s', (stored, due, today, expected) => {
    expect(documentRequestState(stored, due, today)).toBe(expected);
  });
});
