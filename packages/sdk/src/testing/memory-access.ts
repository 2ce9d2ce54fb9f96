import type { Child, Lang, User } from '@school-diary/core';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** What a memory handler gets: validated input, the caller, the language. */
export interface MemoryRequest {
  readonly params: Record<string, string>;
  readonly query: Record<string, unknown>;
  readonly body: Record<string, unknown>;
  readonly user: User | undefined;
  readonly family: string | undefined;
  readonly lang: Lang;
}

/** A memory handler: returns the JSON (or CSV text) of the answer, `undefined` for 204. */
export type MemoryHandler = (diary: MemoryDiary, request: MemoryRequest) => unknown;

/** The answer for what does not exist or is not the caller's. */
export const notFound = (): MemoryApiError => new MemoryApiError(404, 'not_found');

/** The caller, or a 401. */
export function signedIn(request: MemoryRequest): User {
  if (!request.user) throw new MemoryApiError(401, 'unauthorized');
  return request.user;
}

/** A child the caller may see: their own family's, or any for staff (a test double's liberty). */
export function visibleChild(diary: MemoryDiary, request: MemoryRequest): Child {
  const user = signedIn(request);
  const childId = request.params.childId ?? request.body.childId ?? request.query.childId;
  const child = diary.data.children.find((c) => c.id === childId);
  const family = diary.familyOf(String(childId));
  if (!child || (['parent', 'student'].includes(user.role) && !family.includes(user.id)))
    throw notFound();
  return child;
}

/** Whether a date is within the query's `from`/`to`. */
export function inRange(date: string, query: Record<string, unknown>): boolean {
  const { from, to } = query as { from?: string; to?: string };
  return (!from || date >= from) && (!to || date <= to);
}
