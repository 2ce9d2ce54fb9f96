import { createHash, randomBytes } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Services } from './context';

/** Where a file landed on disk and what it hashes to. */
export interface StoredFile {
  /** Path inside the storage directory: a random name, never the user's. */
  readonly storagePath: string;
  readonly sha256: string;
}

/**
 * The default storage directory: `files/` beside the database file (a temporary directory for
 * an in-memory database).
 *
 * @example
 * defaultStorageDir('/var/lib/diary/diary.sqlite'); // '/var/lib/diary/files'
 */
export function defaultStorageDir(databaseFile: string): string {
  if (databaseFile === '' || databaseFile === ':memory:') {
    return join(tmpdir(), 'school-diary-files');
  }
  return join(dirname(databaseFile), 'files');
}

function storageDir(s: Services): string {
  const dir = s.config.storageDir;
  if (!dir) throw new Error('storageDir is not configured');
  return dir;
}

/** The absolute path of a stored file; the stored name is ours (hex), so it cannot escape. */
function absolute(s: Services, storagePath: string): string {
  if (!/^[0-9a-f]{32}$/.test(storagePath)) throw new Error('bad storage path');
  return join(storageDir(s), storagePath);
}

/**
 * Writes uploaded bytes under a fresh random name, readable by the server's user only.
 *
 * @example
 * const { storagePath, sha256 } = await storeFile(s, bytes);
 */
export async function storeFile(s: Services, bytes: Uint8Array): Promise<StoredFile> {
  await mkdir(storageDir(s), { recursive: true, mode: 0o700 });
  const storagePath = randomBytes(16).toString('hex');
  await writeFile(absolute(s, storagePath), bytes, { flag: 'wx', mode: 0o600 });
  return { storagePath, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * A stream of a stored file's bytes, or `null` when the file is missing. The file is opened
 * first, so a missing file is known before any response header is written.
 */
export async function openStoredFile(s: Services, storagePath: string): Promise<ReadStream | null> {
  try {
    const handle = await open(absolute(s, storagePath), 'r');
    return handle.createReadStream();
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Deletes a stored file; a file already gone is not an error. */
export async function removeStoredFile(s: Services, storagePath: string): Promise<void> {
  await rm(absolute(s, storagePath), { force: true });
}
