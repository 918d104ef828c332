import { describe, expect, it } from 'vitest';
import { hasAnyRole, mayActIn, municipalitiesFor, type RoleGrant } from './staff';

const grants: RoleGrant[] = [
  { role: 'case_worker', scope: '0629' },
  { role: 'case_worker', scope: '0626' },
  { role: 'front_desk', scope: '*' },
];

describe('staff grants', () => {
  it.each([
    [['case_worker'], '0629', true],
    [['case_worker'], '0626', true],
    [['case_worker'], '1916', false],
    [['front_desk'], '1916', true],
    [['planner'], '0629', false],
    [['planner', 'case_worker'], '0629', true],
  ] as const)('roles %j in municipality %s -> %s', (roles, code, expected) => {
    expect(mayActIn(grants, roles, code)).toBe(expected);
  });

  it('knows the municipalities per role, "all" for a consortium-wide grant', () => {
    expect(municipalitiesFor(grants, ['case_worker'])).toEqual(new Set(['0629', '0626']));
    expect(municipalitiesFor(grants, ['front_desk', 'case_worker'])).toBe('all');
    expect(municipalitiesFor(grants, ['administrator'])).toEqual(new Set());
    expect(hasAnyRole(grants, ['administrator'])).toBe(false);
    expect(hasAnyRole(grants, ['administrator', 'front_desk'])).toBe(true);
  });
});
