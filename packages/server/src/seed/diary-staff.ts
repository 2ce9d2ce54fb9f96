import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { staffAccountRow } from '../services/users';
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
      EXTRA_TEACHERS.map(([id, phone, school, last, first, middle, hours]) =>
        staffAccountRow({
          id,
          role: 'teacher',
          phone,
          passwordHash: password_hash,
          lastName: last,
          firstName: first,
          middleName: middle,
          schoolId: school,
          contactHours: hours,
          createdAt: now,
        }),
      ),
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
