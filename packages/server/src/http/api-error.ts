import type { ApiErrorCode, ErrorCode, MessageParams } from '@school-diary/core';

/** A field failure raised by a handler; localised when the response is written. */
export interface RawFieldError {
  readonly path: string;
  readonly code: ErrorCode;
  readonly params?: MessageParams;
  /** The message already worded by core's validation (with its limits filled in). */
  readonly message?: string;
}

/** Options of an {@link ApiError}. */
export interface ApiErrorOptions {
  readonly fields?: readonly RawFieldError[];
  /** Placeholders of the request-level message (`{seconds}`, `{until}`). */
  readonly params?: MessageParams;
  readonly retryAfterSeconds?: number;
}

/** Any failure a handler reports: answered as `{ error: { code, message, fields } }`. */
export class ApiError extends Error {
  readonly fields: readonly RawFieldError[];
  readonly params: MessageParams;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    options: ApiErrorOptions = {},
  ) {
    super(code);
    this.name = 'ApiError';
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** 404: what does not exist and what the caller may not know exists look the same. */
export const notFound = (): ApiError => new ApiError(404, 'not_found');
/** 403: the caller's role may not do this. */
export const forbidden = (): ApiError => new ApiError(403, 'forbidden');
/** 400 with one field error. */
export const fieldError = (path: string, code: ErrorCode, params?: MessageParams): ApiError =>
  new ApiError(400, 'validation_failed', {
    fields: [{ path, code, ...(params ? { params } : {}) }],
  });
