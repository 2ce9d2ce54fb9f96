import { z } from 'zod/mini';
import { dateSchema, idSchema, pageQueryShape, textSchema, timestampSchema } from './common';

/** School news and events. */
export const newsItemSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  schoolId: idSchema,
  kind: /* @__PURE__ */ z.enum(['news', 'event']),
  title: /* @__PURE__ */ z.string(),
  body: /* @__PURE__ */ z.string(),
  publishedAt: timestampSchema,
  eventDate: /* @__PURE__ */ z.optional(dateSchema),
  location: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
/** A news item or event. */
export type NewsItem = z.infer<typeof newsItemSchema>;

/** Publishing news or an event. */
export const newsInputSchema = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.enum(['news', 'event']),
  title: /* @__PURE__ */ textSchema(200),
  body: /* @__PURE__ */ textSchema(10_000),
  eventDate: /* @__PURE__ */ z.optional(dateSchema),
  location: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)),
  ),
});

/** The news feed query. */
export const newsQuerySchema = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['news', 'event'])),
  ...pageQueryShape,
});

/** A parent's private note about a child's successes and difficulties. */
export const journalNoteSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  date: dateSchema,
  kind: /* @__PURE__ */ z.enum(['success', 'difficulty']),
  text: /* @__PURE__ */ z.string(),
  plan: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A journal note. */
export type JournalNote = z.infer<typeof journalNoteSchema>;

/** Writing a note. */
export const journalNoteInputSchema = /* @__PURE__ */ z.object({
  date: dateSchema,
  kind: /* @__PURE__ */ z.enum(['success', 'difficulty']),
  text: /* @__PURE__ */ textSchema(4000),
  plan: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(4000)),
  ),
});

/** Changing a note. */
export const journalNotePatchSchema = /* @__PURE__ */ z.partial(journalNoteInputSchema);
