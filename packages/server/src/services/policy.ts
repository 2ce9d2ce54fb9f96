import type { AuditAction, Child, Guardian } from '@school-diary/core';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from './domain-error';
import type { AuthUser, Services } from './context';
import type { DataKeyring } from './data-keys';

/** A row of the `children` table. */
export type ChildRow = Selectable<Database['children']>;

/**
 * The child if the caller may see it: a parent their own children, a student themself, a teacher
 * the children of classes they teach, a school admin the children of their school. Anyone else
 * gets 404 `not_found`, exactly as for a child that does not exist.
 *
 * @example
 * const child = await visibleChild(s, user, params.childId);
 */
export async function visibleChild(
  s: Services,
  user: AuthUser,
  childId: string,
): Promise<ChildRow> {
  const row = await s.db
    .selectFrom('children')
    .selectAll()
    .where('id', '=', childId)
    .where(childVisibleTo(user))
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * The condition on `children` rows that {@link visibleChild} applies: the children the caller may
 * see, by role. For queries that read more than the child in the same statement.
 *
 * @example
 * db.selectFrom('children').select('id').where('id', '=', childId).where(childVisibleTo(user));
 */
export function childVisibleTo(user: AuthUser) {
  return (eb: ExpressionBuilder<Database, 'children'>) => {
    switch (user.role) {
      case 'parent':
        return eb(
          'children.id',
          'in',
          eb.selectFrom('parent_children').select('child_id').where('parent_id', '=', user.id),
        );
      case 'student':
        return eb('children.student_user_id', '=', user.id);
      case 'teacher':
        return eb(
          'children.class_id',
          'in',
          eb.selectFrom('teaching').select('class_id').where('teacher_id', '=', user.id),
        );
      case 'school_admin':
        // The school's pupils, and the children linked to it while their application is open.
        return eb.or([
          eb('children.school_id', '=', user.schoolId ?? ''),
          eb(
            'children.id',
            'in',
            eb
              .selectFrom('school_links')
              .select('child_id')
              .where('school_links.school_id', '=', user.schoolId ?? ''),
          ),
        ]);
    }
  };
}

/**
 * The child if the caller is one of its parents; 404 `not_found` otherwise. For parent-only
 * writes (confirming the card, linking a school, applying).
 */
export async function ownChild(s: Services, user: AuthUser, childId: string): Promise<ChildRow> {
  if (user.role !== 'parent') throw notFound();
  return visibleChild(s, user, childId);
}

/** Ids of the classes a teacher teaches (any subject). */
export async function teacherClasses(s: Services, userId: string): Promise<string[]> {
  const rows = await s.db
    .selectFrom('teaching')
    .select('class_id')
    .distinct()
    .where('teacher_id', '=', userId)
    .execute();
  return rows.map((r) => r.class_id);
}

/** Throws 404 `not_found` unless the caller is a teacher of the class (and of the subject, if given). */
export async function assertTeaches(
  s: Services,
  user: AuthUser,
  classId: string,
  subjectId?: string,
): Promise<void> {
  if (user.role !== 'teacher') throw notFound();
  let query = s.db
    .selectFrom('teaching')
    .select('class_id')
    .where('teacher_id', '=', user.id)
    .where('class_id', '=', classId);
  if (subjectId !== undefined) query = query.where('subject_id', '=', subjectId);
  if (!(await query.executeTakeFirst())) throw notFound();
}

/** Throws 404 `not_found` unless the caller is an admin of the school. */
export function assertAdminOf(_s: Services, user: AuthUser, schoolId: string | null): void {
  if (user.role !== 'school_admin' || !schoolId || user.schoolId !== schoolId) throw notFound();
}

/** Whether the caller is an admin of the school. */
export function isAdminOf(user: AuthUser, schoolId: string | null): boolean {
  return user.role === 'school_admin' && !!schoolId && user.schoolId === schoolId;
}

/** What a caller did, for {@link auditAs}. */
export interface CallerAction {
  readonly action: AuditAction;
  readonly outcome?: 'success' | 'failure' | 'denied';
  readonly target?: string | null;
  /** The school whose admins may read the entry; the caller's own by default. */
  readonly schoolId?: string | null;
  readonly detail?: string | null;
}

/**
 * Records what the caller did in the audit log; pass the write's transaction so that the entry
 * and the write commit together.
 *
 * @example
 * await auditAs(s, trx, { user, ip }, { action: 'children.create', target: child.id });
 */
export function auditAs(
  s: Services,
  db: Kysely<Database>,
  caller: { readonly user: AuthUser; readonly ip: string },
  entry: CallerAction,
): Promise<void> {
  const { user, ip } = caller;
  const actor = { id: user.id, role: user.role, schoolId: user.schoolId };
  return s.audit.record(db, { outcome: 'success', ...entry, ip, actor });
}

/**
 * The children rows as the caller may see them: the family and the school's admin get the card
 * with its documents; a teacher gets it without documents. Staff also get the guardians' contacts.
 *
 * @example
 * return { items: await childViewsFor(s, user, rows) };
 */
export async function childViewsFor(
  s: Services,
  user: AuthUser,
  rows: readonly ChildRow[],
): Promise<Child[]> {
  const staff = user.role === 'teacher' || user.role === 'school_admin';
  if (!staff) return rows.map((row) => childView(s.documents, row));
  const guardians = await guardiansOf(
    s,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const card = childView(s.documents, row);
    const visible = user.role === 'teacher' ? withoutDocuments(card) : card;
    return { ...visible, guardians: guardians.get(row.id) ?? [] };
  });
}

