// Small checks of what the SDK reads back from places it does not control (its own storage, other
// tabs, the server's error answers), written by hand so that they run without zod: they guard the
// client whether or not answers are checked against core's schemas (`validateResponses`).
import {
  API_ERROR_CODES,
  isErrorCode,
  type ApiErrorCode,
  type FieldError,
  type JournalBatchResult,
  type Message,
  type User,
} from '@school-diary/core';
import type { ContractIssue } from './errors';
import type { OutboxNote } from './outbox-link';

type Record_ = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);
const isOptional = <T>(value: unknown, is: (v: unknown) => v is T): value is T | undefined =>
  value === undefined || is(value);

/**
 * A kept session: tokens, access-token expiry (`expiresAt`, in milliseconds since the epoch by
 * the client's clock) and user.
 *
 * @example
 * const kept: StoredSession = { accessToken, refreshToken, expiresAt: Date.now() + 900_000, user };
 */
export interface StoredSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
  readonly user: User;
}

/** Whether a kept user has what the client reads from it (id and role). */
const isUser = (value: unknown): value is User =>
  isObject(value) && isString(value.id) && value.id !== '' && isString(value.role);

/** A kept session, or `undefined` for anything that is not one. */
export function storedSessionOf(value: unknown): StoredSession | undefined {
  if (!isObject(value)) return undefined;
  const { accessToken, refreshToken, expiresAt, user } = value;
  return isString(accessToken) &&
    accessToken !== '' &&
    isString(refreshToken) &&
    refreshToken !== '' &&
    isNumber(expiresAt) &&
    isUser(user)
    ? { accessToken, refreshToken, expiresAt, user }
    : undefined;
}

/** What one tab tells the others, or `undefined` for any other message. */
export function tabMessageOf(
  value: unknown,
): { session: StoredSession | null; previous: string | null } | undefined {
  if (!isObject(value)) return undefined;
  const session = value.session === null ? null : storedSessionOf(value.session);
  const previous = value.previous;
  if (session === undefined || !(previous === null || isString(previous))) return undefined;
  return { session, previous };
}

/** A cached read as it is kept, or `undefined` for a damaged entry. */
export function cacheEntryOf(
  value: unknown,
): { body: unknown; etag?: string; savedAt: number } | undefined {
  if (!isObject(value) || !isNumber(value.savedAt) || !isOptional(value.etag, isString))
    return undefined;
  return {
    body: value.body,
    savedAt: value.savedAt,
    ...(value.etag === undefined ? {} : { etag: value.etag }),
  };
}

const isFieldError = (value: unknown): value is FieldError =>
  isObject(value) && isString(value.path) && isErrorCode(value.code) && isString(value.message);

const isFieldErrors = (value: unknown): value is FieldError[] =>
  Array.isArray(value) && value.every(isFieldError);

/** One message of the outbox's queue as it is kept. */
export interface KeptOutboxItem {
  readonly id: string;
  readonly threadId: string;
  readonly text: string;
  readonly attachmentIds: readonly string[];
  readonly createdAt: number;
  readonly state: 'pending' | 'failed';
  readonly error?: { code: string; message: string; fields: FieldError[] };
  /** A journal batch instead of a message: the class and the batch as `journal.save` takes it. */
  readonly journal?: {
    readonly classId: string;
    readonly batch: Readonly<Record<string, unknown>>;
  };
}

const isKeptItem = (value: unknown): value is KeptOutboxItem =>
  isObject(value) &&
  isString(value.id) &&
  isString(value.threadId) &&
  isString(value.text) &&
  Array.isArray(value.attachmentIds) &&
  value.attachmentIds.every(isString) &&
  isNumber(value.createdAt) &&
  (value.state === 'pending' || value.state === 'failed') &&
  (value.journal === undefined ||
    (isObject(value.journal) &&
      isString(value.journal.classId) &&
      isObject(value.journal.batch))) &&
  (value.error === undefined ||
    (isObject(value.error) &&
      isString(value.error.code) &&
      isString(value.error.message) &&
      isFieldErrors(value.error.fields)));

/** The outbox's kept queue, or `undefined` when it is damaged. */
export function keptOutboxOf(value: unknown): KeptOutboxItem[] | undefined {
  return Array.isArray(value) && value.every(isKeptItem) ? value : undefined;
}

/**
 * A note from another outbox of the same queue (see `outbox-link.ts`), or `undefined` for any
 * other message. The server's answer it carries is checked as far as the outbox's listeners read
 * it: a message's ids and text, a batch result's lesson and rows; the rest comes as it came.
 */
export function outboxNoteOf(value: unknown): OutboxNote | undefined {
  if (!isObject(value)) return undefined;
  const { kind, item, message, result } = value;
  if (kind === 'changed') return { kind };
  if (!isKeptItem(item)) return undefined;
  if (kind === 'sent' && isSentMessage(message, item.id))
    return { kind, item, message: message as unknown as Message };
  if (kind === 'saved' && isBatchResult(result, item.id))
    return { kind, item, result: result as unknown as JournalBatchResult };
  return undefined;
}

const isSentMessage = (value: unknown, id: string) =>
  isObject(value) &&
  value.id === id &&
  isString(value.threadId) &&
  isString(value.text) &&
  isString(value.sentAt) &&
  Array.isArray(value.attachments);

const isBatchResult = (value: unknown, id: string) =>
  isObject(value) &&
  value.batchId === id &&
  isObject(value.lesson) &&
  isString(value.lesson.id) &&
  Array.isArray(value.rows) &&
  value.rows.every((row) => isObject(row) && isString(row.childId) && isString(row.status)) &&
  Array.isArray(value.students);

/** The `error` of an error answer. */
export interface ErrorAnswer {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly fields: FieldError[];
  readonly retryAfterSeconds?: number;
}

/**
 * The `error` of an error answer (`{ error: { code, message, fields } }`), or the places where the
 * body breaks that shape.
 */
export function errorAnswerOf(
  body: unknown,
): { ok: true; error: ErrorAnswer } | { ok: false; issues: ContractIssue[] } {
  const error = isObject(body) ? body.error : undefined;
  if (!isObject(error)) return { ok: false, issues: [{ path: 'error', code: 'invalid_type' }] };
  const { code, message, fields, retryAfterSeconds: retry } = error;
  const issues: ContractIssue[] = [];
  if (!(API_ERROR_CODES as readonly unknown[]).includes(code))
    issues.push({ path: 'error.code', code: 'invalid_value' });
  if (!isString(message)) issues.push({ path: 'error.message', code: 'invalid_type' });
  if (!isFieldErrors(fields)) issues.push({ path: 'error.fields', code: 'invalid_type' });
  if (!(retry === undefined || (isNumber(retry) && retry >= 0)))
    issues.push({ path: 'error.retryAfterSeconds', code: 'invalid_type' });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    error: {
      code: code as ApiErrorCode,
      message: message as string,
      fields: fields as FieldError[],
      ...(retry === undefined ? {} : { retryAfterSeconds: retry as number }),
    },
  };
}
