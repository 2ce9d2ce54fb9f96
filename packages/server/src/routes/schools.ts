import { schoolSchema, type School, type SchoolClass } from '@school-diary/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { foldText } from '../services/fold-text';
import { assertAdminOf, assertTeaches, childViewsFor } from '../services/policy';

type SchoolRow = Selectable<Database['schools']>;

const byName = new Intl.Collator('ru', { numeric: true });
type ClassRow = Selectable<Database['classes']>;

/** What the registry search narrows by; every value is compared folded. */
interface SchoolFilter {
  readonly q?: string | undefined;
  readonly region?: string | undefined;
  readonly level?: string | undefined;
  readonly profile?: string | undefined;
}

export function schoolView(row: SchoolRow): School {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    region: row.region,
    address: row.address,
    levels: schoolSchema.shape.levels.parse(JSON.parse(row.levels)),
    profiles: schoolSchema.shape.profiles.parse(JSON.parse(row.profiles)),
    diaryConnected: row.diary_connected === 1,
    timeZone: row.time_zone,
    requiresSnils: row.requires_snils === 1,
  };
}

export function classView(row: ClassRow): SchoolClass {
  return {
    id: row.id,
    schoolId: row.school_id,
    name: row.name,
    grade: row.grade,
    schoolYear: row.school_year,
    homeroomTeacherId: row.homeroom_teacher_id ?? undefined,
  };
}

/** Builds the registry predicate: `q` in name, short name or address; the rest exact. */
function matcher(filter: SchoolFilter): (school: School) => boolean {
  const q = filter.q ? foldText(filter.q) : '';
  const region = filter.region ? foldText(filter.region) : '';
  const profile = filter.profile ? foldText(filter.profile) : '';
  return (school) =>
    (!q || [school.name, school.shortName, school.address].some((v) => foldText(v).includes(q))) &&
    (!region || foldText(school.region) === region) &&
    (!filter.level || (school.levels as readonly string[]).includes(filter.level)) &&
    (!profile || school.profiles.some((p) => foldText(p) === profile));
}

async function classesOf(s: Services, user: AuthUser): Promise<ClassRow[]> {
  const query = s.db.selectFrom('classes').selectAll().orderBy('grade').orderBy('name');
  if (user.role === 'school_admin')
    return query.where('school_id', '=', user.schoolId ?? '').execute();
  return query
    .where('id', 'in', (eb) =>
      eb.selectFrom('teaching').select('class_id').where('teacher_id', '=', user.id),
    )
    .execute();
}

/** The subjects a teacher teaches, by class, each class's by name. */
async function subjectsTaughtBy(
  s: Services,
  user: AuthUser,
): Promise<Map<string, { id: string; name: string }[]>> {
  const rows = await s.db
    .selectFrom('teaching')
    .innerJoin('subjects', 'subjects.id', 'teaching.subject_id')
    .select(['teaching.class_id', 'subjects.id', 'subjects.name'])
    .where('teaching.teacher_id', '=', user.id)
    .execute();
  const byClass = new Map<string, { id: string; name: string }[]>();
  for (const r of rows.sort((a, b) => byName.compare(a.name, b.name)))
    byClass.set(r.class_id, [...(byClass.get(r.class_id) ?? []), { id: r.id, name: r.name }]);
  return byClass;
}

/** Throws 404 unless the caller teaches the class or administers its school. */
async function assertStaffOf(s: Services, user: AuthUser, classId: string): Promise<void> {
  if (user.role === 'teacher') return assertTeaches(s, user, classId);
  const cls = await s.db
    .selectFrom('classes')
    .select('school_id')
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!cls) throw notFound();
  assertAdminOf(s, user, cls.school_id);
}

/** The public school registry. */
export function schoolsHandlers(s: Services): Handlers['schools'] {
  return {
    // Filtered in JS: SQLite's LOWER() does not fold Cyrillic, and a registry is a few
    // thousand rows at most.
    async search({ query }) {
      const rows = await s.db.selectFrom('schools').selectAll().execute();
      const found = rows
        .map(schoolView)
        .filter(matcher(query))
        .sort((a, b) => byName.compare(a.shortName, b.shortName));
      const start = (query.page - 1) * query.pageSize;
      return {
        items: found.slice(start, start + query.pageSize),
        total: found.length,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async get({ params }) {
      const row = await s.db
        .selectFrom('schools')
        .selectAll()
        .where('id', '=', params.schoolId)
        .executeTakeFirst();
      if (!row) throw notFound();
      return schoolView(row);
    },
  };
}

/** Classes for staff: a teacher's own, an admin's whole school, and their students. */
export function classesHandlers(s: Services): Handlers['classes'] {
  return {
    async list({ user }) {
      const classes = (await classesOf(s, user)).map(classView);
      if (user.role !== 'teacher') return { items: classes };
      const taught = await subjectsTaughtBy(s, user);
      return {
        items: classes.map((c) => ({ ...c, subjects: taught.get(c.id) ?? [] })),
      };
    },

    async students({ params, user }) {
      await assertStaffOf(s, user, params.classId);
      const rows = await s.db
        .selectFrom('children')
        .selectAll()
        .where('class_id', '=', params.classId)
        .orderBy('last_name')
        .orderBy('first_name')
        .execute();
      return { items: await childViewsFor(s, user, rows) };
    },
  };
}
