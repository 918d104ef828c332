/** Short references a resident can read aloud at the desk or on the phone. */
import { randomInt } from 'node:crypto';

/** No 0/O and 1/I/L: they are confused when read aloud or from a phone screen. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 7;

/** e.g. 'AFS-K7M2Q9X' (31^7, about 2.7e10: collisions are retried by the caller). */
export function newReference(prefix: 'AFS' | 'HB'): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${code}`;
}
