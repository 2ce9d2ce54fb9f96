import type { RouteSpec } from '@school-diary/core';
import { sql, type Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-once';
import { keptUntilChange, thenKept, type Kept, type KeptQuery } from '../db/kept-until-change';
import type { Database } from '../db/schema';
import type { RequestContext } from '../http/register-routes';
import type { VersionScope } from '../read-cache/versions';
import type { AuthUser, Services } from '../services/context';
import { notFound } from '../services/domain-error';
import { childVisibleTo } from '../services/policy';

/**
 * Scopes with their current versions, read by the rule in the same statement as its
 * authorisation (one query instead of two per request).
 */
export interface ScopeVersions {
  readonly scopes: readonly VersionScope[];
  /** The version of each scope, in order (0 for a scope never written). */
  readonly versions: readonly number[];
}

/** How a cached read is authorised, what it depends on, and whose answers may be shared. */
export interface CacheRule {
  /**
   * Runs on every request, hit or miss, before the cache is looked at: throws the route's denial
   * (404 for what is not the caller's) and returns the data scopes whose versions every write
   * that could change the answer bumps — with their current versions, when it read them in the
   * same statement as the authorisation.
   */
  readonly scopes: (
    s: Services,
    ctx: RequestContext<RouteSpec>,
  ) => Kept<readonly VersionScope[] | ScopeVersions>;
  /**
   * The answer does not depend on who asks, only on the input: one entry per role instead of one
   * per user. Only for handlers whose output is the same for every caller they let in.
   */
  readonly perRole?: true;
}

function signedIn(ctx: RequestContext<RouteSpec>): AuthUser {
  if (!ctx.user) throw notFound();
  return ctx.user;
}

function param(ctx: RequestContext<RouteSpec>, name: string): string {
  const value = (ctx.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string') throw notFound();
  return value;
}

type Role = AuthUser['role'];

/**
 * Statements compiled once per app and role (the role shapes the authorisation), their rows kept
 * in memory until the database changes (see `keptUntilChange`), checked with the request's one
 * change check (`ctx.changes`, shared with its session): a warm read asks the database nothing
 * else, and any write — a version bump, a child moved, a link revoked — is seen by the next.
 */
function perRole<R>(
  build: (db: Kysely<Database>, role: Role) => (...values: string[]) => Promise<R[]>,
  scopesOf: (row: R) => ScopeVersions,
): (s: Services, role: Role) => KeptQuery<ScopeVersions> {
  const made = new WeakMap<Services, Map<Role, KeptQuery<ScopeVersions>>>();
  return (s, role) => {
    let byRole = made.get(s);
    if (!byRole) made.set(s, (byRole = new Map()));
    let query = byRole.get(role);
    if (!query) {
      const rows = build(s.db, role);
      // Each row is kept as the scopes and versions it stands for, made once.
      const read = async (...values: string[]) => (await rows(...values)).map(scopesOf);
      query = keptUntilChange(read, { maxEntries: s.config.authCacheEntries });
      byRole.set(role, query);
    }
    return query;
  };
}

/** A caller made of placeholders, for a statement compiled once per role. */
const callerOf = (role: Role, id: string, schoolId: string): AuthUser => ({
  id,
  role,
  schoolId,
  sessionId: '',
  familyId: '',
});

const childDiaryQuery = perRole(
  (db, role) =>
    compiledOnce(db, (childId, userId, schoolId) =>
      db
        .selectFrom('children')
        .select((eb) => [
          'children.id',
          'children.class_id',
          eb
            .selectFrom('versions')
            .select('version')
            .where('scope', '=', sql<string>`'child:' || ${sql.ref('children.id')}`)
            .as('child_version'),
          eb
            .selectFrom('versions')
            .select('version')
            .where('scope', '=', sql<string>`'class:' || ${sql.ref('children.class_id')}`)
            .as('class_version'),
        ])
        .where('children.id', '=', childId)
        .where(childVisibleTo(callerOf(role, userId, schoolId))),
    ),
  (row) => {
    const scopes: VersionScope[] = [`child:${row.id}`];
    const versions = [row.child_version ?? 0];
    if (row.class_id) {
      scopes.push(`class:${row.class_id}`);
      versions.push(row.class_version ?? 0);
    }
    return { scopes, versions };
  },
);

/**
 * A child's diary: the child's own data and their class's (subjects, lessons, periods). The child
 * is authorised exactly as `visibleChild` does (`childVisibleTo`), and both scopes' versions are
 * read in the same statement.
 */
function childDiary(s: Services, ctx: RequestContext<RouteSpec>): Kept<ScopeVersions> {
  const user = signedIn(ctx);
  const query = childDiaryQuery(s, user.role);
  const found = query(ctx.changes, param(ctx, 'childId'), user.id, user.schoolId ?? '');
  return thenKept(found, foundScopes);
}

/** The one row's scopes, or 404 when the look-up found nothing. */
function foundScopes([scoped]: readonly ScopeVersions[]): ScopeVersions {
  if (!scoped) throw notFound();
  return scoped;
}

const classDiaryQuery = perRole(
  (db, role) =>
    compiledOnce(db, (classId, userId, schoolId) =>
      db
        .selectFrom('classes')
        .select((eb) => [
          'classes.id',
          eb
            .selectFrom('versions')
            .select('version')
            .where('scope', '=', sql<string>`'class:' || ${sql.ref('classes.id')}`)
            .as('version'),
        ])
        .where('classes.id', '=', classId)
        .where((eb) => {
          switch (role) {
            case 'teacher':
            case 'school_admin':
              return eb('classes.school_id', '=', schoolId);
            case 'parent':
            case 'student':
              return eb.exists(
                eb
                  .selectFrom('children')
                  .select('children.id')
                  .whereRef('children.class_id', '=', 'classes.id')
                  .where(childVisibleTo(callerOf(role, userId, schoolId))),
              );
          }
        }),
    ),
  (row) => ({ scopes: [`class:${row.id}`], versions: [row.version ?? 0] }),
);

/**
 * A class's timetable, substitutions and homework: authorised as `visibleClass` does (staff of
 * its school, families of its pupils), with its version read in the same statement.
 */
function classDiary(s: Services, ctx: RequestContext<RouteSpec>): Kept<ScopeVersions> {
  const user = signedIn(ctx);
  const query = classDiaryQuery(s, user.role);
  return thenKept(
    query(ctx.changes, param(ctx, 'classId'), user.id, user.schoolId ?? ''),
    foundScopes,
  );
}

/**
 * The reads served from the read cache, by `group.name` of core's route table. Parents read far
 * more than teachers write: these are the diary pages they open again and again.
 */
export const CACHED_ROUTES: Readonly<Record<string, CacheRule>> = {
  'attendance.list': { scopes: childDiary },
  'grades.finalMarks': { scopes: childDiary },
  'grades.list': { scopes: childDiary },
  'grades.summary': { scopes: childDiary },
  'homework.list': { scopes: childDiary },
  // The week is built from the class's lessons alone (weekTimetable), whoever may see the class.
  'schedule.week': { scopes: classDiary, perRole: true },
};
