import type { RouteSpec } from './route.js';
import { operations as auth } from './route-schemas/auth.js';
import { operations as admin } from './route-schemas/admin.js';
import { operations as setup } from './route-schemas/setup.js';
import { operations as imports } from './route-schemas/imports.js';
import { operations as children } from './route-schemas/children.js';
import { operations as schools } from './route-schemas/schools.js';
import { operations as classes } from './route-schemas/classes.js';
import { operations as applications } from './route-schemas/applications.js';
import { operations as grades } from './route-schemas/grades.js';
import { operations as thresholds } from './route-schemas/thresholds.js';
import { operations as schedule } from './route-schemas/schedule.js';
import { operations as homework } from './route-schemas/homework.js';
import { operations as attendance } from './route-schemas/attendance.js';
import { operations as absences } from './route-schemas/absences.js';
import { operations as journal } from './route-schemas/journal.js';
import { operations as threads } from './route-schemas/threads.js';
import { operations as attachments } from './route-schemas/attachments.js';
import { operations as notifications } from './route-schemas/notifications.js';
import { operations as portfolio } from './route-schemas/portfolio.js';
import { operations as news } from './route-schemas/news.js';
import { operations as notes } from './route-schemas/notes.js';
import { operations as support } from './route-schemas/support.js';
import { operations as audit } from './route-schemas/audit.js';
import { operations as events } from './route-schemas/events.js';
import { operations as dev } from './route-schemas/dev.js';

/**
 * Every operation of the diary API, grouped by resource. The server registers its handlers from
 * this table, the SDK derives `client.<group>.<operation>()` from it, and `docs/openapi.json` is
 * written from it. Ownership (whose child, which class) is checked by the server on top of the
 * roles listed in `access`. Each operation is declared once: its method, path and access in
 * `routeManifest` (no schemas, what the SDK loads with the page) and its schemas in its group's
 * module under `route-schemas/` (what the SDK loads on the group's first call).
 */
export const routes = {
  auth,
  admin,
  setup,
  imports,
  children,
  schools,
  classes,
  applications,
  grades,
  thresholds,
  schedule,
  homework,
  attendance,
  absences,
  journal,
  threads,
  attachments,
  notifications,
  portfolio,
  news,
  notes,
  support,
  audit,
  events,
  dev,
} as const;

/** The route table's type. */
export type Routes = typeof routes;
/** A group name of the route table. */
export type RouteGroup = keyof Routes;

/** Every route with its group and name, in table order. */
export function listRoutes(): { group: string; name: string; route: RouteSpec }[] {
  return Object.entries(routes).flatMap(([group, entries]) =>
    Object.entries(entries).map(([name, route]) => ({ group, name, route: route as RouteSpec })),
  );
}
