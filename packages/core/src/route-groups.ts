/**
 * Loads the `auth` group with its schemas, on its own: what a client's session (refresh, logout)
 * needs whatever its table, without making every other group a chunk of the client's bundle.
 *
 * @example
 * const { operations } = await loadAuthRoutes();
 */
export const loadAuthRoutes = () => import('./route-schemas/auth');

/**
 * Loads the `threads` group with its schemas, on its own: what an outbox needs to send messages
 * whatever its client's table.
 *
 * @example
 * const { operations } = await loadThreadsRoutes();
 * operations.send.body.parse({ id: 'msg_1', text: 'Добрый день' });
 */
export const loadThreadsRoutes = () => import('./route-schemas/threads');

/**
 * Loads the schemas of one group of operations: each entry is a dynamic `import()` of the group's
 * module, whose `operations` are the group's full routes (the manifest's info with params, query,
 * body and response schemas). A bundler makes each group a chunk of its own, so a client loads
 * zod and a group's schemas on the group's first call, not with the page.
 *
 * @example
 * const { operations } = await routeGroups.grades();
 * operations.list.response.parse(body);
 */
export const routeGroups = {
  auth: loadAuthRoutes,
  admin: () => import('./route-schemas/admin'),
  children: () => import('./route-schemas/children'),
  schools: () => import('./route-schemas/schools'),
  classes: () => import('./route-schemas/classes'),
  applications: () => import('./route-schemas/applications'),
  grades: () => import('./route-schemas/grades'),
  thresholds: () => import('./route-schemas/thresholds'),
  schedule: () => import('./route-schemas/schedule'),
  homework: () => import('./route-schemas/homework'),
  attendance: () => import('./route-schemas/attendance'),
  threads: loadThreadsRoutes,
  attachments: () => import('./route-schemas/attachments'),
  notifications: () => import('./route-schemas/notifications'),
  portfolio: () => import('./route-schemas/portfolio'),
  news: () => import('./route-schemas/news'),
  notes: () => import('./route-schemas/notes'),
  support: () => import('./route-schemas/support'),
  audit: () => import('./route-schemas/audit'),
  events: () => import('./route-schemas/events'),
  dev: () => import('./route-schemas/dev'),
};

/**
 * A group of operations that has schemas to load.
 *
 * @example
 * const group: RouteGroupName = 'grades';
 * const { operations } = await routeGroups[group]();
 */
export type RouteGroupName = keyof typeof routeGroups;
