import { type z, discriminatedUnion, literal, object, optional, string } from 'zod/mini';
import { applicationSchema } from './application.js';
import { messageSchema } from './chat.js';
import { idSchema, timestampSchema } from './common.js';
import { markSchema } from './mark.js';
import { notificationSchema } from './notification.js';
import { homeworkSchema, substitutionSchema } from './timetable.js';

/* @__NO_SIDE_EFFECTS__ */
function event<T extends string, D extends z.ZodMiniType>(type: T, data: D) {
  return /* @__PURE__ */ object({
    id: /* @__PURE__ */ string(),
    type: /* @__PURE__ */ literal(type),
    childId: /* @__PURE__ */ optional(idSchema),
    at: timestampSchema,
    data,
  });
}

/**
 * A live event on the server-sent event stream at `/api/v1/events`. The SSE `event:` field is
 * the `type`, the `id:` field the `id` (for `Last-Event-ID` resume), the `data:` this JSON.
 */
export const liveEventSchema = /* @__PURE__ */ discriminatedUnion('type', [
  /* @__PURE__ */ event('mark.created', markSchema),
  /* @__PURE__ */ event('mark.updated', markSchema),
  /* @__PURE__ */ event(
    'mark.deleted',
    /* @__PURE__ */ object({ id: idSchema, childId: idSchema, subjectId: idSchema }),
  ),
  /* @__PURE__ */ event('homework.created', homeworkSchema),
  /* @__PURE__ */ event('substitution.created', substitutionSchema),
  /* @__PURE__ */ event('message.created', messageSchema),
  /* @__PURE__ */ event(
    'message.read',
    /* @__PURE__ */ object({ threadId: idSchema, userId: idSchema, upToMessageId: idSchema }),
  ),
  /* @__PURE__ */ event('notification.created', notificationSchema),
  /* @__PURE__ */ event('application.updated', applicationSchema),
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
