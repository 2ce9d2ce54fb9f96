import { routeManifest } from './route-manifest.js';
import type * as AllGroupsModule from './route-schemas/all.js';

/** The groups of operations, the route table's keys (`auth`, `grades`, `threads` …). */
export type RouteGroupName = keyof typeof routeManifest;

/** Every group's module, as one dynamic import gives them. */
type AllGroups = typeof AllGroupsModule;

/**
 * Loads the schemas of one group of operations: the group's module, whose `operations` are the
 * group's full routes (the manifest's info with params, query, body and response schemas). Every
 * group comes from one dynamic `import()` of `route-schemas/all`, so a bundler makes zod and all
 * schemas one chunk that a client loads on its first call, not with the page: one request, and
 * one gzip stream (one chunk per group was measured: 35 chunks, ≈6 KB more in total and a
 * waterfall of requests).
 *
 * @example
 * const { operations } = await loadGroup('grades');
 * operations.list.response.parse(body);
 */
export function loadGroup<G extends RouteGroupName>(name: G): Promise<AllGroups[G]> {
  return import('./route-schemas/all.js').then((all) => all[name]);
}

/**
 * Loads the `auth` group with its schemas: what a client's session (refresh, logout) needs
 * whatever its table.
 *
 * @example
 * const { operations } = await loadAuthRoutes();
 */
export const loadAuthRoutes = (): Promise<AllGroups['auth']> => loadGroup('auth');

/**
 * Loads the `threads` group with its schemas: what an outbox needs to send messages whatever its
 * client's table.
 *
 * @example
 * const { operations } = await loadThreadsRoutes();
 * operations.send.body.parse({ id: 'msg_1', text: 'Добрый день' });
 */
export const loadThreadsRoutes = (): Promise<AllGroups['threads']> => loadGroup('threads');

/**
 * Each group's loader by name: `routeGroups.grades()` is `loadGroup('grades')`.
 *
 * @example
 * const { operations } = await routeGroups.grades();
 */
export const routeGroups = Object.fromEntries(
  Object.keys(routeManifest).map((name) => [name, () => loadGroup(name as RouteGroupName)]),
) as { readonly [G in RouteGroupName]: () => Promise<AllGroups[G]> };
