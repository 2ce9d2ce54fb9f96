import { z } from 'zod/mini';
import { attachmentSchema } from './attachment';
import { dateSchema, idSchema, textSchema, timestampSchema } from './common';

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
export const portfolioCommentSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  authorId: idSchema,
  authorName: /* @__PURE__ */ z.string(),
  text: /* @__PURE__ */ z.string(),
  createdAt: timestampSchema,
});

/** A portfolio item of a child. */
export const portfolioItemSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  kind: /* @__PURE__ */ z.enum(PORTFOLIO_KINDS),
  title: /* @__PURE__ */ z.string(),
  description: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  date: dateSchema,
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  periodId: /* @__PURE__ */ z.optional(idSchema),
  level: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(ACHIEVEMENT_LEVELS)),
  attachment: /* @__PURE__ */ z.optional(attachmentSchema),
  comments: /* @__PURE__ */ z.array(portfolioCommentSchema),
  createdBy: idSchema,
  createdAt: timestampSchema,
});
/** A portfolio item. */
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

/** Adding a portfolio item. */
export const portfolioInputSchema = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.enum(PORTFOLIO_KINDS),
  title: /* @__PURE__ */ textSchema(200),
  description: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(2000)),
  ),
  date: dateSchema,
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  periodId: /* @__PURE__ */ z.optional(idSchema),
  level: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(ACHIEVEMENT_LEVELS)),
  attachmentId: /* @__PURE__ */ z.optional(idSchema),
});

/** A teacher comments on an item. */
export const portfolioCommentInputSchema = /* @__PURE__ */ z.object({
  text: /* @__PURE__ */ textSchema(2000),
});
