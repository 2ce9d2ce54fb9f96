import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { adminHandlers } from './admin';
import { applicationsHandlers } from './applications';
import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { childrenHandlers } from './children';
import { devHandlers } from './dev';
import { notificationsHandlers } from './notifications';
import { classesHandlers, schoolsHandlers } from './schools';
import { supportHandlers } from './support';

/** Every handler of the server, by route-table group. */
export function createHandlers(s: Services): Handlers {
  return {
    auth: authHandlers(s),
    dev: devHandlers(s),
    admin: adminHandlers(s),
    children: childrenHandlers(s),
    schools: schoolsHandlers(s),
    classes: classesHandlers(s),
    applications: applicationsHandlers(s),
    support: supportHandlers(s),
    audit: auditHandlers(s),
    notifications: notificationsHandlers(s),
  };
}
