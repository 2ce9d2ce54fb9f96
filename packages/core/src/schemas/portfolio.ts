import {
  type z,
  array,
  enum as enumOf,
  maxLength,
  null as nullOf,
  object,
  optional,
  pipe,
  string,
  transform,
  union,
} from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { isoDateSchema } from './common.js';
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

/**
 * Changing a portfolio item: only the fields given change. `attachmentId: null` removes the file;
 * a new id replaces it with the caller's own fresh upload. Tags (`subjectId`, `periodId`, `level`)
 * set to `null` are cleared.
 */
export const portfolioPatchSchema = object({
  kind: optional(enumOf(PORTFOLIO_KINDS)),
  title: optional(textSchema(200)),
  description: optional(union([nullOf(), string().check(maxLength(2000))])),
  date: optional(isoDateSchema),
  subjectId: optional(union([nullOf(), idSchema])),
  periodId: optional(union([nullOf(), idSchema])),
  level: optional(union([nullOf(), enumOf(ACHIEVEMENT_LEVELS)])),
  attachmentId: optional(union([nullOf(), idSchema])),
});
/** A change to a portfolio item as typed. */
export type PortfolioPatch = z.input<typeof portfolioPatchSchema>;

/**
 * Filters of a child's portfolio: by tag (subject, period, level), by kind, and `q`, words that
 * must all occur in the title or the description (case-insensitive).
 */
export const portfolioQuerySchema = object({
  subjectId: optional(idSchema),
  periodId: optional(idSchema),
  level: optional(enumOf(ACHIEVEMENT_LEVELS)),
  kind: optional(enumOf(PORTFOLIO_KINDS)),
  q: optional(
    pipe(
      string().check(maxLength(100)),
      transform((v: string) => v.trim()),
    ),
  ),
});
/** Portfolio filters as typed. */
export type PortfolioQuery = z.input<typeof portfolioQuerySchema>;
