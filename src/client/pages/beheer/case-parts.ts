/**
 * The parts of the case page (issue 14), each its own view so a case no longer is one long
 * column of forms. The part is in the address (`?onderdeel=vragen`), so a worklist row opens
 * the case where its work is, and Back returns to the part before.
 */
export const CASE_PARTS = ['overzicht', 'documenten', 'vragen', 'besluit'] as const;
export type CasePart = (typeof CASE_PARTS)[number];
export const CASE_PART_QUERY = 'onderdeel';

export function casePartOf(value: unknown): CasePart {
  return (CASE_PARTS as readonly unknown[]).includes(value) ? (value as CasePart) : 'overzicht';
}
