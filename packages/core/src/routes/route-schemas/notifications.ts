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
  list: /* @__PURE__ */ withSchemas(m.list, {
    query: notificationQuerySchema,
    response: /* @__PURE__ */ pageOf(notificationSchema),
  }),
  markRead: /* @__PURE__ */ withSchemas(m.markRead, { response: notificationSchema }),
  markAllRead: /* @__PURE__ */ withSchemas(m.markAllRead, { response: okSchema }),
  settings: /* @__PURE__ */ withSchemas(m.settings, { response: notificationSettingsSchema }),
  updateSettings: /* @__PURE__ */ withSchemas(m.updateSettings, {
    body: notificationSettingsPatchSchema,
    response: notificationSettingsSchema,
  }),
};
