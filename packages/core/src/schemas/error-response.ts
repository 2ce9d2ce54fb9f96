import {
  type z,
  array,
  enum as enumOf,
  nonnegative,
  number,
  object,
  optional,
  string,
} from 'zod/mini';
import { API_ERROR_CODES } from '../messages/api-error-codes.js';
import { ERROR_CODES } from '../messages/error-codes.js';

export { API_ERROR_CODES, type ApiErrorCode } from '../messages/api-error-codes.js';

/** One field's failure inside an error response. */
export const fieldErrorSchema = object({
  path: string(),
  code: enumOf(ERROR_CODES),
  message: string(),
});

/**
 * Every failure the API answers with:
 * `{ "error": { "code", "message", "fields": [{ "path", "code", "message" }] } }`.
 */
export const errorResponseSchema = object({
  error: object({
    code: enumOf(API_ERROR_CODES),
    message: string(),
    fields: array(fieldErrorSchema),
    retryAfterSeconds: optional(number().check(nonnegative())),
  }),
});

/** The error response body. */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
