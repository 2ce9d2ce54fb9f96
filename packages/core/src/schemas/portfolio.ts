import { type z, array, enum as enumOf, maxLength, object, optional, string } from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { isoDateSchema } from '../identifiers/birth-date.js';
import { idSchema, textSchema, timestampSchema } from './common.js';

/** Kinds of portfolio items. */
export const PORTFOLIO_KINDS = [
  'work',
  'project',
  'exam_result',
  'certificate',
  'diploma',
] as const;
/** Levels of an achievement. */
export const ACHIEVEMENT_LEVELS = [
  'school',
  'municipal',
  'regional',
  'federal',
  'international',
] as const;

/** A teacher's comment on a portfolio item. */
export const portfolioCommentSchema = /* @__PURE__ */ object({
  id: idSchema,
  authorId: idSchema,
  authorName: /* @__PURE__ */ string(),
  text: /* @__PURE__ */ string(),
  createdAt: timestampSchema,
});

/** A portfolio item of a child. */
export const portfolioItemSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  kind: /* @__PURE__ */ enumOf(PORTFOLIO_KINDS),
  title: /* @__PURE__ */ string(),
  description: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  date: isoDateSchema,
  subjectId: /* @__PURE__ */ optional(idSchema),
  periodId: /* @__PURE__ */ optional(idSchema),
  level: /* @__PURE__ */ optional(/* @__PURE__ */ enumOf(ACHIEVEMENT_LEVELS)),
  attachment: /* @__PURE__ */ optional(attachmentSchema),
  comments: /* @__PURE__ */ array(portfolioCommentSchema),
  createdBy: idSchema,
  createdAt: timestampSchema,
});
/** A portfolio item. */
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

/** Adding a portfolio item. */
export const portfolioInputSchema = /* @__PURE__ */ object({
  kind: /* @__PURE__ */ enumOf(PORTFOLIO_KINDS),
  title: /* @__PURE__ */ textSchema(200),
  description: /* @__PURE__ */ optional(
    /* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(2000)),
  ),
  date: isoDateSchema,
  subjectId: /* @__PURE__ */ optional(idSchema),
  periodId: /* @__PURE__ */ optional(idSchema),
  level: /* @__PURE__ */ optional(/* @__PURE__ */ enumOf(ACHIEVEMENT_LEVELS)),
  attachmentId: /* @__PURE__ */ optional(idSchema),
});

/** A teacher comments on an item. */
export const portfolioCommentInputSchema = /* @__PURE__ */ object({
  text: /* @__PURE__ */ textSchema(2000),
});
