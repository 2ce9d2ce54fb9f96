import { z } from 'zod/mini';
import { applicationSchema } from './application';
import { messageSchema } from './chat';
import { idSchema, timestampSchema } from './common';
import { markSchema } from './mark';
import { notificationSchema } from './notification';
import { homeworkSchema, substitutionSchema } from './timetable';

function event<T extends string, D extends z.ZodMiniType>(type: T, data: D) {
  return z.object({
    id: z.string(),
    type: z.literal(type),
    childId: z.optional(idSchema),
    at: timestampSchema,
    data,
  });
}

/**
 * A live event on the server-sent event stream at `/api/v1/events`. The SSE `event:` field is
 * the `type`, the `id:` field the `id` (for `Last-Event-ID` resume), the `data:` this JSON.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  event('mark.created', markSchema),
  event('mark.updated', markSchema),
  event('mark.deleted', z.object({ id: idSchema, childId: idSchema, subjectId: idSchema })),
  event('homework.created', homeworkSchema),
  event('substitution.created', substitutionSchema),
  event('message.created', messageSchema),
  event(
    'message.read',
    z.object({ threadId: idSchema, userId: idSchema, upToMessageId: idSchema }),
  ),
  event('notification.created', notificationSchema),
  event('application.updated', applicationSchema),
]);
/** A live event. */
export type LiveEvent = z.infer<typeof liveEventSchema>;
/** The type of a live event. */
export type LiveEventType = LiveEvent['type'];
/** Every live event type. */
export const LIVE_EVENT_TYPES = [
  'mark.created',
  'mark.updated',
  'mark.deleted',
  'homework.created',
  'substitution.created',
  'message.created',
  'message.read',
  'notification.created',
  'application.updated',
] as const satisfies readonly LiveEventType[];
