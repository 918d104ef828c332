// Pure rules of staff accounts: what an identity provider's roles claim may limit.
import { describe, expect, it } from 'vitest';
import { effectiveGrants, rolesFromClaim } from './accounts';

describe('roles from the staff identity provider', () => {
  it.each([
    [
      ['case_worker', 'planner'],
      ['case_worker', 'planner'],
    ],
    ['case_worker planner', ['case_worker', 'planner']],
    ['case_worker,front_desk', ['case_worker', 'front_desk']],
    [['superuser', 'case_worker', 'case_worker'], ['case_worker']],
    [42, []],
    [undefined, []],
  ])('%j -> %j', (claim, roles) => expect(rolesFromClaim(claim)).toEqual(roles));

  it('limits our grants to the roles the provider asserted; our table alone when it asserts nothing', () => {
    const ours = [
      { role: 'case_worker', scope: '*' },
      { role: 'administrator', scope: '*' },
    ] as const;
    expect(effectiveGrants(ours, 'case_worker')).toEqual([{ role: 'case_worker', scope: '*' }]);
    expect(effectiveGrants(ours, '')).toEqual([]);
    expect(effectiveGrants(ours, null)).toEqual(ours);
    // The provider cannot add a role we did not grant.
    expect(effectiveGrants([{ role: 'front_desk', scope: '0629' }], 'administrator front_desk')).toEqual([
      { role: 'front_desk', scope: '0629' },
    ]);
  });
});
