import { describe, expect, it } from 'vitest';
import { guidanceFor, isUrgentDate, nextActionFor, type ApplicationFacts } from './applications';

const today = '2026-12-07'; // a Monday

const pending: ApplicationFacts = {
  requests: [],
  decision: null,
  expectedDecisionDate: '2027-01-21',
  debtHelp: null,
};

describe('nextActionFor: the one line in the list', () => {
  it.each<[string, Partial<ApplicationFacts>, ReturnType<typeof nextActionFor>]>([
    [
      'documents still asked for, the earliest date first',
      {
        requests: [
          { state: 'open', dueDate: '2026-12-17' },
          { state: 'rejected', dueDate: '2026-12-10' },
          { state: 'received', dueDate: '2026-12-08' },
        ],
      },
      { kind: 'send_documents', dueDate: '2026-12-10' },
    ],
    [
      'everything sent: wait for the decision',
      { requests: [{ state: 'received', dueDate: '2026-12-08' }] },
      { kind: 'wait_for_decision', dueDate: '2027-01-21' },
    ],
    [
      'decided, objection term running',
      {
        decision: { decidedOn: '2026-11-27', objectionDeadline: '2027-01-08', hasLetter: true },
        expectedDecisionDate: null,
      },
      { kind: 'objection_possible', dueDate: '2027-01-08' },
    ],
    [
      'decided, objection term over',
      {
        decision: { decidedOn: '2026-10-01', objectionDeadline: '2026-11-12', hasLetter: true },
        expectedDecisionDate: null,
      },
      { kind: 'none', dueDate: null },
    ],
    [
      'urgent debt help: the first conversation, not the decision',
      { debtHelp: { urgent: true, firstConversationDueDate: '2026-12-09' } },
      { kind: 'first_conversation', dueDate: '2026-12-09' },
    ],
    [
      'debt help whose first conversation is past: the decision',
      { debtHelp: { urgent: false, firstConversationDueDate: '2026-12-04' } },
      { kind: 'wait_for_decision', dueDate: '2027-01-21' },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(nextActionFor({ ...pending, ...facts }, today)).toEqual(expected);
  });
});

describe('guidanceFor: actions apart from dates', () => {
  it('asks to send documents (urgent within a week) and lists only the expected decision as a date', () => {
    const guidance = guidanceFor(
      {
        ...pending,
        requests: [
          { state: 'open', dueDate: '2026-12-11' },
          { state: 'open', dueDate: '2026-12-18' },
        ],
      },
      today,
    );
    expect(guidance.actions).toEqual([{ kind: 'send_documents', dueDate: '2026-12-11', urgent: true, late: false }]);
    expect(guidance.dates).toEqual([{ kind: 'decision_expected', date: '2027-01-21', urgent: false, passed: false }]);
  });

  it('does not make a document date red while it is more than a week away', () => {
    const guidance = guidanceFor({ ...pending, requests: [{ state: 'open', dueDate: '2026-12-15' }] }, today);
    expect(guidance.actions[0]).toMatchObject({ kind: 'send_documents', urgent: false });
  });

  it('says a date that has passed is late', () => {
    const guidance = guidanceFor({ ...pending, requests: [{ state: 'overdue', dueDate: '2026-12-01' }] }, today);
    expect(guidance.actions[0]).toMatchObject({ kind: 'send_documents', urgent: true, late: true });
  });

  it('never lists objecting as a task: it is a right with a date', () => {
    const guidance = guidanceFor(
      {
        ...pending,
        expectedDecisionDate: null,
        decision: { decidedOn: '2026-11-27', objectionDeadline: '2027-01-08', hasLetter: true },
      },
      today,
    );
    expect(guidance.actions).toEqual([{ kind: 'read_decision' }]);
    expect(guidance.dates).toEqual([
      { kind: 'decided_on', date: '2026-11-27', urgent: false, passed: true },
      { kind: 'objection_until', date: '2027-01-08', urgent: false, passed: false },
    ]);
  });

  it('urgent debt help: the first conversation within 3 working days instead of the decision date', () => {
    const guidance = guidanceFor(
      { ...pending, debtHelp: { urgent: true, firstConversationDueDate: '2026-12-09' } },
      today,
    );
    expect(guidance.actions).toEqual([{ kind: 'book_first_conversation', dueDate: '2026-12-09', urgent: true }]);
    // The date is red once, in the task; here it is a date to know.
    expect(guidance.dates).toEqual([{ kind: 'first_conversation', date: '2026-12-09', urgent: false, passed: false }]);
  });

  it('debt help that is not urgent: the first conversation (not red) and the decision date', () => {
    const guidance = guidanceFor(
      { ...pending, debtHelp: { urgent: false, firstConversationDueDate: '2027-01-04' } },
      today,
    );
    expect(guidance.actions).toEqual([{ kind: 'book_first_conversation', dueDate: '2027-01-04', urgent: false }]);
    expect(guidance.dates.map((d) => [d.kind, d.urgent])).toEqual([
      ['first_conversation', false],
      ['decision_expected', false],
    ]);
  });

  it('asks nothing once the first conversation date has passed', () => {
    const guidance = guidanceFor(
      { ...pending, debtHelp: { urgent: true, firstConversationDueDate: '2026-12-02' } },
      today,
    );
    expect(guidance.actions).toEqual([]);
    expect(guidance.dates.map((d) => [d.kind, d.urgent, d.passed])).toEqual([
      ['first_conversation', false, true],
      ['decision_expected', false, false],
    ]);
  });
});

describe('isUrgentDate', () => {
  it.each([
    ['2026-12-14', true],
    ['2026-12-15', false],
    ['2026-12-01', true],
  ])('%s is urgent on 7 December: %s', (date, urgent) => {
    expect(isUrgentDate(date, today)).toBe(urgent);
  });
});
