// The request-level failure codes, in a module without zod: the message catalogue
// (`./validation`) needs the list, not the schema.

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
  'provider_not_linked',
  'provider_ticket_invalid',
  'identity_mismatch',
  'provider_unavailable',
  'school_not_found',
  'school_not_connected',
  'school_not_linked',
  'child_exists',
  'already_linked',
  'link_code_required',
  'roster_id_taken',
  'application_exists',
  'invalid_transition',
  'application_withdrawn',
  'too_few_marked',
  'handoff_invalid',
  'handoff_expired',
  'handoff_used',
  'handoff_declined',
  'in_use',
  'import_cancelled',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
] as const;

/** A request-level failure code. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];
