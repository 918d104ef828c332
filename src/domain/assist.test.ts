import { describe, expect, it } from 'vitest';
import {
  ASSIST_PURPOSE_TEXT_MAX,
  ASSIST_PURPOSES,
  auditPurposeOf,
  isAssistPurpose,
  purposeTextProblem,
} from './assist';
import { AUDIT_PURPOSES } from './staff';

describe('front-desk purposes', () => {
  it("each has an audit purpose the resident's access log can show", () => {
    for (const purpose of ASSIST_PURPOSES) expect(AUDIT_PURPOSES).toContain(auditPurposeOf(purpose));
  });

  it('need a short text for "other" only, never blank, never too long', () => {
    expect(purposeTextProblem('appointment', undefined)).toBeNull();
    expect(purposeTextProblem('other', undefined)).toBe('required');
    expect(purposeTextProblem('other', '   ')).toBe('required');
    expect(purposeTextProblem('other', 'Formulier invullen')).toBeNull();
    expect(purposeTextProblem('walk_in_help', 'x'.repeat(ASSIST_PURPOSE_TEXT_MAX + 1))).toBe('too_long');
  });

  it('are recognised only from the list', () => {
    expect(isAssistPurpose('home_visit')).toBe(true);
    expect(isAssistPurpose('case_handling')).toBe(false);
    expect(isAssistPurpose(null)).toBe(false);
  });
});
