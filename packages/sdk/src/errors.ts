import type { ApiErrorCode, FieldError, RouteSpec } from '@school-diary/core';

/**
 * The base of every error the SDK throws (aborts excepted: they reject with the signal's reason,
 * as `fetch` does). Each subclass has a stable `code`.
 *
 * @example
 * try {
 *   await client.children.list();
 * } catch (error) {
 *   if (error instanceof DiaryError) console.log(error.code);
 * }
 */
export abstract class DiaryError extends Error {
  /** A stable code to branch on; the message is for people. */
  abstract readonly code: string;
}

/**
 * What the server said about a failed request, as {@link DiaryApiError} carries it.
 *
 * @example
 * new DiaryApiError({ status: 404, code: 'not_found', message: 'Не найдено' });
 */
export interface DiaryApiErrorInit {
  /** HTTP status. */
  readonly status: number;
  /** The server's request-level code, e.g. `validation_failed` or `not_found`. */
  readonly code: ApiErrorCode;
  /** The server's message in the requested language. */
  readonly message: string;
  /** One entry per invalid field (path, code, localised message). */
  readonly fields?: readonly FieldError[];
  /** How long to wait before trying again, when the server said so. */
  readonly retryAfterSeconds?: number;
  /** Who may call the operation that failed, from core's route table. */
  readonly access?: RouteSpec['access'];
}

/**
 * The server refused a request: its error response, field by field, so a form can show each
 * field's message next to the field.
 *
 * @example
 * try {
 *   await client.children.create(input);
 * } catch (error) {
 *   if (error instanceof DiaryApiError && error.code === 'validation_failed') {
 *     for (const field of error.fields) form.showError(field.path, field.message);
 *   }
 * }
 */
export class DiaryApiError extends DiaryError {
  override readonly name = 'DiaryApiError';
  /** HTTP status. */
  readonly status: number;
  /** The server's request-level code (see `API_ERROR_CODES` in `@school-diary/core`). */
  readonly code: ApiErrorCode;
  /** Field errors: `path` on the wire (`snils`, `lessons.2.room`), error `code`, localised `message`. */
  readonly fields: readonly FieldError[];
  /** Seconds to wait before trying again (rate limits, locked accounts), when given. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * Who may call the operation that failed (`public`, `authenticated` or its roles, from core's
   * route table), when the SDK made the call. A `forbidden` answer to an account whose role is not
   * among them refuses the role itself: asking again, or for another record, cannot help.
   *
   * @example
   * const roleRefused =
   *   error.code === 'forbidden' && Array.isArray(error.access) && !error.access.includes(user.role);
   */
  readonly access: RouteSpec['access'] | undefined;

  constructor(init: DiaryApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.access = init.access;
  }

  /**
   * The error of one field, if it has one.
   *
   * @example
   * error.field('snils')?.message; // 'Неверное контрольное число СНИЛС'
   */
  field(path: string): FieldError | undefined {
    return this.fields.find((f) => f.path === path);
  }
}

/**
 * Why a request never got an answer.
 *
 * @example
 * if (error instanceof DiaryNetworkError && error.code === 'timeout') retryLater();
 */
export type DiaryNetworkErrorCode = 'offline' | 'timeout' | 'load_failed';

/**
 * The request got no answer: `offline` when the server could not be reached (no connection, DNS,
 * refused or reset connection, CORS), `timeout` when it did not answer in time, `load_failed`
 * when a part of the SDK loaded on first use (a group's schemas) could not be fetched; the next
 * call loads it again. Safe requests were already retried before this is thrown.
 *
 * @example
 * try {
 *   await client.grades.list({ childId });
 * } catch (error) {
 *   if (error instanceof DiaryNetworkError) showBanner('Нет связи с сервером');
 * }
 */
export class DiaryNetworkError extends DiaryError {
  override readonly name = 'DiaryNetworkError';
  /** `offline` or `timeout`. */
  readonly code: DiaryNetworkErrorCode;

  constructor(code: DiaryNetworkErrorCode, options?: { cause?: unknown; what?: string }) {
    super(
      code === 'timeout'
        ? 'The server did not answer in time'
        : code === 'load_failed'
          ? `A part of the client (${options?.what}) could not be loaded`
          : 'The server cannot be reached',
      options,
    );
    this.code = code;
  }
}

/**
 * One place where an answer breaks its schema.
 *
 * @example
 * // { path: 'items.0.value', code: 'invalid_union' }
 * console.warn(error.issues.map((i) => `${i.path}: ${i.code}`).join('\n'));
 */
export interface ContractIssue {
  /** Dotted path inside the answer (`items.3.value`); `''` for the whole answer. */
  readonly path: string;
  /** What is wrong there (zod's issue code, e.g. `invalid_type`). */
  readonly code: string;
}

/**
 * The server answered, but not with what core's route table promises (a missing field, a wrong
 * type, HTML instead of JSON). Thrown at once, so a broken contract is never a silent `undefined`
 * three components later.
 *
 * @example
 * try {
 *   await client.grades.list({ childId });
 * } catch (error) {
 *   if (error instanceof DiaryContractError) report(error.operation, error.issues);
 * }
 */
export class DiaryContractError extends DiaryError {
  override readonly name = 'DiaryContractError';
  /** Always `contract_violation`. */
  readonly code = 'contract_violation';
  /** The operation whose answer was wrong, e.g. `GET /api/v1/children/{childId}/grades`. */
  readonly operation: string;
  /** HTTP status of the answer. */
  readonly status: number;
  /** Where the answer breaks its schema. */
  readonly issues: readonly ContractIssue[];

  constructor(operation: string, status: number, issues: readonly ContractIssue[]) {
    const where = issues.map((i) => `${i.path || '(root)'}: ${i.code}`).join('; ');
    super(`The answer of ${operation} (HTTP ${status}) breaks the API contract: ${where}`);
    this.operation = operation;
    this.status = status;
    this.issues = issues;
  }
}
