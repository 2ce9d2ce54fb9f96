import type { RouteSpec } from './route';
import { operations as auth } from './route-schemas/auth';
import { operations as admin } from './route-schemas/admin';
import { operations as children } from './route-schemas/children';
import { operations as schools } from './route-schemas/schools';
import { operations as classes } from './route-schemas/classes';
import { operations as applications } from './route-schemas/applications';
import { operations as grades } from './route-schemas/grades';
import { operations as thresholds } from './route-schemas/thresholds';
import { operations as schedule } from './route-schemas/schedule';
import { operations as homework } from './route-schemas/homework';
import { operations as attendance } from './route-schemas/attendance';
import { operations as threads } from './route-schemas/threads';
import { operations as attachments } from './route-schemas/attachments';
import { operations as notifications } from './route-schemas/notifications';
import { operations as portfolio } from './route-schemas/portfolio';
import { operations as news } from './route-schemas/news';
import { operations as notes } from './route-schemas/notes';
import { operations as support } from './route-schemas/support';
import { operations as audit } from './route-schemas/audit';
import { operations as events } from './route-schemas/events';
import { operations as dev } from './route-schemas/dev';

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
  children,
  schools,
  classes,
  applications,
  grades,
  thresholds,
  schedule,
  homework,
  attendance,
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
