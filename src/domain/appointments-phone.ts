/**
 * Dutch phone numbers as residents type them ('06-12345678', '+31 6 1234 5678',
 * '(070) 123 45 67', '0031 70 1234567', '+31 (0)6 12345678'). We call residents back in the
 * Netherlands only, so a number must be a 10-digit Dutch subscriber number (trunk prefix 0),
 * not a service number (0800, 090x) that costs or cannot be dialled back.
 * No dependencies: the client validates with the same function.
 */

const NATIONAL = /^0[1-9]\d{8}$/;
const SERVICE = /^0(800|90[069])/;
/** Two-digit area codes (the big cities); other geographic numbers have three digits. */
const TWO_DIGIT_AREAS = new Set([
  '10',
  '13',
  '15',
  '20',
  '23',
  '24',
  '26',
  '30',
  '33',
  '35',
  '36',
  '38',
  '40',
  '43',
  '45',
  '46',
  '50',
  '53',
  '55',
  '58',
  '70',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '77',
  '78',
  '79',
]);

/** The number in E.164 form ('+31612345678'), or null when it is not a usable Dutch number. */
export function normalizeDutchPhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > 30) return null;
  let digits = input
    .trim()
    .replace('(0)', '')
    .replace(/[\s().-]/g, '');
  if (digits.startsWith('+31')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0031')) digits = `0${digits.slice(4)}`;
  if (!NATIONAL.test(digits) || SERVICE.test(digits)) return null;
  return `+31${digits.slice(1)}`;
}

/** How a Dutch reader writes it: '06 12345678', '070 123 4567', '0345 123 456'. */
export function formatDutchPhone(e164: string): string {
  const national = `0${e164.replace(/^\+31/, '')}`;
  if (national.startsWith('06')) return `06 ${national.slice(2)}`;
  const area = TWO_DIGIT_AREAS.has(national.slice(1, 3)) ? 3 : 4;
  const rest = national.slice(area);
  return `${national.slice(0, area)} ${rest.slice(0, 3)} ${rest.slice(3)}`;
}
