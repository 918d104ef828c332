// Which status a case worker may set next, from the consortium data (every consortium's schemes).
import { describe, expect, it } from 'vitest';
import { loadConsortium } from '../consortia/index';
import { allowedNextStatuses, decisionStatusType } from './casework';

const scheme = loadConsortium('leidschendam-voorburg').schemes.find((s) => s.code === 'bijstand')!;
const next = (current: string) => allowedNextStatuses(scheme, current).map((t) => t.code);

describe('allowed next statuses', () => {
  it('move within the open phase, forwards and back, never to its entry status nor to the decision status', () => {
    expect(next('received')).toEqual(['in_progress', 'information_requested']);
    expect(next('in_progress')).toEqual(['information_requested']);
    expect(next('information_requested')).toEqual(['in_progress']);
  });

  it('after the decision: only an objection; an objection ends in its own final status', () => {
    expect(decisionStatusType(scheme)?.code).toBe('decided');
    expect(next('decided')).toEqual(['objection_received']);
    expect(next('objection_received')).toEqual(['objection_decided']);
    expect(next('objection_decided')).toEqual([]);
  });

  it('treat an unknown current status as the first one', () => {
    expect(next('something_else')).toEqual(next('received'));
  });
});
