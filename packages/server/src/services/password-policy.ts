import { dictionary } from '@zxcvbn-ts/language-common';
import { fieldError } from './domain-error';

/** The ~49,000 most common passwords of public breach corpora, shipped with the server. */
let common: ReadonlySet<string> | undefined;
const commonPasswords = (): ReadonlySet<string> =>
  (common ??= new Set(dictionary['passwords-common'] as readonly string[]));

/**
 * Whether a password is one of the common or breached passwords the server ships (OWASP ASVS
 * 2.1.7): itself, or one with digits and signs merely added around a common one
 * (`password2026!`), or a single character repeated. Core's rules (length) come first; this is
 * the server's, since the list is too large for a browser.
 *
 * @example
 * isCommonPassword('qwerty123456'); // true
 * isCommonPassword('тихий вечер у реки'); // false
 */
export function isCommonPassword(password: string): boolean {
  const folded = password.trim().toLowerCase();
  if (new Set(folded).size <= 1) return true;
  const list = commonPasswords();
  if (list.has(folded)) return true;
  const core = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return core.length >= 4 && list.has(core);
}

/** Throws a field error (`weak_password`) on `path` for a common or breached password. */
export function assertUncommonPassword(password: string, path: string): void {
  if (isCommonPassword(password)) throw fieldError(path, 'weak_password');
}