/** One child as the caller may see it (see {@link childViewsFor}). */
export async function childViewFor(s: Services, user: AuthUser, row: ChildRow): Promise<Child> {
  const [view] = await childViewsFor(s, user, [row]);
  return view as Child;
}

function withoutDocuments(card: Child): Child {
  const { snils: _snils, inn: _inn, birthCertificate: _certificate, ...rest } = card;
  return rest;
}

/** The parents of each child: names and phones, never documents. */
async function guardiansOf(
  s: Services,
  childIds: readonly string[],
): Promise<Map<string, Guardian[]>> {
  const byChild = new Map<string, Guardian[]>();
  if (childIds.length === 0) return byChild;
  const rows = await s.db
    .selectFrom('parent_children')
    .innerJoin('users', 'users.id', 'parent_children.parent_id')
    .select([
      'parent_children.child_id',
      'users.last_name',
      'users.first_name',
      'users.middle_name',
      'users.phone',
    ])
    .where('parent_children.child_id', 'in', childIds)
    .orderBy('users.last_name')
    .orderBy('users.id')
    .execute();
  for (const r of rows) {
    const list = byChild.get(r.child_id) ?? [];
    list.push({
      lastName: r.last_name,
      firstName: r.first_name,
      ...(r.middle_name ? { middleName: r.middle_name } : {}),
      phone: r.phone,
    });
    byChild.set(r.child_id, list);
  }
  return byChild;
}

/** The API view of a children row: only the card's own fields, never who created it. */
function childView(documents: DataKeyring, row: ChildRow): Child {
  return {
    id: row.id,
    lastName: row.last_name,
    firstName: row.first_name,
    middleName: row.middle_name ?? undefined,
    birthDate: row.birth_date,
    sex: row.sex ? (row.sex as NonNullable<Child['sex']>) : undefined,
    snils: documents.openOptional('snils', row.snils) ?? undefined,
    inn: documents.openOptional('inn', row.inn) ?? undefined,
    birthCertificate:
      documents.openOptional('birth_certificate', row.birth_certificate) ?? undefined,
    status: row.status as Child['status'],
    classId: row.class_id ?? undefined,
    schoolId: row.school_id ?? undefined,
    createdAt: row.created_at,
  };
}
