import { z } from 'zod/mini';
import { ERROR_CODES } from '../error-codes';

/** Codes of request-level failures (as opposed to a field's validation code). */
export const API_ERROR_CODES = [
  'validation_failed',
  'unauthorized',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'account_locked',
  'ip_blocked',
  'code_invalid',
  'code_expired',
  'code_attempts_exhausted',
  'resend_too_soon',
  'invalid_credentials',
  'identity_unconfirmed',
  'roster_mismatch',
  'school_not_found',
  'school_not_connected',
  'invalid_transition',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
] as const;

/** A request-level failure code. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

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
