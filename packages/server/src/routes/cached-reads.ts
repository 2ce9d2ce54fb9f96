import type { RouteSpec } from '@school-diary/core';
import { sql } from 'kysely';
import type { RequestContext } from '../http/register-routes';
import type { VersionScope } from '../read-cache/versions';
import type { AuthUser, Services } from '../services/context';
import { notFound } from '../services/domain-error';
import { visibleClass } from '../services/journal-access';
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
  ) => Promise<readonly VersionScope[] | ScopeVersions>;
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

/**
 * A child's diary: the child's own data and their class's (subjects, lessons, periods). The child
 * is authorised exactly as `visibleChild` does (`childVisibleTo`), and both scopes' versions are read in the
 * same statement.
 */
async function childDiary(s: Services, ctx: RequestContext<RouteSpec>): Promise<ScopeVersions> {
  const user = signedIn(ctx);
  const childId = param(ctx, 'childId');
  const row = await s.db
    .selectFrom('children')
    .select((eb) => [
      'children.id',
      'children.class_id',
      eb
        .selectFrom('versions')
        .select('version')
        .where('scope', '=', `child:${childId}`)
        .as('child_version'),
      eb
        .selectFrom('versions')
        .select('version')
        .where('scope', '=', sql<string>`'class:' || ${sql.ref('children.class_id')}`)
        .as('class_version'),
    ])
    .where('children.id', '=', childId)
    .where(childVisibleTo(user))
    .executeTakeFirst();
  if (!row) throw notFound();
  const scopes: VersionScope[] = [`child:${row.id}`];
  const versions = [row.child_version ?? 0];
  if (row.class_id) {
    scopes.push(`class:${row.class_id}`);
    versions.push(row.class_version ?? 0);
  }
  return { scopes, versions };
}

/** A class's timetable, substitutions and homework. */
async function classDiary(s: Services, ctx: RequestContext<RouteSpec>) {
  const cls = await visibleClass(s, signedIn(ctx), param(ctx, 'classId'));
  return [`class:${cls.id}`] as const;
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
