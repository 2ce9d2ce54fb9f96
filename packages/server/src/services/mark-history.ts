import type { AuditAction, MarkChange, MarkHistory } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { insertionOrder } from '../db/dialect';
import type { AuthUser, Services } from './context';
import { notFound } from './domain-error';
import { markValue, shortName } from './journal-views';
import { visibleChild } from './policy';

const ACTIONS = {
  'marks.create': 'created',
  'marks.update': 'updated',
  'marks.delete': 'deleted',
} as const satisfies Partial<Record<AuditAction, MarkChange['action']>>;

/** What the audit entry of a mark write keeps (see `auditedFields`). */
interface AuditedMark {
  readonly childId?: string;
  readonly subjectId?: string;
  readonly old?: { readonly value?: string | number };
  readonly new?: { readonly value?: string | number };
}

const valueOf = (side: AuditedMark['old']) =>
  side?.value === undefined ? undefined : markValue(String(side.value));

/** The audited writes of one mark, oldest first, with their authors' names. */
function auditedWrites(db: Kysely<Database>, markId: string) {
  return db
    .selectFrom('audit')
    .leftJoin('users', 'users.id', 'audit.actor_id')
    .select(['audit.action', 'audit.at', 'audit.detail'])
    .select(['users.last_name', 'users.first_name', 'users.middle_name'])
    .where('audit.target', '=', markId)
    .where('audit.action', 'in', Object.keys(ACTIONS) as (keyof typeof ACTIONS)[])
    .where('audit.outcome', '=', 'success')
    .orderBy(insertionOrder(db, 'audit'))
    .execute();
}

/**
 * The history of a mark from the audit log: each time it was given, corrected or removed, when,
 * by which teacher, and its value before and after. Answers for a removed mark too; only to
 * those who may see the child (else 404, as for a mark that never existed). A correction whose
 * entry kept no old value (a journal batch) takes it from the change before.
 *
 * @example
 * const { changes } = await markHistory(s, user, 'mrk_1'); // [{ action: 'updated', from: 4, to: 5, … }]
 */
export async function markHistory(
  s: Services,
  user: AuthUser,
  markId: string,
): Promise<MarkHistory> {
  const rows = await auditedWrites(s.db, markId);
  const details = rows.map((r) => JSON.parse(r.detail ?? '{}') as AuditedMark);
  const current = await s.db
    .selectFrom('marks')
    .select(['child_id', 'subject_id'])
    .where('id', '=', markId)
    .executeTakeFirst();
  const childId = current?.child_id ?? details.find((d) => d.childId)?.childId;
  const subjectId = current?.subject_id ?? details.find((d) => d.subjectId)?.subjectId;
  if (!childId || !subjectId) throw notFound();
  await visibleChild(s, user, childId);
  let last: MarkChange['to'];
  const changes = rows.map((row, i): MarkChange => {
    const detail = details[i] ?? {};
    const action = ACTIONS[row.action as keyof typeof ACTIONS];
    const from = action === 'created' ? undefined : (valueOf(detail.old) ?? last);
    const to = action === 'deleted' ? undefined : valueOf(detail.new);
    last = to;
    const by = row.last_name
      ? shortName({
          last_name: row.last_name,
          first_name: row.first_name ?? '',
          middle_name: row.middle_name,
        })
      : '';
    return {
      action,
      at: row.at,
      by,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    };
  });
  return { markId, childId, subjectId, changes };
}
