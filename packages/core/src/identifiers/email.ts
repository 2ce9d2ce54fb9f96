import type { ErrorCode } from '../messages/error-codes.js';

/**
 * The longest address that fits an SMTP path (RFC 5321).
 *
 * @example
 * checkEmail(`${'a'.repeat(EMAIL_MAX_LENGTH)}@mail.ru`); // 'too_long'
 */
export const EMAIL_MAX_LENGTH = 254;

/** Anything but whitespace, `@` and the characters that end an address in a header. */
const LOCAL_PART = /^[^\s@<>()[\]\\,;:"]+$/u;
/** Labels of letters (any script, so `почта.рф` works), digits and inner hyphens; a real TLD. */
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;

function splitAddress(address: string): { local: string; domain: string } | null {
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/**
 * The first problem with an e-mail address, in priority order: `required` (blank), `too_long`
 * (over {@link EMAIL_MAX_LENGTH} characters), `format` (not one `@` between a local part without
 * spaces and a domain with a dot). Outer spaces are ignored; Cyrillic domains are accepted.
 *
 * @example
 * checkEmail('ivanova@mail'); // 'format'
 */
export function checkEmail(input: string): ErrorCode | null {
  const address = input.trim();
  if (address === '') return 'required';
  if (address.length > EMAIL_MAX_LENGTH) return 'too_long';
  const parts = splitAddress(address);
  if (parts === null) return 'format';
  const { local, domain } = parts;
  const dotsOk = !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
  return dotsOk && LOCAL_PART.test(local) && DOMAIN.test(domain) ? null : 'format';
}

/**
 * Whether the input is a practical e-mail address.
 *
 * @example
 * isValidEmail('ivanova@почта.рф'); // true
 */
export function isValidEmail(input: string): boolean {
  return checkEmail(input) === null;
}

/**
 * A valid address trimmed, with the domain lowercased (the local part is kept as typed, since
 * servers may treat its case as meaningful); `null` when it is not valid.
 *
 * @example
 * normalizeEmail(' Ivanova@Mail.RU '); // 'Ivanova@mail.ru'
 */
export function normalizeEmail(input: string): string | null {
  if (!isValidEmail(input)) return null;
  const { local, domain } = splitAddress(input.trim()) ?? { local: '', domain: '' };
  return `${local}@${domain.toLowerCase()}`;
}
