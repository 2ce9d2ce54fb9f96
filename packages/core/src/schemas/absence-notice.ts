import {
  type z,
  array,
  boolean,
  enum as enumOf,
  maxLength,
  minLength,
  number,
  object,
  optional,
  string,
} from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { dateOrderCheck, idSchema, isoDateSchema, textSchema, timestampSchema } from './common.js';
import { attendanceStatusSchema } from './attendance.js';

/** Why a parent says their child will be away: ill, or away for a reason the school accepts. */
export const ABSENCE_NOTICE_REASONS = ['ill', 'absent_excused'] as const;
/** The reason of an absence notice. */
export type AbsenceNoticeReason = (typeof ABSENCE_NOTICE_REASONS)[number];

/** The state of an absence notice: sent, or seen by a teacher. */
export const ABSENCE_NOTICE_STATUSES = ['submitted', 'acknowledged'] as const;

/** A lesson an absence notice covers. */
export const noticeLessonSchema = object({
  lessonId: idSchema,
  date: isoDateSchema,
  number: number(),
  subjectName: string(),
});

/**
 * A parent's notice that their child will miss school: whole days (`from`–`to`) or chosen
 * lessons of those days, with a reason and an optional file (a doctor's note). The class teacher
 * and the teachers of the lessons see it ahead and it pre-fills their attendance.
 */
export const absenceNoticeSchema = object({
  id: idSchema,
  childId: idSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  reason: enumOf(ABSENCE_NOTICE_REASONS),
  comment: optional(string()),
  /** The lessons it covers: the chosen ones, else every lesson of the days. */
  lessons: array(noticeLessonSchema),
  /** True when the parent chose lessons rather than whole days. */
  chosenLessons: boolean(),
  attachment: optional(attachmentSchema),
  status: enumOf(ABSENCE_NOTICE_STATUSES),
  createdAt: timestampSchema,
  acknowledgedAt: optional(timestampSchema),
  /** Who acknowledged it: the teacher's name as the family sees it. */
  acknowledgedBy: optional(string()),
});
/** An absence notice. */
export type AbsenceNotice = z.infer<typeof absenceNoticeSchema>;

/**
 * A parent reports an absence ahead. `from` must be today or later (the server checks it in the
 * school's time zone, code `past_date`); `to` defaults to `from`.
 */
export const absenceNoticeInputSchema = object({
  from: isoDateSchema,
  to: optional(isoDateSchema),
  /** Only these lessons of the days; all of them when absent. */
  lessonIds: optional(array(idSchema).check(minLength(1), maxLength(40))),
  reason: enumOf(ABSENCE_NOTICE_REASONS),
  comment: optional(textSchema(500)),
  attachmentId: optional(idSchema),
}).check(dateOrderCheck);

/** What a teacher sees of a notice: the notice and the child's name and class. */
export const incomingAbsenceNoticeSchema = object({
  ...absenceNoticeSchema.def.shape,
  childName: string(),
  className: string(),
});
/** An absence notice as a teacher sees it. */
export type IncomingAbsenceNotice = z.infer<typeof incomingAbsenceNoticeSchema>;

/** One pupil's line of a lesson's attendance sheet, pre-filled from absence notices. */
export const attendanceSheetEntrySchema = object({
  childId: idSchema,
  childName: string(),
  /** What was recorded, else what a notice says, else `present`. */
  status: attendanceStatusSchema,
  reason: optional(string()),
  /** Whether a teacher recorded it (false: pre-filled or not yet taken). */
  recorded: boolean(),
  noticeId: optional(idSchema),
});

/** A lesson's attendance sheet for its teacher. */
export const attendanceSheetSchema = object({
  lessonId: idSchema,
  date: isoDateSchema,
  entries: array(attendanceSheetEntrySchema),
});
