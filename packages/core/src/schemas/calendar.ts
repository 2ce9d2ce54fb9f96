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
import { isoDateSchema } from '../identifiers/birth-date.js';
import { idSchema, schoolYearSchema } from './common.js';

/** How a school year is divided. */
export const PERIOD_KINDS = ['quarter', 'trimester', 'half_year', 'year'] as const;
/** Zod schema of a period kind. */
export const periodKindSchema = /* @__PURE__ */ enumOf(PERIOD_KINDS);
/** A period kind. */
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A reporting period: a quarter, trimester or half-year (or the whole year). */
export const periodSchema = /* @__PURE__ */ object({
  id: idSchema,
  kind: periodKindSchema,
  number: /* @__PURE__ */ number().check(
    /* @__PURE__ */ int(),
    /* @__PURE__ */ minimum(1),
    /* @__PURE__ */ maximum(4),
  ),
  name: /* @__PURE__ */ string(),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
});
/** A reporting period. */
export type Period = z.infer<typeof periodSchema>;

/** A school year with its periods. */
export const schoolYearInfoSchema = /* @__PURE__ */ object({
  id: idSchema,
  schoolId: idSchema,
  name: schoolYearSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  periodKind: periodKindSchema,
  periods: /* @__PURE__ */ array(periodSchema),
});
/** A school year. */
export type SchoolYearInfo = z.infer<typeof schoolYearInfoSchema>;
