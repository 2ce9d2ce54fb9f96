import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Where a one-time code stands in a queued message's text outside dev mode. */
export const CODE_PLACEHOLDER = '{code}';

/**
 * Seals one-time codes while they wait in the outbox (AES-256-GCM under a key derived from the
 * server's code secret), so a copy of the database does not hold a usable code.
 */
export class CodeSeal {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'school-diary', 'outbox one-time code', 32));
  }

  /** `iv.tag.ciphertext`, base64url parts. */
  seal(code: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  /** The code, or null when the sealed value was not made with this secret. */
  open(sealed: string): string | null {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
