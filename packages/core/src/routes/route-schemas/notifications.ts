import { okSchema, pageOf } from '../../schemas/common.js';
import {
  notificationQuerySchema,
  notificationSchema,
  notificationSettingsPatchSchema,
  notificationSettingsSchema,
} from '../../schemas/notification.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.notifications;

/** The operations of `notifications` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: notificationQuerySchema,
    response: pageOf(notificationSchema),
  }),
  markRead: withSchemas(m.markRead, { response: notificationSchema }),
  markAllRead: withSchemas(m.markAllRead, { response: okSchema }),
  settings: withSchemas(m.settings, { response: notificationSettingsSchema }),
  updateSettings: withSchemas(m.updateSettings, {
    body: notificationSettingsPatchSchema,
    response: notificationSettingsSchema,
  }),
};
