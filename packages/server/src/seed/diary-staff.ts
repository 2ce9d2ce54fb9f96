import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { EXTRA_TEACHERS, STAFFING, SUBJECTS_17 } from './data/diary';
import { DEMO } from './data/demo-world';

/** The id of a demo school's subject by its key (`math`, `russian`…), from the class it is taught in. */
export function subjectId(classId: string, key: string): string {
  return `sub_${classId.startsWith('cls_17') ? '17' : '42'}_${key}`;
}

/** The extra teachers, Лицей № 17's subjects, and every class's teaching assignments. */
export async function insertStaff(trx: Kysely<Database>, now: string): Promise<void> {
  const { password_hash } = await trx
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', DEMO.users.teacherMath.id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('users')
    .values(
      EXTRA_TEACHERS.map(([id, phone, school, last, first, middle, hours]) => ({
        id,
        role: 'teacher',
        phone,
        password_hash,
        last_name: last,
        first_name: first,
        middle_name: middle,
        email: null,
        snils: null,
        snils_hash: null,
        passport: null,
        school_id: school,
        contact_hours: hours,
        identity_status: 'confirmed_sms',
        failed_logins: 0,
        locked_until: null,
        created_at: now,
      })),
    )
    .execute();
  await trx
    .insertInto('subjects')
    .values(
      SUBJECTS_17.map(([id, name, short]) => ({
        id,
        school_id: 'sch_17',
        name,
        short_name: short,
      })),
    )
    .execute();
  const existing = await trx.selectFrom('teaching').selectAll().execute();
  const known = new Set(existing.map((t) => `${t.teacher_id}|${t.class_id}|${t.subject_id}`));
  const teaching = Object.entries(STAFFING).flatMap(([classId, bySubject]) =>
    Object.entries(bySubject).map(([subject, [teacher]]) => ({
      teacher_id: teacher,
      class_id: classId,
      subject_id: subject,
    })),
  );
  const fresh = teaching.filter((t) => !known.has(`${t.teacher_id}|${t.class_id}|${t.subject_id}`));
  await trx.insertInto('teaching').values(fresh).execute();
}
