import {
  apiErrorMessage,
  type ApiErrorCode,
  type FieldError,
  type Lang,
  type Role,
} from '@school-diary/core';
import { formatTime } from './dates';
import { sharedText } from './localize';

/**
 * What went wrong with an SDK call, as a widget needs to know it. `retryable` says whether
 * running the same call again may succeed (no connection, a server error, too many attempts):
 * a widget offers «Повторить» only then. A refusal for the account's role, a missing record or
 * a rejected input stays what it is however often it is asked again.
 */
export type Failure =
  | {
      readonly kind: 'api';
      readonly code: ApiErrorCode;
      readonly message: string;
      readonly fields: readonly FieldError[];
      readonly retryAfterSeconds: number | undefined;
      readonly retryable: boolean;
    }
  | { readonly kind: 'network'; readonly message: string; readonly retryable: true }
  | { readonly kind: 'unexpected'; readonly message: string; readonly retryable: true };

/** API answers that the same request, asked again, gets again. */
const FINAL_CODES: ReadonlySet<ApiErrorCode> = new Set([
  'forbidden',
  'not_teaching',
  'other_school',
  'not_found',
  'validation_failed',
]);

interface ApiErrorLike {
  readonly code: unknown;
  readonly fields?: unknown;
  readonly retryAfterSeconds?: unknown;
  readonly name?: unknown;
  readonly access?: unknown;
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

/**
 * Where and when a failure is described: the widget's language, clock and time zone, and the
 * signed-in account's role (a refusal then names it: «не для учётной записи учителя»).
 */
export interface FailureContext {
  readonly lang: Lang;
  readonly now: Date;
  readonly timeZone: string;
  readonly role?: Role | undefined;
}

/**
 * A refusal (403). When the operation's roles (`access`, from core's route table through the SDK)
 * leave out the signed-in account's role, the widget's data is not for that role at all (a teacher
 * on a parent's page), and it says so: core's «У вас нет доступа к этому действию» would read as a
 * passing fault. A refusal of one record to a role that may call the operation keeps core's words.
 */
function refusalMessage(lang: Lang, e: ApiErrorLike, role: Role | undefined): string {
  if (!role || !Array.isArray(e.access) || (e.access as readonly unknown[]).includes(role))
    return apiErrorMessage('forbidden', { lang });
  return sharedText(lang, 'notForRole', { role: sharedText(lang, ROLE_KEYS[role]) });
}

/** The words of each role in «не для учётной записи …». */
export const ROLE_KEYS = {
  parent: 'roleParent',
  student: 'roleStudent',
  teacher: 'roleTeacher',
  school_admin: 'roleSchoolAdmin',
} as const satisfies Record<Role, string>;

/**
 * Sorts an error thrown by an SDK call: an API answer (`DiaryApiError`: request code, field
 * errors, seconds to wait), no connection (`DiaryNetworkError`, or a failed `fetch`; «Дневник
 * временно недоступен» when the browser is online but the server is down or refuses the page's
 * origin), or anything else. A refusal (403) says the data is not for the account's role. Other
 * messages are core's, in the widget's language (which may differ from the client's),
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
      message:
        e.code === 'forbidden'
          ? refusalMessage(lang, e, context.role)
          : apiErrorMessage(e.code, { lang, params }),
      fields: Array.isArray(e.fields) ? (e.fields as FieldError[]) : [],
      retryAfterSeconds: seconds,
      retryable: !FINAL_CODES.has(e.code),
    };
  }
  if (e.name === 'DiaryNetworkError' || error instanceof TypeError) {
    const key = isUnreachable(error) ? 'serverUnavailable' : 'networkError';
    return { kind: 'network', message: sharedText(lang, key), retryable: true };
  }
  return { kind: 'unexpected', message: sharedText(lang, 'unexpectedError'), retryable: true };
}
