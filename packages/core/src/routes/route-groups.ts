/**
 * Loads the `auth` group with its schemas: what a client's session (refresh, logout) needs
 * whatever its table.
 *
 * @example
 * const { operations } = await loadAuthRoutes();
 */
export const loadAuthRoutes = () => import('./route-schemas/all.js').then((m) => m.auth);

/**
 * Loads the `threads` group with its schemas: what an outbox needs to send messages whatever its
 * client's table.
 *
 * @example
 * const { operations } = await loadThreadsRoutes();
 * operations.send.body.parse({ id: 'msg_1', text: 'Добрый день' });
 */
export const loadThreadsRoutes = () => import('./route-schemas/all.js').then((m) => m.threads);

/**
 * Loads the schemas of one group of operations: each entry resolves to the group's module, whose
 * `operations` are the group's full routes (the manifest's info with params, query, body and
 * response schemas). Every group comes from one dynamic `import()` of `route-schemas/all`, so a
 * bundler makes zod and all schemas one chunk that a client loads on its first call, not with the
 * page: one request, and one gzip stream (one chunk per group was measured: 35 chunks, ≈6 KB more
 * in total and a waterfall of requests).
 *
 * @example
 * const { operations } = await routeGroups.grades();
 * operations.list.response.parse(body);
 */
export const routeGroups = {
  auth: loadAuthRoutes,
  admin: () => import('./route-schemas/all.js').then((m) => m.admin),
  children: () => import('./route-schemas/all.js').then((m) => m.children),
  schools: () => import('./route-schemas/all.js').then((m) => m.schools),
  classes: () => import('./route-schemas/all.js').then((m) => m.classes),
  applications: () => import('./route-schemas/all.js').then((m) => m.applications),
  grades: () => import('./route-schemas/all.js').then((m) => m.grades),
  thresholds: () => import('./route-schemas/all.js').then((m) => m.thresholds),
  schedule: () => import('./route-schemas/all.js').then((m) => m.schedule),
  homework: () => import('./route-schemas/all.js').then((m) => m.homework),
  attendance: () => import('./route-schemas/all.js').then((m) => m.attendance),
  threads: loadThreadsRoutes,
  attachments: () => import('./route-schemas/all.js').then((m) => m.attachments),
  notifications: () => import('./route-schemas/all.js').then((m) => m.notifications),
  portfolio: () => import('./route-schemas/all.js').then((m) => m.portfolio),
  news: () => import('./route-schemas/all.js').then((m) => m.news),
  notes: () => import('./route-schemas/all.js').then((m) => m.notes),
  support: () => import('./route-schemas/all.js').then((m) => m.support),
  audit: () => import('./route-schemas/all.js').then((m) => m.audit),
  events: () => import('./route-schemas/all.js').then((m) => m.events),
  dev: () => import('./route-schemas/all.js').then((m) => m.dev),
};

/**
 * A group of operations that has schemas to load.
 *
 * @example
 * const group: RouteGroupName = 'grades';
 * const { operations } = await routeGroups[group]();
 */
export type RouteGroupName = keyof typeof routeGroups;
