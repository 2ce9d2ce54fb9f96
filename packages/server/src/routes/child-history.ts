import { CHILD_CARD_FIELDS, type ChildHistoryEntry, type Role } from '@school-diary/core';
import type { AuthUser, Services } from '../services/context';
import { visibleChild } from '../services/policy';

const ACTIONS = {
  'children.update': 'updated',
  'children.link_school': 'school_linked',
  'children.unlink_school': 'school_unlinked',
} as const satisfies Record<string, ChildHistoryEntry['action']>;

type AuditAction = keyof typeof ACTIONS;
const AUDITED = Object.keys(ACTIONS) as AuditAction[];
const KNOWN_FIELDS: ReadonlySet<string> = new Set(CHILD_CARD_FIELDS);

/** The field names an update's audit entry lists (it never holds a value). */
function fieldsOf(detail: string | null): ChildHistoryEntry['fields'] {
  try {
    const parsed: unknown = JSON.parse(detail ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (f): f is ChildHistoryEntry['fields'][number] => typeof f === 'string' && KNOWN_FIELDS.has(f),
    );
  } catch {
    return [];
  }
}

/**
 * The history of a child's card for its family, newest first: the card's successful changes and
 * school links from the audit log, with who made them. A child outside the family is 404.
 */
export async function childHistory(
  s: Services,
  user: AuthUser,
  childId: string,
): Promise<ChildHistoryEntry[]> {
  const child = await visibleChild(s, user, childId);
  const rows = await s.db
    .selectFrom('audit')
    .leftJoin('users', 'users.id', 'audit.actor_id')
    .leftJoin('schools', 'schools.id', 'audit.school_id')
    .select([
      'audit.id',
      'audit.at',
      'audit.action',
      'audit.detail',
      'audit.actor_role',
      'users.last_name',
      'users.first_name',
      'users.middle_name',
      'schools.name as school_name',
    ])
    .where('audit.target', '=', child.id)
    .where('audit.outcome', '=', 'success')
    .where('audit.action', 'in', AUDITED)
    .orderBy('audit.at', 'desc')
    .orderBy('audit.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => {
    const action = ACTIONS[r.action as AuditAction];
    const name = [r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' ');
    return {
      id: r.id,
      at: r.at,
      action,
      fields: action === 'updated' ? fieldsOf(r.detail) : [],
      ...(action !== 'updated' && r.school_name ? { schoolName: r.school_name } : {}),
      actorName: name,
      ...(r.actor_role ? { actorRole: r.actor_role as Role } : {}),
    };
  });
}
