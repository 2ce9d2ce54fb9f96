import { AUDIT_ACTION_GROUPS } from '@school-diary/core';
import type { AuditOptions } from './cli-args';
import { openDatabase } from './db/open';

/**
 * The audit log since an instant, oldest first, one tab-separated line per entry: when, outcome,
 * action, actor (id and role), target, IP, detail. For the operator, who reads every school's
 * entries and those of no school (failed sign-ins of unknown phones, IP blocks); alerts are the
 * entries whose detail starts with `ALERT:`.
 *
 * @example
 * await readAudit({ db: 'diary.sqlite', since: '2026-11-24T00:00:00.000Z', kind: 'auth' });
 */
export async function readAudit(options: AuditOptions): Promise<string[]> {
  const database = await openDatabase(options.db);
  try {
    let query = database.db
      .selectFrom('audit')
      .selectAll()
      .where('at', '>=', options.since)
      .orderBy('at')
      .orderBy('id');
    if (options.kind === 'auth') {
      // The actions of authentication and its alarms (`auth.…`, `security.…`).
      query = query.where('action', 'in', AUDIT_ACTION_GROUPS.signIn);
    }
    const rows = await query.execute();
    return rows.map((r) =>
      [
        r.at,
        r.outcome,
        r.action,
        r.actor_id ? `${r.actor_id} (${r.actor_role ?? '?'})` : '-',
        r.target ?? '-',
        r.ip || '-',
        r.detail ?? '',
      ].join('\t'),
    );
  } finally {
    await database.close();
  }
}
