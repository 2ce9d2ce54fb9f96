import { createHmac, hash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt's cost as OWASP's password storage guidance gives it: N = 2^17, r = 8, p = 1 (128 MiB
 * and a few hundred milliseconds per hash). `passwordHashCost` in the config is log2 N.
 */
export const PASSWORD_HASH_COST = 17;
const SCRYPT = { r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keylen: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/**
 * Hashes a password with scrypt (N = 2^`cost`) and a random salt: `scrypt$N$r$p$salt$hash`.
 *
 * @example
 * await hashPassword('тихий вечер у реки'); // 'scrypt$131072$8$1$…$…'
 */
export async function hashPassword(password: string, cost = PASSWORD_HASH_COST): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** cost;
  const key = await scryptAsync(password, salt, N, SCRYPT.r, SCRYPT.p, SCRYPT.keylen);
  return [
    'scrypt',
    N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/** Checks a password against a stored hash in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  );
  return timingSafeEqual(key, expected);
}

/** Whether a stored hash was made at a lower cost than `cost` (re-hash it at the next sign-in). */
export function needsRehash(stored: string, cost = PASSWORD_HASH_COST): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme !== 'scrypt' || Number(n) < 2 ** cost || Number(r) !== SCRYPT.r || Number(p) !== SCRYPT.p
  );
}

/**
 * A hash at `cost` that makes a failed lookup take as long as a real check (no user enumeration
 * by timing).
 */
export function dummyPasswordHash(cost = PASSWORD_HASH_COST): string {
  return `scrypt$${2 ** cost}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

/** A bearer token: 32 random bytes, URL-safe, with a readable prefix. */
export function newToken(prefix: 'at' | 'rt'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 of a high-entropy token; only this is stored. The one-shot `hash` (every request hashes
 * its bearer token) costs a fifth of a `createHash` object's update and digest.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'base64url');
}

/** A six-digit one-time code. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** HMAC of a one-time code bound to its challenge, so a database dump does not reveal codes. */
export function hashCode(secret: string, challengeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${challengeId}:${code}`).digest('base64url');
}

/** Constant-time comparison of two base64url digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A fresh random secret. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
