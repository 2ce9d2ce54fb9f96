import {
  type z,
  array,
  enum as enumOf,
  int,
  maximum,
  maxLength,
  minimum,
  minLength,
  number,
  object,
  optional,
  refine,
  string,
} from 'zod/mini';
import { WEEK_PARITIES, weeksOf } from '../calendar/timetable-week.js';
import { idSchema, isoDateSchema } from './common.js';

const lessonNumberSchema = number().check(int(), minimum(0), maximum(12));
const roomSchema = string().check(minLength(1), maxLength(20));

/**
 * A lesson of a class's repeating week: weekday 1 (Monday) to 6 (Saturday), lesson number, and
 * `week` when it is on odd or even weeks only (absent: every week).
 */
export const templateLessonSchema = object({
  weekday: number().check(int(), minimum(1), maximum(6)),
  number: lessonNumberSchema,
  subjectId: idSchema,
  teacherId: idSchema,
  room: roomSchema,
  week: optional(enumOf(WEEK_PARITIES)),
});
/** A lesson of the repeating week. */
export type TemplateLesson = z.infer<typeof templateLessonSchema>;

/** What an exception does to one lesson of the template on one date. */
export const TIMETABLE_CHANGES = ['cancelled', 'replaced', 'moved'] as const;

/**
 * A date where the week does not repeat: the lesson `number` of `date` is cancelled, replaced
 * (another subject, teacher or room) or moved (to `toDate` and/or `toNumber`).
 */
export const timetableExceptionSchema = object({
  date: isoDateSchema,
  number: lessonNumberSchema,
  change: enumOf(TIMETABLE_CHANGES),
  subjectId: optional(idSchema),
  teacherId: optional(idSchema),
  room: optional(roomSchema),
  toDate: optional(isoDateSchema),
  toNumber: optional(lessonNumberSchema),
}).check(
  refine(
    (e) =>
      e.change !== 'replaced' ||
      e.subjectId !== undefined ||
      e.teacherId !== undefined ||
      e.room !== undefined,
    { path: ['subjectId'], params: { code: 'required' } },
  ),
  refine((e) => e.change !== 'moved' || e.toDate !== undefined || e.toNumber !== undefined, {
    path: ['toDate'],
    params: { code: 'required' },
  }),
);
/** An exception of the repeating week. */
export type TimetableException = z.infer<typeof timetableExceptionSchema>;

/** Whether no two lessons of a week share a weekday, number and week (odd or even). */
const oneLessonAtATime = (items: readonly TemplateLesson[]) => {
  const taken = items.flatMap((i) => weeksOf(i).map((w) => `${i.weekday}|${i.number}|${w}`));
  return new Set(taken).size === taken.length;
};

/**
 * A class's repeating week with its exceptions; one lesson per weekday and number, or one of the
 * odd and one of the even weeks.
 */
export const timetableTemplateSchema = object({
  items: array(templateLessonSchema).check(maxLength(160)),
  exceptions: array(timetableExceptionSchema).check(maxLength(200)),
}).check(
  refine((t) => oneLessonAtATime(t.items), {
    path: ['items'],
    params: { code: 'already_registered' },
  }),
);
/** A class's repeating week. */
export type TimetableTemplate = z.infer<typeof timetableTemplateSchema>;

/** Dates to make lessons for from the template: up to a school year (366 days). */
export const timetableGenerateInputSchema = object({
  from: isoDateSchema,
  to: isoDateSchema,
}).check(refine((r) => r.from <= r.to, { path: ['to'], params: { code: 'date_order' } }));

/**
 * What generating did: lessons made, lessons changed, lessons left as they were because marks,
 * attendance or homework hang on them, and lessons taken away (none of which had any).
 */
export const timetableGenerateResultSchema = object({
  created: number(),
  updated: number(),
  kept: number(),
  removed: number(),
});
/** The outcome of generating lessons. */
export type TimetableGenerateResult = z.infer<typeof timetableGenerateResultSchema>;
