import {
  type z,
  array,
  coerce,
  _default,
  enum as enumOf,
  int,
  iso,
  literal,
  maximum,
  meta,
  maxLength,
  minimum,
  minLength,
  nonnegative,
  number,
  object,
  optional,
  pipe,
  positive,
  refine,
  string,
  transform,
} from 'zod/mini';
import { TIME_OF_DAY_PATTERN } from '../calendar/quiet-hours.js';
import { checkDateOrder } from '../calendar/calendar-day.js';
import { checkIsoDate } from '../identifiers/birth-date.js';
import { ruleCheck } from './rule.js';

/**
 * A string of one shape, checked by `pattern` and worded by `field`'s messages (`time`, `week` …)
 * whatever the field is called on the wire, so a message names the expected format. The pattern
 * is also the JSON Schema `pattern` of the OpenAPI document.
 */
/* @__NO_SIDE_EFFECTS__ */
function shapedString(pattern: RegExp, field: string) {
  return string().check(
    ruleCheck((value: string) => (pattern.test(value) ? null : 'format'), { field }),
    meta({ pattern: pattern.source }),
  );
}

/** An opaque identifier of any entity: 1–64 characters of Latin letters, digits, `_` and `-`. */
export const idSchema = shapedString(/^[A-Za-z0-9_-]{1,64}$/, 'id');

/**
 * Zod schema of a calendar date on the wire: strict ISO `YYYY-MM-DD` that exists in the
 * calendar (codes `required`, `format`, `impossible_date`, field `date`). Every date field of the
 * domain schemas reuses it.
 *
 * @example
 * validate(isoDateSchema, '2026-02-30'); // { ok: false, errors: [{ code: 'impossible_date', … }] }
 */
export const isoDateSchema = string().check(
  ruleCheck(checkIsoDate, { field: 'date' }),
  meta({ format: 'date' }),
);

/** An instant on the wire: ISO 8601 date-time with offset, e.g. `2026-11-29T08:30:00.000Z`. */
export const timestampSchema = iso.datetime({ offset: true });

/** A time of day `HH:MM` (24-hour). */
export const timeOfDaySchema = shapedString(TIME_OF_DAY_PATTERN, 'time');

/** An ISO week `YYYY-Www`, e.g. `2026-W48`. */
export const isoWeekSchema = shapedString(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'week');

/** A school year `YYYY/YYYY`, the second year following the first, e.g. `2026/2027`. */
export const schoolYearSchema = string().check(
  ruleCheck(
    (v: string) =>
      /^\d{4}\/\d{4}$/.test(v) && Number(v.slice(5)) === Number(v.slice(0, 4)) + 1
        ? null
        : 'format',
    { field: 'schoolYear' },
  ),
  meta({ pattern: '^\\d{4}/\\d{4}$' }),
);

/**
 * Free text written by a person: at most `max` characters as sent (the one limit the server
 * enforces and the OpenAPI document states), then trimmed and non-empty.
 */
/* @__NO_SIDE_EFFECTS__ */
export function textSchema(max: number) {
  return pipe(
    string().check(maxLength(max)),
    pipe(
      transform((v: string) => v.trim()),
      string().check(minLength(1)),
    ),
  );
}

/** Query parameters of a paged list. */
export const pageQueryShape = {
  page: _default(coerce.number().check(int(), minimum(1), maximum(100_000)), 1),
  pageSize: _default(coerce.number().check(int(), minimum(1), maximum(100)), 20),
};

/** A page of items with the total count. */
/* @__NO_SIDE_EFFECTS__ */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return object({
    items: array(item),
    total: number().check(int(), nonnegative()),
    page: number().check(int(), positive()),
    pageSize: number().check(int(), positive()),
  });
}

/** A plain list of items. */
/* @__NO_SIDE_EFFECTS__ */
export function listOf<T extends z.ZodMiniType>(item: T) {
  return object({ items: array(item) });
}

/** A query flag given as `true`/`false`/`1`/`0`. */
export const queryFlagSchema = pipe(
  enumOf(['true', 'false', '1', '0']),
  transform((v: 'true' | 'false' | '1' | '0') => v === 'true' || v === '1'),
);

/** The body of an empty success. */
export const okSchema = object({ ok: literal(true) });

/** An optional inclusive date range in a query; `to` must not be before `from`. */
export const dateRangeShape = {
  from: optional(isoDateSchema),
  to: optional(isoDateSchema),
};

/** Adds the `date_order` rule (reported on `to`) to an object with `from` and `to`. */
export const dateOrderCheck = refine<{
  from?: string | undefined;
  to?: string | undefined;
}>((v) => checkDateOrder(v.from, v.to) === null, { path: ['to'], params: { code: 'date_order' } });
