import type { DiaryClient } from '@school-diary/sdk';
import type { Group, WidgetClient } from '../shared/client';

/**
 * The SDK client as `<diary-notifications>` needs it: the feed, the settings, a parent's
 * thresholds with the subjects of the child, and live events.
 */
export interface NotificationsClient extends WidgetClient {
  readonly notifications: Group<
    'notifications',
    'list' | 'markRead' | 'markAllRead' | 'settings' | 'updateSettings'
  >;
  readonly thresholds: Group<'thresholds', 'list' | 'set' | 'remove'>;
  readonly children: WidgetClient['children'] & Group<'children', 'teachers'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

const NEEDED = [
  'notifications.list',
  'notifications.markRead',
  'notifications.markAllRead',
  'notifications.settings',
  'notifications.updateSettings',
  'thresholds.list',
  'thresholds.set',
  'thresholds.remove',
  'children.teachers',
  'events.on',
] as const;

/** Whether the provider's client can serve `<diary-notifications>` (a full SDK client can). */
export function isNotificationsClient(
  client: WidgetClient | undefined,
): client is NotificationsClient {
  if (!client) return false;
  return NEEDED.every((path) => {
    const [group, op] = path.split('.') as [string, string];
    const part = (client as unknown as Record<string, Record<string, unknown> | undefined>)[group];
    return typeof part?.[op] === 'function';
  });
}
