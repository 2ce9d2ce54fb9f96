import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * A minimal ustar archive, gzip-compressed: what `backup` writes and `restore` reads. Plain files
 * only, names under 100 characters; `tar -tzf` and `tar -xzf` read it too.
 */
const BLOCK = 512;

/** One file to put in an archive: its name there and where its bytes come from. */
export interface TarSource {
  readonly name: string;
  readonly path: string;
  readonly size: number;
}

/** A file as written or read: its name, size and SHA-256 (hex). */
export interface TarEntry {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o600, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(mtime, 12), 136, 'ascii');
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\u000000', 257, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/**
 * Writes `sources` (then `last`, made from their entries: a manifest) into a gzip'd tar at `file`,
 * created with `mode` 0600 and never overwritten. Returns every entry with its SHA-256.
 */
export async function writeTar(
  file: string,
  sources: readonly TarSource[],
  last: (entries: readonly TarEntry[]) => { name: string; bytes: Buffer },
  now: Date,
): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const mtime = Math.floor(now.getTime() / 1000);
  async function* blocks(): AsyncGenerator<Buffer> {
    for (const source of sources) {
      yield header(source.name, source.size, mtime);
      const hash = createHash('sha256');
      let read = 0;
      for await (const chunk of createReadStream(source.path, { end: source.size - 1 })) {
        const bytes = chunk as Buffer;
        hash.update(bytes);
        read += bytes.length;
        yield bytes;
      }
      // A file that shrank while being read would corrupt the archive: refuse it.
      if (read !== source.size) throw new Error(`${source.path} changed while it was archived`);
      yield padding(source.size);
      entries.push({ name: source.name, size: source.size, sha256: hash.digest('hex') });
    }
    const { name, bytes } = last(entries);
    yield header(name, bytes.length, mtime);
    yield bytes;
    yield padding(bytes.length);
    entries.push({
      name,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    yield Buffer.alloc(BLOCK * 2);
  }
  await pipeline(
    Readable.from(blocks()),
    createGzip(),
    createWriteStream(file, { flags: 'wx', mode: 0o600 }),
  );
  return entries;
}

function parseOctal(block: Buffer, start: number, width: number): number {
  const text = block
    .toString('ascii', start, start + width)
    .replace(/[\0 ]+$/g, '')
    .trim();
  if (!/^[0-7]+$/.test(text)) throw new TarError('a damaged header');
  return parseInt(text, 8);
}

/** An archive that is not one `backup` wrote, or was damaged. */
export class TarError extends Error {
  constructor(what: string) {
    super(`not a backup archive, or a damaged one: ${what}`);
    this.name = 'TarError';
  }
}

function parseHeader(block: Buffer): { name: string; size: number } | null {
  if (block.every((b) => b === 0)) return null;
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : (block[i] as number);
  if (sum !== parseOctal(block, 148, 8)) throw new TarError('a header checksum does not match');
  const type = String.fromCharCode(block[156] as number);
  if (type !== '0' && type !== '\0') throw new TarError('an entry that is not a plain file');
  const nameEnd = block.indexOf(0, 0);
  const name = block.toString('utf8', 0, nameEnd < 0 || nameEnd > 100 ? 100 : nameEnd);
  return { name, size: parseOctal(block, 124, 12) };
}

/**
 * Reads a gzip'd tar, asking `target` where each entry goes (a path, or null to refuse it) and
 * hashing it as it is written. Returns every entry read, in order.
 */
export async function readTar(
  file: string,
  target: (name: string) => string | null,
): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  let pending = Buffer.alloc(0);
  let current: { name: string; size: number; left: number; out: WriteStream } | null = null;
  let hash = createHash('sha256');
  let skip = 0;
  let ended = false;
  const finish = async () => {
    if (!current) return;
    const done = current;
    current = null;
    await new Promise<void>((resolve, reject) =>
      done.out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    entries.push({ name: done.name, size: done.size, sha256: hash.digest('hex') });
    skip = padding(done.size).length;
  };
  const write = (out: WriteStream, bytes: Buffer) =>
    new Promise<void>((resolve, reject) =>
      out.write(bytes, (error) => (error ? reject(error) : resolve())),
    );
  const gunzip = createGunzip();
  const source = createReadStream(file).pipe(gunzip);
  source.on('error', () => undefined);
  try {
    for await (const chunk of source) {
      pending = Buffer.concat([pending, chunk as Buffer]);
      for (;;) {
        if (ended) break;
        if (current) {
          const take = Math.min(current.left, pending.length);
          if (take > 0) {
            const bytes = pending.subarray(0, take);
            hash.update(bytes);
            await write(current.out, bytes);
            current.left -= take;
            pending = pending.subarray(take);
          }
          if (current.left > 0) break;
          await finish();
          continue;
        }
        if (skip > 0) {
          const take = Math.min(skip, pending.length);
          skip -= take;
          pending = pending.subarray(take);
          if (skip > 0) break;
        }
        if (pending.length < BLOCK) break;
        const parsed = parseHeader(pending.subarray(0, BLOCK));
        pending = pending.subarray(BLOCK);
        if (!parsed) {
          ended = true;
          break;
        }
        const path = target(parsed.name);
        if (path === null) throw new TarError(`an unexpected entry ${JSON.stringify(parsed.name)}`);
        current = {
          ...parsed,
          left: parsed.size,
          out: createWriteStream(path, { flags: 'wx', mode: 0o600 }),
        };
        hash = createHash('sha256');
      }
    }
  } catch (error) {
    if (error instanceof TarError) throw error;
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_'))
      throw new TarError(`the compressed data is damaged (${error.message})`);
    throw error;
  } finally {
    (current as { out: WriteStream } | null)?.out.destroy();
  }
  if (current || !ended) throw new TarError('it ends early (a truncated copy?)');
  return entries;
}
