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
export const portfolioCommentSchema = z.object({
  id: idSchema,
  authorId: idSchema,
  authorName: z.string(),
  text: z.string(),
  createdAt: timestampSchema,
});

/** A portfolio item of a child. */
export const portfolioItemSchema = z.object({
  id: idSchema,
  childId: idSchema,
  kind: z.enum(PORTFOLIO_KINDS),
  title: z.string(),
  description: z.optional(z.string()),
  date: dateSchema,
  subjectId: z.optional(idSchema),
  periodId: z.optional(idSchema),
  level: z.optional(z.enum(ACHIEVEMENT_LEVELS)),
  attachment: z.optional(attachmentSchema),
  comments: z.array(portfolioCommentSchema),
  createdBy: idSchema,
  createdAt: timestampSchema,
});
/** A portfolio item. */
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

/** Adding a portfolio item. */
export const portfolioInputSchema = z.object({
  kind: z.enum(PORTFOLIO_KINDS),
  title: textSchema(200),
  description: z.optional(z.string().check(z.maxLength(2000))),
  date: dateSchema,
  subjectId: z.optional(idSchema),
  periodId: z.optional(idSchema),
  level: z.optional(z.enum(ACHIEVEMENT_LEVELS)),
  attachmentId: z.optional(idSchema),
});

/** A teacher comments on an item. */
export const portfolioCommentInputSchema = z.object({ text: textSchema(2000) });
