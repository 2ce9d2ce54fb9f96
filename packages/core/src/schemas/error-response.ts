import { z } from 'zod/mini';
import { API_ERROR_CODES } from '../api-error-codes';
import { ERROR_CODES } from '../error-codes';

export { API_ERROR_CODES, type ApiErrorCode } from '../api-error-codes';

/** One field's failure inside an error response. */
export const fieldErrorSchema = /* @__PURE__ */ z.object({
  path: /* @__PURE__ */ z.string(),
  code: /* @__PURE__ */ z.enum(ERROR_CODES),
  message: /* @__PURE__ */ z.string(),
});

/**
 * Every failure the API answers with:
 * `{ "error": { "code", "message", "fields": [{ "path", "code", "message" }] } }`.
 */
export const errorResponseSchema = /* @__PURE__ */ z.object({
  error: /* @__PURE__ */ z.object({
    code: /* @__PURE__ */ z.enum(API_ERROR_CODES),
    message: /* @__PURE__ */ z.string(),
    fields: /* @__PURE__ */ z.array(fieldErrorSchema),
    retryAfterSeconds: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.nonnegative()),
    ),
  }),
});

/** The error response body. */
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
