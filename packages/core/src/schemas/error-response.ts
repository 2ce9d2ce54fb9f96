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
export const fieldErrorSchema = /* @__PURE__ */ object({
  path: /* @__PURE__ */ string(),
  code: /* @__PURE__ */ enumOf(ERROR_CODES),
  message: /* @__PURE__ */ string(),
});

/**
 * Every failure the API answers with:
 * `{ "error": { "code", "message", "fields": [{ "path", "code", "message" }] } }`.
 */
export const errorResponseSchema = /* @__PURE__ */ object({
  error: /* @__PURE__ */ object({
    code: /* @__PURE__ */ enumOf(API_ERROR_CODES),
    message: /* @__PURE__ */ string(),
    fields: /* @__PURE__ */ array(fieldErrorSchema),
    retryAfterSeconds: /* @__PURE__ */ optional(
      /* @__PURE__ */ number().check(/* @__PURE__ */ nonnegative()),
    ),
  }),
});

/** The error response body. */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
