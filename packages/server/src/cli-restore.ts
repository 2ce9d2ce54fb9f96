import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { RestoreOptions } from './cli-args';
import {
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_ENTRY,
  POSTGRES_BACKUP_ADVICE,
  filesDirOf,
  type BackupManifest,
} from './cli-backup';
import { readTar, TarError } from './backup/tar';
import { openSqlite } from './db/open';
import { CliError } from './cli-error';
import { isPostgresUrl } from './db/dialect';
import { ETAG_PREFIX_SETTING } from './read-cache/etag-prefix';
import { formatBytes, removeSidecars, syncFile } from './cli-files';
import { MIGRATIONS } from './db/migrations';

/** What {@link restoreDatabase} did. */
export interface RestoreResult {
  readonly from: string;
  readonly to: string;
  readonly bytes: number;
  readonly users: number;
  /** Uploaded files restored; null for a bare database copy (the files were left as they were). */
  readonly files: number | null;
  /** Sessions of the backup that were still open, now revoked: everyone signs in again. */
  readonly revoked: number;
  /** `damaged`: the old file was not a readable database (so its lock could not be checked). */
  readonly previous: 'none' | 'replaced' | 'damaged';
}

/** The first bytes of a gzip stream and of a SQLite database. */
const GZIP = Buffer.from([0x1f, 0x8b]);
const SQLITE = Buffer.from('SQLite format 3\0');

function kindOf(file: string): 'archive' | 'sqlite' | 'other' {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 2).equals(GZIP)) return 'archive';
  return head.equals(SQLITE) ? 'sqlite' : 'other';
}

/**
 * Replaces the database and the uploaded files with a backup archive made by `backup` (or the
 * database alone with a bare SQLite copy from older versions). Nothing is replaced until the
 * backup has passed every check: the archive is unpacked beside the database and the files, each
 * entry's SHA-256 matched against the manifest, the database checked (`PRAGMA integrity_check`,
 * our tables, no migrations newer than this server) and opened and migrated to this server's
 * schema. Every session it holds is then revoked, so a session revoked after the backup was taken
 * (a logout, a stolen device) does not come back. Then, unless another process has the database
 * open, the files folder and the database are renamed into place, so each is either the old one
 * or the whole backup.
 *
 * Limits of the "is a server using it" check: it relies on SQLite's POSIX advisory locks, so it
 * sees processes on this machine only (not over NFS or from another host), and a server started
 * in the moment between the check and the rename would keep the old file. Stop the server first.
 *
 * @example
 * await restoreDatabase({ from: 'nightly.tar.gz', db: 'diary.sqlite', files: null });
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  if (isPostgresUrl(options.db)) throw new CliError(POSTGRES_BACKUP_ADVICE, 'postgres_backup');
  const from = resolve(options.from);
  const to = resolve(options.db);
  if (!existsSync(from)) throw new CliError(`no backup at ${from} (check --from)`, 'no_backup');
  if (from === to) throw new CliError('--from must be another file than --db', 'same_file');
  const kind = kindOf(from);
  if (kind === 'other')
    throw new CliError(
      `${from} is not a SQLite database nor a backup archive made by \`backup\``,
      'not_sqlite',
    );
  if (kind === 'sqlite' && existsSync(`${from}-wal`))
    throw new CliError(
      `${from}-wal exists: that file is in use or was copied without its WAL; make the copy with \`school-diary-server backup\``,
      'live_file',
    );
  const temp = `${to}.restore-${process.pid}`;
  const filesDir = filesDirOf(options.db, options.files);
  const tempFiles = `${filesDir}.restore-${process.pid}`;
  try {
    let files: number | null = null;
    if (kind === 'archive') files = await unpack(from, temp, tempFiles);
    else {
      copyFileSync(from, temp);
      chmodSync(temp, 0o600);
    }
    const users = checkBackup(temp, from);
    await checkMigrations(temp, from);
    renewEtagPrefix(temp);
    const revoked = revokeSessions(temp, new Date());
    const previous = existsSync(to) ? claim(to) : 'none';
    removeSidecars(to);
    syncFile(temp);
    if (files !== null) swapFolder(tempFiles, filesDir);
    renameSync(temp, to);
    syncFile(dirname(to));
    return { from, to, bytes: statSync(to).size, users, files, revoked, previous };
  } finally {
    rmSync(temp, { force: true });
    removeSidecars(temp);
    rmSync(tempFiles, { recursive: true, force: true });
  }
}

/**
 * Unpacks an archive: the database to `db`, the files into the folder `files`, each checked
 * against the manifest. Returns the number of files.
 */
async function unpack(from: string, db: string, files: string): Promise<number> {
  rmSync(files, { recursive: true, force: true });
  mkdirSync(files, { recursive: true, mode: 0o700 });
  const manifestFile = `${db}.manifest`;
  try {
    const read = await readTar(from, (name) => {
      if (name === DATABASE_ENTRY) return db;
      if (name === MANIFEST_ENTRY) return manifestFile;
      const file = name.startsWith(FILES_PREFIX) ? name.slice(FILES_PREFIX.length) : '';
      return /^[0-9a-f]{32}$/.test(file) ? join(files, file) : null;
    }).catch((error: unknown) => {
      if (error instanceof TarError) throw new CliError(`${from}: ${error.message}`, 'damaged');
      throw error;
    });
    const manifest = parseManifest(readFileSync(manifestFile, 'utf8'), from);
    const expected = new Map(manifest.entries.map((e) => [e.name, e]));
    const contents = read.filter((e) => e.name !== MANIFEST_ENTRY);
    for (const entry of contents) {
      const want = expected.get(entry.name);
      if (!want || want.sha256 !== entry.sha256 || want.size !== entry.size)
        throw new CliError(
          `${from}: ${entry.name} does not match the manifest's checksum (a damaged copy)`,
          'checksum',
        );
      expected.delete(entry.name);
    }
    if (expected.size > 0 || !contents.some((e) => e.name === DATABASE_ENTRY))
      throw new CliError(
        `${from}: the archive lacks ${[...expected.keys()].join(', ') || DATABASE_ENTRY}`,
        'incomplete',
      );
    return contents.length - 1;
  } finally {
    rmSync(manifestFile, { force: true });
  }
}

