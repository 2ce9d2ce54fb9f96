import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { readSettings, writeSettings } from '../services/notification-settings';
import { auditAs } from '../services/policy';

type SettingsHandlers = Pick<NonNullable<Handlers['notifications']>, 'settings' | 'updateSettings'>;

/**
 * The signed-in user's notification settings: channels (in-app, SMS, e-mail) per kind, the
 * digest of marks, the quiet hours of SMS and e-mail and the days before a planned test its
 * reminder comes. Merged into the `notifications` group beside the feed's handlers.
 */
export function notificationSettingsHandlers(s: Services): SettingsHandlers {
  return {
    settings: ({ user }) => readSettings(s.db, user),

    async updateSettings({ body, user, ip }) {
      return s.db.transaction().execute(async (trx) => {
        const settings = await writeSettings(trx, user, body);
        const changed = [
          ...Object.keys(body.kinds ?? {}),
          ...(body.digest ? ['digest'] : []),
          ...(body.quietHours !== undefined ? ['quietHours'] : []),
          ...(body.assessmentReminderDays !== undefined ? ['assessmentReminderDays'] : []),
        ];
        await auditAs(
          s,
          trx,
          { user, ip },
          { action: 'notifications.settings', detail: changed.join(', ') || null },
        );
        return settings;
      });
    },
  };
}
