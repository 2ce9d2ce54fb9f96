import type { ApiErrorCode } from '@school-diary/core';

/** The HTTP status of each error code: a code always answers with the same status. */
export const STATUS_OF: Readonly<Record<ApiErrorCode, number>> = {
  validation_failed: 400,
  code_invalid: 400,
  code_expired: 400,
  roster_mismatch: 400,
  unauthorized: 401,
  token_expired: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  school_not_found: 404,
  conflict: 409,
  identity_unconfirmed: 409,
  school_not_connected: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  account_locked: 429,
  ip_blocked: 429,
  code_attempts_exhausted: 429,
  resend_too_soon: 429,
  internal: 500,
};