function parseManifest(text: string, from: string): BackupManifest {
  let manifest: Partial<BackupManifest> | null = null;
  try {
    manifest = JSON.parse(text) as Partial<BackupManifest>;
  } catch {
    // reported below
  }
  if (manifest?.format !== 'school-diary-backup' || !Array.isArray(manifest.entries))
    throw new CliError(`${from}: not a School Diary backup archive (no manifest)`, 'schema');
  if (manifest.version !== 1)
    throw new CliError(
      `${from} was made by a newer server (archive version ${manifest.version}): upgrade first`,
      'newer_schema',
    );
  return manifest as BackupManifest;
}

/** Opens the copy as the server would: migrated to this server's schema, or refused here. */
async function checkMigrations(file: string, shownAs: string): Promise<void> {
  try {
    const database = await openSqlite(file);
    await database.close();
  } catch (error) {
    throw new CliError(
      `${shownAs}: this server's migrations fail on it (${error instanceof Error ? error.message : error})`,
      'migrations',
    );
  }
  removeSidecars(file);
}

/** Puts the folder `next` where `current` is; the old one is removed once the new one is there. */
function swapFolder(next: string, current: string): void {
  const aside = `${current}.replaced-${process.pid}`;
  const had = existsSync(current);
  if (had) renameSync(current, aside);
  try {
    renameSync(next, current);
  } catch (error) {
    if (had) renameSync(aside, current);
    throw error;
  }
  syncFile(dirname(current));
  rmSync(aside, { recursive: true, force: true });
}

/** The lines printed after a restore. */
export function describeRestore(result: RestoreResult): string {
  const before = {
    none: 'there was no database there before',
    replaced: 'the previous database was replaced',
    damaged: 'the previous file was not a readable database and was replaced',
  }[result.previous];
  const files =
    result.files === null
      ? 'a bare database copy: the uploaded files were left as they are'
      : `${result.files} uploaded files restored`;
  return [
    `Checked ${result.from}: checksums, integrity and migrations ok, ${result.users} users.`,
    `Restored ${result.to} (${formatBytes(result.bytes)}), ${files}; ${before}.`,
    `Revoked the ${result.revoked} sessions the backup held: everyone signs in again.`,
  ].join('\n');
}

/** Checks a copy of a backup; returns its number of users. */
function checkBackup(file: string, shownAs: string): number {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new CliError(`${shownAs} fails the integrity check: ${String(integrity)}`, 'corrupt');
    const tables = new Set(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(),
    );
    if (!tables.has('users') || !tables.has('kysely_migration'))
      throw new CliError(`${shownAs} is a SQLite database but not a School Diary one`, 'schema');
    const applied = db.prepare('SELECT name FROM kysely_migration').pluck().all().map(String);
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length)
      throw new CliError(
        `${shownAs} comes from a newer server (migrations ${unknown.join(', ')}): upgrade first`,
        'newer_schema',
      );
    return Number(db.prepare('SELECT count(*) FROM users').pluck().get());
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT'))
      throw new CliError(`${shownAs} is not a SQLite database (${error.message})`, 'not_sqlite');
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Makes sure no other process has the database open. WAL connections hold a shared lock on the
 * file while open, so an exclusive lock fails while a server runs, even an idle one. A plain
 * `BEGIN EXCLUSIVE` would not do: in WAL mode it only excludes other writers.
 */
function claim(file: string): 'replaced' | 'damaged' {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('ROLLBACK');
    return 'replaced';
  } catch (error) {
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED'))
      throw new CliError(
        `${file} is in use by another process (is the server running?): stop it, then restore`,
        'in_use',
      );
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT')) return 'damaged';
    throw error;
  } finally {
    db.close();
  }
}

function isSqliteError(
  error: unknown,
  ...codes: string[]
): error is InstanceType<typeof SQLite.SqliteError> {
  return error instanceof SQLite.SqliteError && codes.includes(error.code);
}

/**
 * Forgets the restored database's ETag prefix, so the server makes a new one: after a restore the
 * data versions start again from the backup's numbers, and a browser's ETag from before must not
 * match a different answer that reaches the same numbers.
 */
function renewEtagPrefix(file: string): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.prepare('DELETE FROM settings WHERE key = ?').run(ETAG_PREFIX_SETTING);
  } finally {
    db.close();
  }
}

/**
 * Revokes every session still open in the restored copy: the backup's sessions include ones that
 * were revoked after it was taken (a logout, a password change, a stolen device), and a restore
 * must not bring them back. Returns how many were revoked.
 */
function revokeSessions(file: string, now: Date): number {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const result = db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL')
      .run(now.toISOString());
    return result.changes;
  } finally {
    db.close();
  }
}
