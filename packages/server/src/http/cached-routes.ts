import type { RouteSpec } from '@school-diary/core';
import type { AuthUser, Services } from '../services/context';
import { visibleClass } from '../services/journal-access';
import { visibleChild } from '../services/policy';
import type { VersionScope } from '../services/versions';
import { notFound } from './api-error';
import type { RequestContext } from './register-routes';

/** How a cached read is authorised, what it depends on, and whose answers may be shared. */
export interface CacheRule {
  /**
   * Runs on every request, hit or miss, before the cache is looked at: throws the route's denial
   * (404 for what is not the caller's) and returns the data scopes whose versions every write
   * that could change the answer bumps.
   */
  readonly scopes: (
    s: Services,
    ctx: RequestContext<RouteSpec>,
  ) => Promise<readonly VersionScope[]>;
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

/** A child's diary: the child's own data and their class's (subjects, lessons, periods). */
async function childDiary(s: Services, ctx: RequestContext<RouteSpec>) {
  const child = await visibleChild(s, signedIn(ctx), param(ctx, 'childId'));
  const scopes: VersionScope[] = [`child:${child.id}`];
  if (child.class_id) scopes.push(`class:${child.class_id}`);
  return scopes;
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
