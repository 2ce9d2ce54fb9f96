import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when read aloud or copied. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A new roster id: the school's prefix and eight random characters (31^8 ≈ 8.5·10^11), so one
 * pupil's id says nothing of another's and cannot be guessed from the class or the list.
 *
 * @example
 * newRosterId('R42'); // 'R42-7KQ2MXPA'
 */
export function newRosterId(prefix: string): string {
  const tail = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${prefix}-${tail}`;
}
