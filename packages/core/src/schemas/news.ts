import { type z, enum as enumOf, maxLength, object, optional, partial, string } from 'zod/mini';
import { isoDateSchema, timeOfDaySchema } from './common.js';
import { idSchema, pageQueryShape, textSchema, timestampSchema } from './common.js';
import type { ErrorCode } from '../messages/error-codes.js';
import { ruleCheck } from './rule.js';

/** An image of a news item: its address (https, the site's own path, or a data URL) and alt text. */
export const newsImageSchema = object({
  url: string().check(
    maxLength(100_000),
    ruleCheck(
      (v: string) =>
        /^(https:\/\/|\/(?!\/)|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/.test(v)
          ? null
          : 'format',
      { field: 'imageUrl' },
    ),
  ),
  /** What the image shows, for those who cannot see it (required: an image is never decoration here). */
  alt: textSchema(300),
});

/** School news and events. */
export const newsItemSchema = object({
  id: idSchema,
  schoolId: idSchema,
  kind: enumOf(['news', 'event']),
  title: string(),
  body: string(),
  publishedAt: timestampSchema,
  eventDate: optional(isoDateSchema),
  /** The event's start, `HH:MM` in the school's time zone (an all-day event without it). */
  startTime: optional(timeOfDaySchema),
  endTime: optional(timeOfDaySchema),
  location: optional(string()),
  image: optional(newsImageSchema),
});
/** A news item or event. */
export type NewsItem = z.infer<typeof newsItemSchema>;

/** Publishing news or an event. */
export const newsInputSchema = object({
  kind: enumOf(['news', 'event']),
  title: textSchema(200),
  body: textSchema(10_000),
  eventDate: optional(isoDateSchema),
  startTime: optional(timeOfDaySchema),
  endTime: optional(timeOfDaySchema),
  location: optional(string().check(maxLength(200))),
  image: optional(newsImageSchema),
});

/** A field of a news item the rules across fields refuse, and why. */
export interface NewsInputProblem {
  readonly path: 'eventDate' | 'startTime' | 'endTime';
  readonly code: ErrorCode;
}

/**
 * The rules across the fields of {@link newsInputSchema} that no one field can check: an event
 * has a day, an end time needs a start time, and an event ends after it starts. The server refuses
 * what this finds and the publishing widget shows it before sending.
 *
 * @example
 * newsInputProblems({ kind: 'event', startTime: '18:00', endTime: '17:00' });
 * // [{ path: 'eventDate', code: 'required' }, { path: 'endTime', code: 'date_order' }]
 */
export function newsInputProblems(
  input: Pick<z.output<typeof newsInputSchema>, 'kind' | 'eventDate' | 'startTime' | 'endTime'>,
): NewsInputProblem[] {
  const problems: NewsInputProblem[] = [];
  if (input.kind === 'event' && !input.eventDate)
    problems.push({ path: 'eventDate', code: 'required' });
  if (input.endTime && !input.startTime) problems.push({ path: 'startTime', code: 'required' });
  if (input.startTime && input.endTime && input.endTime <= input.startTime)
    problems.push({ path: 'endTime', code: 'date_order' });
  return problems;
}

/** The news feed query. */
export const newsQuerySchema = object({
  kind: optional(enumOf(['news', 'event'])),
  ...pageQueryShape,
});

/** A parent's private note about a child's successes and difficulties. */
export const journalNoteSchema = object({
  id: idSchema,
  childId: idSchema,
  date: isoDateSchema,
  kind: enumOf(['success', 'difficulty']),
  text: string(),
  plan: optional(string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A journal note. */
export type JournalNote = z.infer<typeof journalNoteSchema>;

/** Writing a note. */
export const journalNoteInputSchema = object({
  date: isoDateSchema,
  kind: enumOf(['success', 'difficulty']),
  text: textSchema(4000),
  plan: optional(string().check(maxLength(4000))),
});

/** Changing a note. */
export const journalNotePatchSchema = partial(journalNoteInputSchema);
