import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/** The placeholder of the `i`th value: a string no caller's value is. */
const placeholder = (i: number): string => `\u0000value${i}\u0000`;

/**
 * A query built and compiled once, then run with new values. On the hottest reads (the session
 * of every request, a cached read's authorisation and versions) Kysely's builder and compiler
 * cost more than the indexed look-up itself. `build` gets placeholders for the values and must
 * use each only as a value (a bound parameter), never in the SQL's shape; the SQL text is then the
 * same on every run, so SQLite's statement cache and PostgreSQL's plans are reused too.
 *
 * @example
 * const byHash = compiledOnce(db, (hash) =>
 *   db.selectFrom('sessions').select('user_id').where('access_hash', '=', hash));
 * const rows = await byHash(hashToken(token));
 */
export function compiledOnce<DB, R>(
  db: Kysely<DB>,
  build: (...values: string[]) => Compilable<R>,
): (...values: string[]) => Promise<R[]> {
  const values = Array.from({ length: build.length }, (_, i) => placeholder(i));
  const compiled = build(...values).compile();
  if (values.some((value) => compiled.sql.includes(value)))
    throw new Error('compiledOnce: a value was written into the SQL instead of bound');
  const slots = compiled.parameters.map((p) => (typeof p === 'string' ? values.indexOf(p) : -1));
  if (
    compiled.parameters.some(
      (p, i) => typeof p === 'string' && slots[i] === -1 && p.includes('\u0000'),
    )
  )
    throw new Error('compiledOnce: a value was combined with others instead of bound on its own');
  return async (...args) => {
    const parameters = compiled.parameters.map((p, i) => {
      const slot = slots[i] ?? -1;
      return slot >= 0 ? args[slot] : p;
    });
    const result = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows as R[];
  };
}
