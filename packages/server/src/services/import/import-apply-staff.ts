import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { VersionScope } from '../../read-cache/versions';
import { addInvitedStaff, type StaffInvite } from '../staff-invitations';
import type { ApplyContext } from './import-apply';
import type { ImportPlan } from './import-plan';

/**
 * Writes the staff part of a plan in the caller's transaction: new teachers and admins join the
 * school as invited staff (their SMS goes out once the transaction commits), changed ones get
 * their names, phone and external id, new teaching assignments are added (the school's other
 * assignments stay), and classes get their homeroom teachers. Returns whom to invite and the
 * classes whose assignments or homeroom teacher changed.
 */
export async function applyStaff(
  trx: Kysely<Database>,
  plan: ImportPlan,
  context: ApplyContext,
): Promise<{ invited: StaffInvite[]; scopes: VersionScope[] }> {
  const invited: StaffInvite[] = [];
  const userIds = new Map<string, string>();
  for (const { record, existing, changes } of plan.staff) {
    const invite = { ...record };
    if (!existing) {
      userIds.set(record.externalId, await addInvitedStaff(trx, context, context.schoolId, invite));
      invited.push(invite);
      context.watch?.wrote(1);
      continue;
    }
    userIds.set(record.externalId, existing.id);
    if (changes.length === 0) continue;
    await trx
      .updateTable('users')
      .set({
        last_name: record.lastName,
        first_name: record.firstName,
        middle_name: record.middleName ?? null,
        phone: record.phone,
        external_id: record.externalId === existing.id ? existing.external_id : record.externalId,
      })
      .where('id', '=', existing.id)
      .execute();
    context.watch?.wrote(1);
  }
  const fresh = plan.teaching.filter((t) => !t.existing);
  const homerooms = plan.homerooms.filter((h) => !h.existing || h.changes.length > 0);
  if (fresh.length === 0 && homerooms.length === 0) return { invited, scopes: [] };
  const [classes, subjects] = await Promise.all([
    trx
      .selectFrom('classes')
      .select(['id', 'name', 'school_year'])
      .where('school_id', '=', context.schoolId)
      .execute(),
    trx
      .selectFrom('subjects')
      .select(['id', 'name'])
      .where('school_id', '=', context.schoolId)
      .execute(),
  ]);
  const classIds = new Map(classes.map((c) => [`${c.school_year}|${c.name}`, c.id]));
  const subjectIds = new Map(subjects.map((s) => [s.name.toLowerCase(), s.id]));
  const rows = fresh.map(({ record, classKey }) => {
    const ids = {
      teacher_id: userIds.get(record.teacher),
      class_id: classIds.get(classKey),
      subject_id: subjectIds.get(record.subject.toLowerCase()),
    };
    if (!ids.teacher_id || !ids.class_id || !ids.subject_id)
      throw new Error(`The plan names what it did not create: ${record.teacher} ${classKey}`);
    return { teacher_id: ids.teacher_id, class_id: ids.class_id, subject_id: ids.subject_id };
  });
  if (rows.length > 0) await trx.insertInto('teaching').values(rows).execute();
  context.watch?.wrote(rows.length);
  const touched = rows.map((r) => r.class_id);
  for (const { record, classKey } of homerooms) {
    const teacherId = userIds.get(record.teacher);
    const classId = classIds.get(classKey);
    if (!teacherId || !classId)
      throw new Error(`The plan names what it did not create: ${record.teacher} ${classKey}`);
    await trx
      .updateTable('classes')
      .set({ homeroom_teacher_id: teacherId })
      .where('id', '=', classId)
      .execute();
    touched.push(classId);
    context.watch?.wrote(1);
  }
  return { invited, scopes: [...new Set(touched.map((id) => `class:${id}` as const))] };
}
