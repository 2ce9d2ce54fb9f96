import type { ChangeGeneration } from './change-generation';

/** Options of {@link keptUntilChange}. */
export interface KeptOptions<R> {
  /** Most argument lists kept; the least recently used goes first. */
  readonly maxEntries: number;
  /** When the rows stop being usable whatever the database says (ms since the epoch). */
  readonly expiresAt?: (rows: readonly R[]) => number;
  /** The time now (ms since the epoch), for `expiresAt`. */
  readonly now?: () => number;
}

interface Entry<R> {
  readonly generation: number;
  readonly rows: readonly R[];
  readonly expiresAt: number;
}

/**
 * A value answered from memory when it is kept, or a promise of it when the database is asked: a
 * warm request then goes through its look-ups without a promise, or a turn of the microtask
 * queue, per look-up.
 */
export type Kept<T> = T | Promise<T>;

/**
 * Applies `next` to a {@link Kept} value: at once when the value is at hand, once it resolves when
 * it is a promise.
 *
 * @example
 * const user = thenKept(byHash(changes, hash), ([row]) => userOf(row)); // a user, or a promise of one
 */
export function thenKept<T, U>(value: Kept<T>, next: (value: T) => Kept<U>): Kept<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * A query kept by {@link keptUntilChange}: called with the request's change generation (see
 * `checkedOnce`: one check per request, whatever number of kept queries it runs) and the values;
 * answers the kept rows themselves, or a promise of the rows read.
 */
export type KeptQuery<R> = (changes: ChangeGeneration, ...values: string[]) => Kept<readonly R[]>;

/**
 * A query whose rows are kept in memory and answered again, without a statement, while the
 * database's change generation (given with each call) stays the same: any committed write
 * anywhere (and, on SQLite, any write of this connection) makes every kept answer stale, so the
 * next call reads the database again. The generation is taken before the statement runs, so rows
 * read while a write lands are kept under the older generation and never served after it. Kept
 * rows are answered at once, not in a promise (see {@link Kept}). Only non-empty answers are kept
 * (an unknown token or a denied look-up asks the database each time, and cannot fill the memory),
 * at most `maxEntries` of them, each until `expiresAt`. The rows are frozen: callers share them.
 *
 * @example
 * const byHash = keptUntilChange(compiledOnce(db, (hash) => …), { maxEntries: 10_000 });
 * const rows = await byHash(changes, hashToken(token)); // a statement once, then memory until a write
 */
export function keptUntilChange<R>(
  query: (...values: string[]) => Promise<R[]>,
  options: KeptOptions<R>,
): KeptQuery<R> {
  const entries = new Map<string, Entry<R>>();
  const now = options.now ?? Date.now;
  const read = async (key: string, generation: number, values: string[]) => {
    const rows = await query(...values);
    if (rows.length === 0) return rows;
    for (const row of rows) Object.freeze(row);
    const expiresAt = options.expiresAt?.(rows) ?? Number.POSITIVE_INFINITY;
    entries.set(key, { generation, rows: Object.freeze(rows), expiresAt });
    if (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return rows;
  };
  return (changes, ...values) => {
    const generation = changes.check();
    if (generation === undefined || options.maxEntries <= 0) return query(...values);
    const key = values.length === 1 ? (values[0] ?? '') : values.join('\u0000');
    const kept = entries.get(key);
    if (kept) {
      entries.delete(key);
      if (kept.generation === generation && now() < kept.expiresAt) {
        // Most recently used last: the map's first key is the one to evict.
        entries.set(key, kept);
        return kept.rows;
      }
    }
    return read(key, generation, values);
  };
}
