import { AUDIT_ACTIONS, ROLES, startOfDayIn, type AuditEntry, type Role } from '@school-diary/core';
import type { Selectable } from 'kysely';
import { insertionOrder } from '../db/dialect';
import type { Database } from '../db/schema';
import { notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { shortName } from '../services/journal-views';
import { assertAdminOf } from '../services/policy';

type AuditRow = Selectable<Database['audit']> & {
  readonly last_name: string | null;
  readonly first_name: string | null;
  readonly middle_name: string | null;
};

/** The actor's surname and initials, while the actor's account exists. */
function actorName(row: AuditRow): string | undefined {
  const { last_name, first_name, middle_name } = row;
  if (last_name === null || first_name === null) return undefined;
  return shortName({ last_name, first_name, middle_name });
}

function view(row: AuditRow): AuditEntry {
  const role = (ROLES as readonly string[]).includes(row.actor_role ?? '')
    ? (row.actor_role as Role)
    : undefined;
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id ?? undefined,
    actorName: actorName(row),
    actorRole: role,
    action: row.action,
    target: row.target ?? undefined,
    ip: row.ip,
    outcome: row.outcome as AuditEntry['outcome'],
    detail: row.detail ?? undefined,
  };
}

/** The audit log, read by the school's own admins only. */
export function auditHandlers(s: Services): Handlers['audit'] {
  return {
    async list({ params, query, user }) {
      assertAdminOf(s, user, params.schoolId);
      const school = await s.db
        .selectFrom('schools')
        .select('time_zone')
        .where('id', '=', params.schoolId)
        .executeTakeFirst();
      if (!school) throw notFound();
      // Only core's codes: an entry a past version wrote under a code since dropped stays out
      // of the answer, which core's schema checks (the operator's `audit` command still shows it).
      let q = s.db
        .selectFrom('audit')
        .where('audit.school_id', '=', params.schoolId)
        .where('audit.action', 'in', AUDIT_ACTIONS);
      const { from, to, action, outcome } = query;
      if (from) q = q.where('audit.at', '>=', startOfDayIn(from, school.time_zone));
      if (to) q = q.where('audit.at', '<', startOfDayIn(to, school.time_zone, 1));
      if (action) q = q.where('audit.action', '=', action);
      if (outcome) q = q.where('audit.outcome', '=', outcome);
      const { total } = await q
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .leftJoin('users', 'users.id', 'audit.actor_id')
        .selectAll('audit')
        .select(['users.last_name', 'users.first_name', 'users.middle_name'])
        .orderBy('audit.at', 'desc')
        .orderBy(insertionOrder(s.db, 'audit'), 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return {
        items: rows.map(view),
        total: Number(total),
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  };
}
