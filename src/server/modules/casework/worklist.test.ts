// The worklist's rows (issue 14), from what a case asks of the case worker: documents waiting
// for a judgement, open questions, repair terms ending within a week (or past), decisions due
// within two weeks; grouped by kind, the longest waiting or soonest ending first.
import { describe, expect, it } from 'vitest';
import { loadConsortium } from '../../../consortia/index';
import type { CaseWorkload } from '../../case-system/index';
import { worklistItems } from './worklist';

const TODAY = '2026-12-07'; // a Monday
const consortium = loadConsortium('leidschendam-voorburg');

function work(overrides: Partial<CaseWorkload> & { id: string }): CaseWorkload {
  return {
    reference: `WI-2026-${overrides.id.slice(-5)}`,
    caseType: 'bijstand',
    municipalityCode: '1916',
    residentBsn: '999990019',
    term: { registeredOn: TODAY, decisionTermWeeks: 8, extension: null, repairRequests: [] },
    decided: false,
    requests: [],
    openQuestionsAskedAt: [],
    ...overrides,
  };
}

describe('worklist rows', () => {
  it('lists what waits, by kind, oldest or soonest first, and leaves quiet cases out', () => {
    const rows = worklistItems(
      [
        work({ id: '00000000-0000-4000-8000-000000000001' }), // nothing due: no row
        work({
          id: '00000000-0000-4000-8000-000000000002',
          openQuestionsAskedAt: [new Date('2026-12-03T09:00:00Z'), new Date('2026-12-05T09:00:00Z')],
          requests: [
            { id: 'r1', state: 'received', dueDate: '2026-12-20', receivedOn: '2026-12-04' },
            { id: 'r2', state: 'open', dueDate: '2026-12-10', receivedOn: null },
            { id: 'r3', state: 'open', dueDate: '2026-12-30', receivedOn: null }, // beyond a week
          ],
        }),
        work({
          id: '00000000-0000-4000-8000-000000000003',
          openQuestionsAskedAt: [new Date('2026-12-01T09:00:00Z')],
          requests: [{ id: 'r4', state: 'rejected', dueDate: '2026-12-04', receivedOn: null }], // past
          // registered 8 weeks ago: the decision is due about now
          term: { registeredOn: '2026-10-12', decisionTermWeeks: 8, extension: null, repairRequests: [] },
        }),
        // decided: no decision row, but its open question still is work
        work({
          id: '00000000-0000-4000-8000-000000000004',
          decided: true,
          term: { registeredOn: '2026-01-05', decisionTermWeeks: 8, extension: null, repairRequests: [] },
          openQuestionsAskedAt: [new Date('2026-12-06T09:00:00Z')],
        }),
      ],
      consortium,
      TODAY,
    );
    expect(rows.map((r) => [r.kind, r.caseId.slice(-1), r.count, r.date])).toEqual([
      ['documents_to_judge', '2', 1, '2026-12-04'],
      ['questions_to_answer', '3', 1, '2026-12-01'],
      ['questions_to_answer', '2', 2, '2026-12-03'],
      ['questions_to_answer', '4', 1, '2026-12-06'],
      ['repair_term_ending', '3', 1, '2026-12-04'],
      ['repair_term_ending', '2', 1, '2026-12-10'],
      ['decision_due', '3', 1, expect.stringMatching(/^2026-12-/)],
    ]);
    expect(rows[0]).toMatchObject({ municipality: 'Leidschendam-Voorburg', scheme: { nl: expect.any(String) } });
    expect(JSON.stringify(rows)).not.toContain('999990019');
  });
});
