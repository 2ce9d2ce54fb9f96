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

/**
 * The change generation of a SQLite connection, from one statement that touches no table:
 * `total_changes()` counts the rows this connection has inserted, updated or deleted (every write
 * of this process goes through it, triggers included), and `PRAGMA data_version` moves when
 * another connection — another process, a CLI command, a second server on the same file — has
 * committed. Either moving bumps the generation. The statement costs about as much as one indexed
 * look-up (SQLite takes its read lock to read `data_version`), without the query layer around it.
 *
 * @example
 * const changes = sqliteChangeGeneration(sqlite);
 * const at = changes.check(); // the same number until a write commits somewhere
 */
export function sqliteChangeGeneration(sqlite: SQLite.Database): ChangeGeneration {
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
