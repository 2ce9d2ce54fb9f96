import { type z, array, discriminatedUnion, literal, object, optional, string } from 'zod/mini';
import { absenceNoticeSchema } from './absence-notice.js';
import { applicationSchema } from './application.js';
import { plannedAssessmentSchema } from './assessment.js';
import { attendanceSchema } from './attendance.js';
import { messageSchema } from './chat.js';
import { idSchema, timestampSchema } from './common.js';
import { journalCellSchema, journalLessonSchema } from './journal.js';
import { markSchema } from './mark.js';
import { ticketSchema } from './support.js';
import { notificationSchema } from './notification.js';
import { homeworkSchema, substitutionSchema } from './timetable.js';

/* @__NO_SIDE_EFFECTS__ */
function event<T extends string, D extends z.ZodMiniType>(type: T, data: D) {
  return object({
    id: string(),
    type: literal(type),
    childId: optional(idSchema),
    at: timestampSchema,
    data,
  });
}

/**
 * A change of a class journal, to the teachers of its class and subject (another teacher, another
 * tab): the lesson as it now is and the cells the batch wrote.
 */
export const journalUpdateSchema = object({
  classId: idSchema,
  subjectId: idSchema,
  /** The batch that made the change (a tab skips its own). */
  batchId: string(),
  lesson: journalLessonSchema,
  cells: array(journalCellSchema),
});
/** A change of a class journal. */
export type JournalUpdate = z.infer<typeof journalUpdateSchema>;

/**
 * A live event on the server-sent event stream at `/api/v1/events`. The SSE `event:` field is
 * the `type`, the `id:` field the `id` (for `Last-Event-ID` resume), the `data:` this JSON.
 */
export const liveEventSchema = discriminatedUnion('type', [
  event('mark.created', markSchema),
  event('mark.updated', markSchema),
  event('mark.deleted', object({ id: idSchema, childId: idSchema, subjectId: idSchema })),
  event('homework.created', homeworkSchema),
  /** Homework ticked «сделано» (or the tick taken back) for the event's child, as the family sees it. */
  event('homework.done', homeworkSchema),
  /** Homework changed by its teacher (text, due date, files), as the class's families see it. */
  event('homework.updated', homeworkSchema),
  event('substitution.created', substitutionSchema),
  event('message.created', messageSchema),
  event('message.read', object({ threadId: idSchema, userId: idSchema, upToMessageId: idSchema })),
  event('notification.created', notificationSchema),
  event('application.updated', applicationSchema),
  event('ticket.updated', ticketSchema),
  event('attendance.recorded', attendanceSchema),
  event('absence-notice.updated', absenceNoticeSchema),
  event('assessment.planned', plannedAssessmentSchema),
  event('assessment.cancelled', object({ id: idSchema, classId: idSchema })),
  event('journal.updated', journalUpdateSchema),
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
  'homework.done',
  'homework.updated',
  'substitution.created',
  'message.created',
  'message.read',
  'notification.created',
  'application.updated',
  'ticket.updated',
  'attendance.recorded',
  'absence-notice.updated',
  'assessment.planned',
  'assessment.cancelled',
  'journal.updated',
] as const satisfies readonly LiveEventType[];
