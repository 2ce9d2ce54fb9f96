import type { DiaryClient } from '@school-diary/sdk';
import type { Group, WidgetClient } from '../shared/client';

/** The SDK client as `<diary-upcoming-tests>` needs it: the child's planned tests, live events. */
export interface UpcomingTestsClient extends WidgetClient {
  readonly assessments: Group<'assessments', 'upcoming'>;
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/** Whether the provider's client can serve `<diary-upcoming-tests>` (a full SDK client can). */
export const isUpcomingTestsClient = (
  client: WidgetClient | undefined,
): client is UpcomingTestsClient => {
  const c = client as Partial<UpcomingTestsClient> | undefined;
  return typeof c?.assessments?.upcoming === 'function' && typeof c.events?.on === 'function';
};
