import {
  type z,
  array,
  enum as enumOf,
  int,
  maximum,
  minimum,
  number,
  object,
  string,
} from 'zod/mini';
import { isoDateSchema } from './identifiers.js';
import { idSchema, schoolYearSchema } from './common.js';

/** How a school year is divided. */
export const PERIOD_KINDS = ['quarter', 'trimester', 'half_year', 'year'] as const;
/** Zod schema of a period kind. */
export const periodKindSchema = enumOf(PERIOD_KINDS);
/** A period kind. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period: a quarter, trimester or half-year (or the whole year). */
export const periodSchema = object({
  id: idSchema,
  kind: periodKindSchema,
  number: number().check(int(), minimum(1), maximum(4)),
  name: string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
});
/** A reporting period. */
export type Period = z.infer<typeof periodSchema>;

/** A school year with its periods. */
export const schoolYearInfoSchema = object({
  id: idSchema,
  schoolId: idSchema,
  name: schoolYearSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  periodKind: periodKindSchema,
  periods: array(periodSchema),
});
/** A school year. */
export type SchoolYearInfo = z.infer<typeof schoolYearInfoSchema>;
