import { z } from 'zod/mini';
import { dateSchema, idSchema, pageQueryShape, textSchema, timestampSchema } from './common';

/** School news and events. */
export const newsItemSchema = z.object({
  id: idSchema,
  schoolId: idSchema,
  kind: z.enum(['news', 'event']),
  title: z.string(),
  body: z.string(),
  publishedAt: timestampSchema,
  eventDate: z.optional(dateSchema),
  location: z.optional(z.string()),
});
/** A news item or event. */
export type NewsItem = z.infer<typeof newsItemSchema>;

/** Publishing news or an event. */
export const newsInputSchema = z.object({
  kind: z.enum(['news', 'event']),
  title: textSchema(200),
  body: textSchema(10_000),
  eventDate: z.optional(dateSchema),
  location: z.optional(z.string().check(z.maxLength(200))),
});

/** The news feed query. */
export const newsQuerySchema = z.object({
  kind: z.optional(z.enum(['news', 'event'])),
  ...pageQueryShape,
});

/** A parent's private note about a child's successes and difficulties. */
export const journalNoteSchema = z.object({
  id: idSchema,
  childId: idSchema,
  date: dateSchema,
  kind: z.enum(['success', 'difficulty']),
  text: z.string(),
  plan: z.optional(z.string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A journal note. */
export type JournalNote = z.infer<typeof journalNoteSchema>;

/** Writing a note. */
export const journalNoteInputSchema = z.object({
  date: dateSchema,
  kind: z.enum(['success', 'difficulty']),
  text: textSchema(4000),
  plan: z.optional(z.string().check(z.maxLength(4000))),
});

/** Changing a note. */
export const journalNotePatchSchema = z.partial(journalNoteInputSchema);
