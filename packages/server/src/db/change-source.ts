import type SQLite from 'better-sqlite3';

/**
 * Tells whether the database may have changed: {@link ChangeSource.probe} once per request, and
 * {@link ChangeSource.local} (writes this process made) whenever a cached answer is looked at.
 */
export interface ChangeSource {
  /**
   * A stamp that differs from the previous one whenever anything may have been committed since,
   * by this process or any other; `null` when that cannot be told (the gate then keeps nothing).
   */
  probe(): string | null;
  /** How many writes this process has started; cheap, no database statement. */
  local(): number;
  /**
   * Where `probe` learns of changes asynchronously (PostgreSQL's notifications): resolves once
   * `probe` reflects every write committed before the call. Called before `probe` on every
   * request; absent where `probe` is exact on its own (SQLite).
   */
  sync?(): Promise<void>;
}

/** Counts the writes this process starts (see `cachedStatements`' `onWrite`). */
export class WriteCounter {
  #count = 0;
  /** Writes started so far. */
  get count(): number {
    return this.#count;
  }
  /** Called before each writing statement runs. */
  readonly bump = (): void => {
    this.#count += 1;
  };
}

/**
 * The change source of a SQLite file: `PRAGMA data_version` (changes when another connection,
 * in this process or another, commits) and this connection's own writes, counted before each
 * writing statement runs — so a write is seen before it commits, never after.
 */
export function sqliteChanges(sqlite: SQLite.Database, writes: WriteCounter): ChangeSource {
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  return {
    probe: () => `${String(dataVersion.get())}.${writes.count}`,
    local: () => writes.count,
  };
}

/** A change source that never lets anything be kept (no way to learn of other writers). */
export const NO_CHANGE_SOURCE: ChangeSource = { probe: () => null, local: () => 0 };
