import { describe, expect, it } from 'vitest';
import { groupIntoVisits, type AccessRow } from './access-log';

const at = (time: string) => new Date(`2026-12-06T${time}:00Z`);
const desk = (time: string, over: Partial<AccessRow> = {}): AccessRow => ({
  at: at(time),
  actor: 'desk-1',
  role: 'front_desk',
  action: 'read',
  objectType: 'resident',
  purpose: 'assist_walk_in_help',
  staffName: null,
  ...over,
});
const caseWorker = (time: string, over: Partial<AccessRow> = {}): AccessRow => ({
  at: at(time),
  actor: 'cw-1',
  role: 'case_worker',
  action: 'read',
  objectType: 'case',
  purpose: 'case_handling',
  staffName: null,
  ...over,
});

describe('groupIntoVisits', () => {
  it('makes one visit of a desk visit that read the same screens many times', () => {
    const rows = [
      desk('09:00', { action: 'create', objectType: 'assist_session' }),
      ...Array.from({ length: 15 }, (_, i) => desk(`09:${String(1 + i).padStart(2, '0')}`)),
      desk('09:20', { objectType: 'case' }),
      desk('09:22', { action: 'create', objectType: 'appointment' }),
      desk('09:25', { action: 'logout', objectType: 'assist_session' }),
    ];
    const visits = groupIntoVisits(rows);
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ from: at('09:00'), to: at('09:25'), role: 'front_desk' });
    expect(visits[0]!.seen).toEqual([
      { action: 'create', objectType: 'assist_session', count: 1 },
      { action: 'read', objectType: 'resident', count: 15 },
      { action: 'read', objectType: 'case', count: 1 },
      { action: 'create', objectType: 'appointment', count: 1 },
      { action: 'logout', objectType: 'assist_session', count: 1 },
    ]);
  });

  it('keeps two people who worked at the same time apart, newest visit first', () => {
    const rows = [desk('09:00'), caseWorker('09:05'), desk('09:10'), caseWorker('09:30'), desk('09:15')];
    const visits = groupIntoVisits(rows);
    expect(visits.map((v) => [v.role, v.from, v.to])).toEqual([
      ['case_worker', at('09:05'), at('09:30')],
      ['front_desk', at('09:00'), at('09:15')],
    ]);
  });

  it('starts a new visit after a pause of more than 30 minutes', () => {
    const visits = groupIntoVisits([caseWorker('09:00'), caseWorker('09:30'), caseWorker('10:01')]);
    expect(visits.map((v) => [v.from, v.to])).toEqual([
      [at('10:01'), at('10:01')],
      [at('09:00'), at('09:30')],
    ]);
  });

  it('starts a new visit when the purpose changes', () => {
    const visits = groupIntoVisits([caseWorker('09:00'), caseWorker('09:05', { purpose: 'document_check' })]);
    expect(visits.map((v) => v.purpose)).toEqual(['document_check', 'case_handling']);
  });

  it('groups by role when the actor is unknown', () => {
    const visits = groupIntoVisits([
      caseWorker('09:00', { actor: null }),
      caseWorker('09:10', { actor: null }),
      desk('09:05', { actor: null }),
    ]);
    expect(visits.map((v) => [v.role, v.seen[0]!.count])).toEqual([
      ['case_worker', 2],
      ['front_desk', 1],
    ]);
  });

  it('gives nothing for nothing', () => {
    expect(groupIntoVisits([])).toEqual([]);
  });
});
