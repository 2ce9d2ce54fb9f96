import { type z, enum as enumOf, maxLength, object, optional, partial, string } from 'zod/mini';
import { isoDateSchema } from '../identifiers/birth-date.js';
import { idSchema, pageQueryShape, textSchema, timestampSchema } from './common.js';

/** School news and events. */
export const newsItemSchema = /* @__PURE__ */ object({
  id: idSchema,
  schoolId: idSchema,
  kind: /* @__PURE__ */ enumOf(['news', 'event']),
  title: /* @__PURE__ */ string(),
  body: /* @__PURE__ */ string(),
  publishedAt: timestampSchema,
  eventDate: /* @__PURE__ */ optional(isoDateSchema),
  location: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
});
/** A news item or event. */
export type NewsItem = z.infer<typeof newsItemSchema>;

/** Publishing news or an event. */
export const newsInputSchema = /* @__PURE__ */ object({
  kind: /* @__PURE__ */ enumOf(['news', 'event']),
  title: /* @__PURE__ */ textSchema(200),
  body: /* @__PURE__ */ textSchema(10_000),
  eventDate: /* @__PURE__ */ optional(isoDateSchema),
  location: /* @__PURE__ */ optional(
    /* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(200)),
  ),
});

/** The news feed query. */
export const newsQuerySchema = /* @__PURE__ */ object({
  kind: /* @__PURE__ */ optional(/* @__PURE__ */ enumOf(['news', 'event'])),
  ...pageQueryShape,
});

/** A parent's private note about a child's successes and difficulties. */
export const journalNoteSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  date: isoDateSchema,
  kind: /* @__PURE__ */ enumOf(['success', 'difficulty']),
  text: /* @__PURE__ */ string(),
  plan: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A journal note. */
export type JournalNote = z.infer<typeof journalNoteSchema>;

/** Writing a note. */
export const journalNoteInputSchema = /* @__PURE__ */ object({
  date: isoDateSchema,
  kind: /* @__PURE__ */ enumOf(['success', 'difficulty']),
  text: /* @__PURE__ */ textSchema(4000),
  plan: /* @__PURE__ */ optional(/* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(4000))),
});

/** Changing a note. */
export const journalNotePatchSchema = /* @__PURE__ */ partial(journalNoteInputSchema);
