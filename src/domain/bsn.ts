/**
 * Burgerservicenummer (BSN) check: 9 digits that pass the "elfproef" (eleven test),
 * weights 9..2 for the first eight digits and -1 for the last; the sum must be a multiple of 11.
 * An all-zero number passes the arithmetic but is never issued, so it is refused.
 */
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value) || value === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(value[i]) * WEIGHTS[i]!;
  return sum % 11 === 0;
}

/** Only the last three digits, for places where a resident must recognise their own number. */
export function maskBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}
