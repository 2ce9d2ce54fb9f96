import { existsSync, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import type SQLite from 'better-sqlite3';

/**
 * Tells whether a database may have changed: a number that moves whenever any change is committed
 * (or, on SQLite, written by this connection inside a transaction still open). Rows read at one
 * generation may be used again while the generation is the same.
 */
export interface ChangeGeneration {
  /**
   * The generation now, checked against the database; `undefined` when nothing read may be kept
   * (the database has writers this process cannot see without asking it).
   */
  check(): number | undefined;
}

/** A SQLite connection's change generation, and what it is read from. */
export interface SqliteChangeGeneration extends ChangeGeneration {
  /** The WAL-index header in the `-shm` file, or a statement (a database not in WAL mode). */
  readonly source: 'wal-index' | 'statement';
}

/**
 * The change generation of a SQLite connection: from the database's WAL-index header when the
 * connection uses one (see {@link walIndexGeneration}), else from a statement that touches no table
 * (see {@link statementGeneration}).
 *
 * @example
 * const changes = sqliteChangeGeneration(sqlite);
 * const at = changes.check(); // the same number until a write commits somewhere
 */
export function sqliteChangeGeneration(sqlite: SQLite.Database): SqliteChangeGeneration {
  const shm = walIndexFileOf(sqlite);
  if (shm === undefined) return { source: 'statement', ...statementGeneration(sqlite) };
  return { source: 'wal-index', ...walIndexGeneration(sqlite, shm) };
}

/**
 * The change generation from one statement that touches no table: `total_changes()` counts the
 * rows this connection has inserted, updated or deleted (every write of this process goes through
 * it, triggers included), and `PRAGMA data_version` moves when another connection — another
 * process, a CLI command, a second server on the same file — has committed. Either moving bumps
 * the generation. SQLite takes its shared lock to read `data_version` (two `fcntl` calls): for a
 * database not in WAL mode, where the WAL-index header does not exist.
 */
function statementGeneration(sqlite: SQLite.Database): ChangeGeneration {
  const statement = sqlite
    .prepare('SELECT total_changes(), data_version FROM pragma_data_version')
    .raw();
  let generation = 0;
  let changes = -1;
  let version = -1;
  return {
    check() {
      const [nextChanges, nextVersion] = statement.get() as [number, number];
      if (nextChanges !== changes || nextVersion !== version) {
        changes = nextChanges;
        version = nextVersion;
        generation += 1;
      }
      return generation;
    },
  };
}

/** 32-bit words of one copy of the WAL-index header; the file starts with two copies of it. */
const HEADER_WORDS = 12;
/** `iVersion` of the WAL-index header this reading understands (walformat.html). */
const WAL_INDEX_VERSION = 3007000;

/**
 * Whether `header` (both copies, as native-order words like SQLite's own fields) is one SQLite
 * would read as settled: the two copies equal, `isInit` set, and the checksum of the first 40
 * bytes right — the very test SQLite's readers apply (walIndexTryHdr) before trusting the header.
 */
function settled(header: Uint32Array, bytes: Uint8Array): boolean {
  for (let i = 0; i < HEADER_WORDS; i += 1)
    if (header[i] !== header[i + HEADER_WORDS]) return false;
  if (bytes[12] !== 1) return false;
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < 10; i += 2) {
    s1 = (s1 + (header[i] ?? 0) + s2) >>> 0;
    s2 = (s2 + (header[i + 1] ?? 0) + s1) >>> 0;
  }
  return s1 === header[10] && s2 === header[11];
}

/** A buffer for both copies of the header, with its words and bytes. */
function headerBuffer() {
  const words = new Uint32Array(2 * HEADER_WORDS);
  return { words, bytes: new Uint8Array(words.buffer) };
}

/**
 * Descriptors of the `-shm` files read, by path. They are never closed: closing any descriptor of
 * a file drops every POSIX lock this process holds on it, SQLite's own locks on the `-shm` among
 * them (the one that tells other processes the file is in use), and SQLite may hold them through
 * another connection of this process after the one that opened the descriptor has closed. One per
 * database file the process opens, reused when the path still names the same file.
 */
const walIndexFiles = new Map<string, number>();

function keptDescriptor(path: string): number {
  const kept = walIndexFiles.get(path);
  if (kept !== undefined) {
    const [open, named] = [fstatSync(kept), statSync(path)];
    if (open.ino === named.ino && open.dev === named.dev) return kept;
  }
  const fd = openSync(path, 'r');
  walIndexFiles.set(path, fd);
  return fd;
}

