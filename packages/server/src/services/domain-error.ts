import type { ApiErrorCode, ErrorCode, MessageParams } from '@school-diary/core';

/** A field failure; localised when the answer is written. */
export interface RawFieldError {
  readonly path: string;
  readonly code: ErrorCode;
  readonly params?: MessageParams;
  /** The message already worded by core's `validate`, in the request's language. */
  readonly message?: string;
}

/** Options of a {@link DomainError}. */
export interface DomainErrorOptions {
  readonly fields?: readonly RawFieldError[];
  /** Placeholders of the request-level message (`{seconds}`, `{until}`). */
  readonly params?: MessageParams;
  /** How long the caller should wait before trying again (lockouts, limits). */
  readonly retryAfterSeconds?: number;
}

/**
 * A rule of the diary refused what was asked: a stable `code` from core's list, the fields at
 * fault and the message's placeholders. The HTTP layer maps the code to a status and answers
 * `{ error: { code, message, fields } }` in the caller's language.
 *
 * @example
 * throw new DomainError('conflict');
 * throw fieldError('date', 'date_in_past');
 */
export class DomainError extends Error {
  readonly code: ApiErrorCode;
  readonly fields: readonly RawFieldError[];
  readonly params: MessageParams;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ApiErrorCode, options: DomainErrorOptions = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** What does not exist and what the caller may not know exists look the same. */
export const notFound = (): DomainError => new DomainError('not_found');
/** The caller's role may not do this. */
export const forbidden = (): DomainError => new DomainError('forbidden');
/** One field is wrong. */
export const fieldError = (path: string, code: ErrorCode, params?: MessageParams): DomainError =>
  new DomainError('validation_failed', {
    fields: [{ path, code, ...(params ? { params } : {}) }],
  });
