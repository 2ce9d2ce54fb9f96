import { MemoryApiError } from './memory-diary';
import { inRange, signedIn, type MemoryHandler } from './memory-access';

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
      .map(({ schoolId: _school, ...entry }) => entry);
    return {
      items: all.slice((page - 1) * pageSize, page * pageSize),
      total: all.length,
      page,
      pageSize,
    };
  },
};
