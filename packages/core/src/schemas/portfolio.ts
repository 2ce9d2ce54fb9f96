import { type z, array, enum as enumOf, maxLength, object, optional, string } from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { isoDateSchema } from './identifiers.js';
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
export const portfolioCommentSchema = object({
  id: idSchema,
  authorId: idSchema,
  authorName: string(),
  text: string(),
  createdAt: timestampSchema,
});

/** A portfolio item of a child. */
export const portfolioItemSchema = object({
  id: idSchema,
  childId: idSchema,
  kind: enumOf(PORTFOLIO_KINDS),
  title: string(),
  description: optional(string()),
  date: isoDateSchema,
  subjectId: optional(idSchema),
  periodId: optional(idSchema),
  level: optional(enumOf(ACHIEVEMENT_LEVELS)),
  attachment: optional(attachmentSchema),
  comments: array(portfolioCommentSchema),
  createdBy: idSchema,
  createdAt: timestampSchema,
});
/** A portfolio item. */
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

/** Adding a portfolio item. */
export const portfolioInputSchema = object({
  kind: enumOf(PORTFOLIO_KINDS),
  title: textSchema(200),
  description: optional(string().check(maxLength(2000))),
  date: isoDateSchema,
  subjectId: optional(idSchema),
  periodId: optional(idSchema),
  level: optional(enumOf(ACHIEVEMENT_LEVELS)),
  attachmentId: optional(idSchema),
});

/** A teacher comments on an item. */
export const portfolioCommentInputSchema = object({
  text: textSchema(2000),
});
