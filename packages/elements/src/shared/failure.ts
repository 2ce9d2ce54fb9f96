import { apiErrorMessage, type ApiErrorCode, type FieldError, type Lang } from '@school-diary/core';
import { formatTime } from './dates';
import { sharedText } from './localize';

/** What went wrong with an SDK call, as a widget needs to know it. */
export type Failure =
  | {
      readonly kind: 'api';
      readonly code: ApiErrorCode;
      readonly message: string;
      readonly fields: readonly FieldError[];
      readonly retryAfterSeconds: number | undefined;
    }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'unexpected'; readonly message: string };

interface ApiErrorLike {
  readonly code: unknown;
  readonly fields?: unknown;
  readonly retryAfterSeconds?: unknown;
  readonly name?: unknown;
}

/**
 * Recognised by name, not `instanceof`: the SDK on the page may be another copy than ours. Its
 * code is one of core's request-level codes (`API_ERROR_CODES`).
 */
const isApiError = (e: ApiErrorLike): e is ApiErrorLike & { code: ApiErrorCode } =>
  e.name === 'DiaryApiError' && typeof e.code === 'string';

/**
 * Whether the cause of a network failure says the browser is online but the server is down or
 * refuses the page (`DiaryServerUnreachable`, from the provider's fetch): not the parent's
 * connection, so not «проверьте подключение».
 */
function isUnreachable(error: unknown): boolean {
  for (
    let e = error as { name?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth += 1
  ) {
    if (e.name === 'DiaryServerUnreachable') return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Where and when a failure is described: the widget's language, clock and time zone. */
export interface FailureContext {
  readonly lang: Lang;
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * Sorts an error thrown by an SDK call: an API answer (`DiaryApiError`: request code, field
 * errors, seconds to wait), no connection (`DiaryNetworkError`, or a failed `fetch`; «Дневник
 * временно недоступен» when the browser is online but the server is down or refuses the page's
 * origin), or anything else. The message is core's, in the widget's language (which may differ from the client's),
 * with the wait shown as a time in the school's zone. The widget keeps what the user typed.
 */
export function describeFailure(error: unknown, context: FailureContext): Failure {
  const { lang } = context;
  const e = (error ?? {}) as ApiErrorLike;
  if (isApiError(e)) {
    const seconds = typeof e.retryAfterSeconds === 'number' ? e.retryAfterSeconds : undefined;
    const until = new Date(context.now.getTime() + (seconds ?? 0) * 1000);
    const params = {
      seconds: seconds ?? '',
      until: seconds === undefined ? '' : formatTime(lang, until, context.timeZone),
    };
    return {
      kind: 'api',
      code: e.code,
      message: apiErrorMessage(e.code, { lang, params }),
      fields: Array.isArray(e.fields) ? (e.fields as FieldError[]) : [],
      retryAfterSeconds: seconds,
    };
  }
  if (e.name === 'DiaryNetworkError' || error instanceof TypeError) {
    const key = isUnreachable(error) ? 'serverUnavailable' : 'networkError';
    return { kind: 'network', message: sharedText(lang, key) };
  }
  return { kind: 'unexpected', message: sharedText(lang, 'unexpectedError') };
}
