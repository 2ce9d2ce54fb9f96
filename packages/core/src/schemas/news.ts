import { type z, enum as enumOf, maxLength, object, optional, partial, string } from 'zod/mini';
import { isoDateSchema } from './identifiers.js';
import { idSchema, pageQueryShape, textSchema, timestampSchema } from './common.js';

/** School news and events. */
export const newsItemSchema = object({
  id: idSchema,
  schoolId: idSchema,
  kind: enumOf(['news', 'event']),
  title: string(),
  body: string(),
  publishedAt: timestampSchema,
  eventDate: optional(isoDateSchema),
  location: optional(string()),
});
/** A news item or event. */
export type NewsItem = z.infer<typeof newsItemSchema>;

/** Publishing news or an event. */
export const newsInputSchema = object({
  kind: enumOf(['news', 'event']),
  title: textSchema(200),
  body: textSchema(10_000),
  eventDate: optional(isoDateSchema),
  location: optional(string().check(maxLength(200))),
});

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
