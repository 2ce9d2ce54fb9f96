/**
 * Every validation failure in the kit carries one of these stable codes. Server responses,
 * SDK errors and widgets all speak them; the wording lives in the message catalogue.
 */
export const ERROR_CODES = [
  // generic
  'required',
  'format',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_option',
  'unknown_field',
  // identifiers and personal data
  'checksum',
  'not_mobile',
  'latin_letters',
  'invalid_characters',
  'impossible_date',
  'future_date',
  'too_young',
  'too_old',
  'roman_numeral',
  // dates and periods
  'date_order',
  'time_order',
  'threshold_order',
  'outside_school_year',
  // files
  'file_too_large',
  'file_type',
  // passwords and codes
  'weak_password',
  'wrong_code',
  // links to a school
  'school_not_found',
  'unknown_reference',
  'roster_mismatch',
  // uniqueness
  'already_registered',
  // request shape and time (privacy and correctness)
  'nothing_to_change',
  'past_date',
  // applications
  'school_year_closed',
  // imported files
  'duplicate',
  'missing_column',
  'missing_file',
] as const;

/** A stable, machine-readable validation error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Type guard for {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
