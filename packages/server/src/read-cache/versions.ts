import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * A data scope whose reads are cached and revalidated by ETag: one child's diary data
 * (`child:<id>`) or one class's (`class:<id>`: timetable, homework, substitutions).
 */
export type VersionScope = `child:${string}` | `class:${string}`;

/**
 * Bumps the version of each scope a write touched. Call it in the write's transaction, so a
 * cached read is never newer than the data and never served after the data changed.
 */
export async function bumpVersions(
  db: Kysely<Database>,
  scopes: readonly VersionScope[],
): Promise<void> {
  for (const scope of new Set(scopes)) {
    await db
      .insertInto('versions')
      .values({ scope, version: 1 })
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet((eb) => ({ version: eb('versions.version', '+', 1) })),
      )
      .execute();
  }
}

/** The current version of scopes (0 for a scope never written). */
export async function readVersions(
  db: Kysely<Database>,
  scopes: readonly VersionScope[],
): Promise<number[]> {
  if (scopes.length === 0) return [];
  const rows = await db.selectFrom('versions').selectAll().where('scope', 'in', scopes).execute();
  const byScope = new Map(rows.map((r) => [r.scope, r.version]));
  return scopes.map((scope) => byScope.get(scope) ?? 0);
}
