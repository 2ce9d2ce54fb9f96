import type { User } from '@school-diary/core';
import { MemoryApiError } from './memory-diary';
import { inRange, signedIn, type MemoryHandler } from './memory-access';

/** Surname and initials, `Кириллова Н. П.`, as the server names an entry's actor. */
const shortNameOf = (user: User): string =>
  [
    user.lastName,
    ...[user.firstName, user.middleName].flatMap((p) => (p ? [`${p[0]}.`] : [])),
  ].join(' ');

/** The memory client's answer for a school's audit log: its admin's, filtered, newest first, paged. */
export const AUDIT_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'audit.list': (diary, request) => {
    const user = signedIn(request);
    const schoolId = String(request.params.schoolId);
    if (user.schoolId !== schoolId) throw new MemoryApiError(403, 'forbidden');
    const { action, outcome } = request.query as { action?: string; outcome?: string };
    const page = Number(request.query.page ?? 1);
    const pageSize = Number(request.query.pageSize ?? 50);
    const all = (diary.data.auditLog ?? [])
      .filter(
        (e) =>
          e.schoolId === schoolId &&
          inRange(e.at.slice(0, 10), request.query) &&
          (!action || e.action === action) &&
          (!outcome || e.outcome === outcome),
      )
      .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
      .map(({ schoolId: _school, ...entry }) => {
        const actor = diary.data.users.find((u) => u.id === entry.actorId);
        return actor ? { ...entry, actorName: shortNameOf(actor) } : entry;
      });
    return {
      items: all.slice((page - 1) * pageSize, page * pageSize),
      total: all.length,
      page,
      pageSize,
    };
  },
};
