import type { DiaryClient } from '@school-diary/sdk';
import type { Group, WidgetClient } from '../shared/client';

/** The SDK client as `<diary-homework>` needs it: the child's homework, its files, live events. */
export interface HomeworkClient extends WidgetClient {
  readonly homework: Group<'homework', 'list' | 'setDone'>;
  readonly attachments: Group<'attachments', 'download'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** A client that also reads and changes the user's notification settings (the overdue alert). */
export interface AlertClient extends HomeworkClient {
  readonly notifications: Group<'notifications', 'settings' | 'updateSettings'>;
}

/** Whether every `group.operation` path names a function of the client. */
function provides(client: object | undefined, paths: readonly string[]): boolean {
  if (!client) return false;
  return paths.every((path) => {
    const [group, op] = path.split('.') as [string, string];
    const part = (client as Record<string, Record<string, unknown> | undefined>)[group];
    return typeof part?.[op] === 'function';
  });
}

/** Whether the provider's client can serve `<diary-homework>` (a full SDK client can). */
export const isHomeworkClient = (client: WidgetClient | undefined): client is HomeworkClient =>
  provides(client, ['homework.list', 'homework.setDone', 'attachments.download', 'events.on']);

/** Whether the client can switch the overdue alert (a full SDK client can). */
export const canSwitchAlert = (client: HomeworkClient): client is AlertClient =>
  provides(client, ['notifications.settings', 'notifications.updateSettings']);
