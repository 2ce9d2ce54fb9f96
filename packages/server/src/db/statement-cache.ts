import type SQLite from 'better-sqlite3';

/** What Kysely's `SqliteDialect` needs of a database: `prepare` and `close`. */
export interface PreparingDatabase {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

/**
 * A view of a better-sqlite3 database for Kysely's `SqliteDialect` that keeps prepared statements
 * by SQL text (least recently used first out, at most `limit`), instead of preparing every query
 * anew. A statement holds compiled SQL only — rows are read afresh on every run, so a write is
 * seen by the next read exactly as with a new statement — and SQLite recompiles a kept statement
 * by itself when the schema changes. A statement that is busy (an iterator is still open over it)
 * is never handed out again: that caller gets a statement of its own.
 *
 * @example
 * const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
 */
export function cachedStatements(sqlite: SQLite.Database, limit = 500): PreparingDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Most recently used last: the map's first key is the one to evict.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql);
      if (kept) return statement;
      statements.set(sql, statement);
      if (statements.size > limit) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}
