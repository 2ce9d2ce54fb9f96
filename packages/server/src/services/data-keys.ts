import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** The kinds of document number kept encrypted; each is sealed and indexed apart from the others. */
export type DocumentKind = 'snils' | 'passport' | 'inn' | 'birth_certificate';

/** The start of every sealed value (`dk1.<key id>.<iv>.<tag>.<ciphertext>`). */
export const SEALED_PREFIX = 'dk1.';

/** A data key that is missing, malformed, or not the one the data was sealed with. */
export class DataKeyError extends Error {
  readonly code = 'data_key';

  constructor(message: string) {
    super(message);
    this.name = 'DataKeyError';
  }
}

interface DataKey {
  /** A public fingerprint of the key, stored beside each value it seals. */
  readonly id: string;
  readonly seal: Buffer;
  readonly index: Buffer;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, 'school-diary data key', purpose, 32));
}

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : null;
  if (bytes?.length !== 32)
    throw new DataKeyError(
      `${source}: a data key is 32 random bytes in base64 or hex (make one with \`openssl rand -base64 32\`)`,
    );
  return bytes;
}

function keyOf(master: Buffer): DataKey {
  const id = createHmac('sha256', master).update('key id').digest('base64url').slice(0, 10);
  return { id, seal: derive(master, 'seal'), index: derive(master, 'index') };
}

/**
 * The keys that encrypt document numbers at rest (AES-256-GCM) and index them for exact look-ups
 * (HMAC-SHA-256). The first key seals everything written; the others still open what they sealed
 * and still find it, so a key is rotated while the server keeps answering: put the new key first,
 * restart, run `school-diary-server rotate-key`, then drop the old one.
 *
 * @example
 * const keys = DataKeyring.parse(process.env.DIARY_DATA_KEY ?? '', 'DIARY_DATA_KEY');
 * const stored = keys.seal('snils', '112-233-445 95'); // 'dk1.…'
 * keys.open('snils', stored); // '112-233-445 95'
 */
export class DataKeyring {
  readonly #keys: readonly DataKey[];

  private constructor(keys: readonly DataKey[]) {
    this.#keys = keys;
  }

  /**
   * Keys separated by commas or new lines, the current one first; `#` starts a comment line.
   * Throws {@link DataKeyError} naming `source` when there is none or one is malformed.
   */
  static parse(text: string, source: string): DataKeyring {
    const parts = text
      .split(/[\n,]/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    if (parts.length === 0) throw new DataKeyError(`${source}: no data key in it`);
    return new DataKeyring(parts.map((part) => keyOf(decodeKey(part, source))));
  }

  /** A new random key as the text {@link parse} reads (base64). */
  static generate(): string {
    return randomBytes(32).toString('base64');
  }

  /** The id of the key that seals new values. */
  get currentId(): string {
    return this.#current.id;
  }

  /** The ids of every key, the current one first. */
  get ids(): readonly string[] {
    return this.#keys.map((k) => k.id);
  }

  get #current(): DataKey {
    return this.#keys[0] as DataKey;
  }

  /** The value encrypted under the current key; the kind is authenticated with it. */
  seal(kind: DocumentKind, plaintext: string): string {
    const key = this.#current;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.seal, iv);
    cipher.setAAD(Buffer.from(kind));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return `${SEALED_PREFIX}${key.id}.${parts.join('.')}`;
  }

  /** The plaintext of a sealed value; throws {@link DataKeyError} when no key here opens it. */
  open(kind: DocumentKind, sealed: string): string {
    const keyId = sealedKeyId(sealed);
    if (keyId === null) throw new DataKeyError(`a ${kind} is stored unencrypted`);
    const key = this.#keys.find((k) => k.id === keyId);
    if (!key) throw new DataKeyError(unknownKeyMessage([keyId], this.ids));
    const [iv, tag, body] = sealed
      .slice(SEALED_PREFIX.length + keyId.length + 1)
      .split('.')
      .map((p) => Buffer.from(p, 'base64url'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.seal, iv as Buffer);
      decipher.setAAD(Buffer.from(kind));
      decipher.setAuthTag(tag as Buffer);
      return Buffer.concat([decipher.update(body as Buffer), decipher.final()]).toString('utf8');
    } catch {
      throw new DataKeyError(`a sealed ${kind} under key ${keyId} does not open: it was altered`);
    }
  }

  /** `open` for a nullable column. */
  openOptional(kind: DocumentKind, sealed: string | null): string | null {
    return sealed === null ? null : this.open(kind, sealed);
  }

  /** The keyed hash of a value under the current key: what exact look-ups and uniqueness use. */
  index(kind: DocumentKind, plaintext: string): string {
    return indexUnder(this.#current, kind, plaintext);
  }

  /** The keyed hash under every key: a look-up finds rows not yet rotated to the current key. */
  indexes(kind: DocumentKind, plaintext: string): string[] {
    return this.#keys.map((k) => indexUnder(k, kind, plaintext));
  }
}

function indexUnder(key: DataKey, kind: DocumentKind, plaintext: string): string {
  return createHmac('sha256', key.index).update(`${kind}:${plaintext}`).digest('base64url');
}

/** The id of the key a stored value was sealed with, or null for a plaintext value. */
export function sealedKeyId(stored: string): string | null {
  if (!stored.startsWith(SEALED_PREFIX)) return null;
  const end = stored.indexOf('.', SEALED_PREFIX.length);
  return end < 0 ? null : stored.slice(SEALED_PREFIX.length, end);
}

/** The message when data was sealed under keys the server was not given. */
export function unknownKeyMessage(
  missing: readonly string[],
  configured: readonly string[],
): string {
  return (
    `the database's documents are encrypted under data key ${missing.join(', ')}, which is not ` +
    `among the keys given (${configured.join(', ')}): start with the key they were written with ` +
    '(DIARY_DATA_KEY or --data-key-file; a new key goes first, the old one after it until ' +
    '`rotate-key` has run)'
  );
}