/**
 * The descriptor of the connection's `-shm` file, or undefined when its WAL index is not one this
 * process can read there: an in-memory database, a journal mode other than WAL, exclusive locking
 * (SQLite then keeps the index in its own heap), no `-shm` file, or a header not yet settled.
 */
function walIndexFileOf(sqlite: SQLite.Database): number | undefined {
  if (sqlite.memory) return undefined;
  if (sqlite.pragma('journal_mode', { simple: true }) !== 'wal') return undefined;
  if (sqlite.pragma('locking_mode', { simple: true }) !== 'normal') return undefined;
  // SQLite names the -shm after the database's real path, symbolic links resolved.
  const path = `${realpathSync(sqlite.name)}-shm`;
  if (!existsSync(path)) return undefined;
  const fd = keptDescriptor(path);
  const { words, bytes } = headerBuffer();
  const read = readSync(fd, bytes, 0, bytes.length, 0);
  if (read < bytes.length || words[0] !== WAL_INDEX_VERSION || !settled(words, bytes))
    return undefined;
  return fd;
}

/**
 * The change generation of a connection in WAL mode, from the WAL-index header at the start of
 * the `-shm` file, read with one `pread` (no lock, no statement). Every commit on the file — by
 * this connection or another, in this process or another — rewrites that header as its last step
 * (https://www.sqlite.org/walformat.html, "The WAL-Index Header"): `iChange` counts commits, and
 * `mxFrame` or the salts move with each. Any difference from the header read last bumps the
 * generation. While this connection has a transaction open (its writes not yet in the header)
 * every check bumps it, and so does the first check after the transaction ends (a rollback leaves
 * the header as it was).
 *
 * A read may race a commit that is rewriting the header; it may then answer "changed" wrongly,
 * never "the same" wrongly. Rows kept under a generation are read after the check that returned
 * it. A read is trusted only when SQLite's own readers would trust it (`settled`: both copies
 * equal, `isInit`, the checksum right); otherwise the generation moves and zeros are remembered,
 * which no settled header equals, so the next check moves it again. Once a commit has finished,
 * the header holds its `iChange` (one more than before) or a later commit's: a read after that
 * returns such a header, differing from any header read before the commit, or a torn mix of later
 * headers, which would pass `settled` and equal the old header only by bringing back an `iChange`
 * no header has held since. And a read that shows a commit's header was taken after the commit
 * wrote it, its last step, so the statements that follow the check see that commit.
 */
function walIndexGeneration(sqlite: SQLite.Database, fd: number): ChangeGeneration {
  const last = new Uint32Array(HEADER_WORDS);
  const next = headerBuffer();
  let generation = 0;
  let inTransaction = false;
  return {
    check() {
      if (sqlite.inTransaction) {
        inTransaction = true;
        generation += 1;
        return generation;
      }
      const { words, bytes } = next;
      const ok = readSync(fd, bytes, 0, bytes.length, 0) === bytes.length && settled(words, bytes);
      // An unsettled read is kept as zeros, which no settled header equals: the next check bumps too.
      let same = ok && !inTransaction;
      for (let i = 0; i < HEADER_WORDS; i += 1) {
        const word = ok ? (words[i] ?? 0) : 0;
        if (word !== last[i]) same = false;
        last[i] = word;
      }
      inTransaction = false;
      if (!same) generation += 1;
      return generation;
    },
  };
}

/**
 * The generation of a database with writers in other processes that no cheap local check sees
 * (PostgreSQL behind several server instances): nothing read is ever kept, every read asks the
 * database.
 */
export const ALWAYS_CHANGED: ChangeGeneration = Object.freeze({ check: () => undefined });

/**
 * A view of `changes` that asks the database on its first check only and answers that generation
 * after: the generation of one request, shared by every kept read the request makes (its session,
 * its authorisation), so that a request runs the change check once. Made per request and dropped
 * with it: it does not see writes after its first check, which the request's reads then see as
 * if they had come a moment later.
 *
 * @example
 * const changes = checkedOnce(services.changes);
 * await session(token, changes); // the statement runs here
 * await authorise(child, changes); // and not again
 */
export function checkedOnce(changes: ChangeGeneration): ChangeGeneration {
  let checked = false;
  let generation: number | undefined;
  return {
    check() {
      if (!checked) {
        generation = changes.check();
        checked = true;
      }
      return generation;
    },
  };
}
