import type { ImportError, ImportRow, Lang } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import {
  cellError,
  type HomeroomRecord,
  type ImportRecords,
  type StaffRecord,
  type TeachingRecord,
} from './import-records';
import { planRow } from './import-plan';

type UserRow = Pick<
  Selectable<Database['users']>,
  'id' | 'role' | 'phone' | 'last_name' | 'first_name' | 'middle_name' | 'school_id' | 'external_id'
>;

/** A member of staff as the import will write them, and what changes. */
export interface PlannedStaff {
  readonly record: StaffRecord;
  readonly existing: UserRow | undefined;
  readonly changes: readonly string[];
}

/** A teaching assignment to add, or one the school has already. */
export interface PlannedTeaching {
  readonly record: TeachingRecord;
  readonly existing: true | undefined;
  readonly changes: readonly string[];
  /** The class's key, `2026/2027|5А`. */
  readonly classKey: string;
}

/**
 * A class's homeroom teacher to set: `existing` when the class has one already (the same teacher:
 * unchanged; another: `changes` is `homeroomTeacherId`).
 */
export interface PlannedHomeroom {
  readonly record: HomeroomRecord;
  readonly existing: true | undefined;
  readonly changes: readonly string[];
  /** The class's key, `2026/2027|5А`. */
  readonly classKey: string;
}

/** The staff part of a plan. */
export interface StaffPlan {
  readonly staff: PlannedStaff[];
  readonly teaching: PlannedTeaching[];
  readonly homerooms: PlannedHomeroom[];
}

const STAFF = ['teacher', 'school_admin'];

const fullName = (p: { lastName: string; firstName: string; middleName?: string | undefined }) =>
  [p.lastName, p.firstName, p.middleName].filter(Boolean).join(' ');

function staffChanges(r: StaffRecord, e: UserRow): string[] {
  const changes: string[] = [];
  if (r.lastName !== e.last_name) changes.push('lastName');
  if (r.firstName !== e.first_name) changes.push('firstName');
  if ((r.middleName ?? null) !== e.middle_name) changes.push('middleName');
  if (r.phone !== e.phone) changes.push('phone');
  // An export names staff without an external id by their account's id.
  if (r.externalId !== (e.external_id ?? e.id)) changes.push('externalId');
  return changes;
}

/**
 * Compares the file's staff and teaching assignments with the school's: a teacher is matched by
 * external id, else by phone; a phone of someone not on the school's staff (a parent, another
 * school's teacher) or twice in the file is an error. An assignment the school has is left alone.
 * Reads only.
 */
export async function planStaff(
  db: Kysely<Database>,
  schoolId: string,
  records: ImportRecords,
  lang: Lang,
  out: { errors: ImportError[]; rows: ImportRow[] },
): Promise<StaffPlan> {
  if (records.staff.length === 0) return { staff: [], teaching: [], homerooms: [] };
  const columns = [
    'id',
    'role',
    'phone',
    'last_name',
    'first_name',
    'middle_name',
    'school_id',
    'external_id',
  ] as const;
  const phones = records.staff.map((r) => r.phone);
  const [own, byPhoneRows] = await Promise.all([
    db
      .selectFrom('users')
      .select(columns)
      .where('school_id', '=', schoolId)
      .where('role', 'in', STAFF)
      .execute(),
    db.selectFrom('users').select(columns).where('phone', 'in', phones).execute(),
  ]);
  const byExternal = new Map(own.map((u) => [u.external_id ?? u.id, u]));
  const byPhone = new Map(byPhoneRows.map((u) => [u.phone, u]));
  const seenPhones = new Map<string, number>();
  const staff: PlannedStaff[] = [];
  const userOf = new Map<string, UserRow | null>();
  for (const record of records.staff) {
    const label = fullName(record);
    const first = seenPhones.get(record.phone);
    const phoneColumn = { ...record, column: 'phone' };
    if (first !== undefined) {
      out.errors.push(cellError(lang, phoneColumn, 'duplicate', { params: { row: first } }));
      continue;
    }
    seenPhones.set(record.phone, record.row);
    const holder = byPhone.get(record.phone);
    const existing = byExternal.get(record.externalId) ?? holder;
    const ours = (u: UserRow) => u.school_id === schoolId && STAFF.includes(u.role);
    if ((holder && holder.id !== existing?.id) || (existing && !ours(existing))) {
      out.errors.push(cellError(lang, phoneColumn, 'already_registered', { field: 'staffPhone' }));
      out.rows.push({
        file: record.file,
        row: record.row,
        kind: 'staff',
        action: 'error',
        key: record.externalId,
        label,
      });
      continue;
    }
    const planned = {
      record,
      existing,
      changes: existing ? staffChanges(record, existing) : [],
    };
    staff.push(planned);
    userOf.set(record.externalId, existing ?? null);
    out.rows.push(planRow(record, 'staff', record.externalId, label, planned));
  }
  return {
    staff,
    teaching: await planTeaching(db, schoolId, records, userOf, out),
    homerooms: await planHomerooms(db, schoolId, records, userOf, out),
  };
}

/** The file's homeroom teachers, each as new to its class, a change of teacher, or already so. */
async function planHomerooms(
  db: Kysely<Database>,
  schoolId: string,
  records: ImportRecords,
  userOf: ReadonlyMap<string, UserRow | null>,
  out: { rows: ImportRow[] },
): Promise<PlannedHomeroom[]> {
  if (records.homerooms.length === 0) return [];
  const classes = await db
    .selectFrom('classes')
    .select(['name', 'school_year', 'homeroom_teacher_id'])
    .where('school_id', '=', schoolId)
    .execute();
  const current = new Map<string, string | null>(
    classes.map((c) => [`${c.school_year}|${c.name}`, c.homeroom_teacher_id]),
  );
  const names = new Map(records.staff.map((s) => [s.externalId, fullName(s)]));
  const homerooms: PlannedHomeroom[] = [];
  for (const record of records.homerooms) {
    const user = userOf.get(record.teacher);
    if (user === undefined) continue;
    const classKey = `${record.schoolYear}|${record.className}`;
    const now = current.get(classKey);
    const planned = {
      record,
      existing: now ? (true as const) : undefined,
      changes: now && now !== user?.id ? ['homeroomTeacherId'] : [],
      classKey,
    };
    homerooms.push(planned);
    const label = `${names.get(record.teacher) ?? record.teacher}: ${record.className}`;
    out.rows.push(planRow(record, 'homeroom', classKey, label, planned));
  }
  return homerooms;
}

/** The file's teaching assignments, each once, as new or already there. */
async function planTeaching(
  db: Kysely<Database>,
  schoolId: string,
  records: ImportRecords,
  userOf: ReadonlyMap<string, UserRow | null>,
  out: { rows: ImportRow[] },
): Promise<PlannedTeaching[]> {
  const existingRows = await db
    .selectFrom('teaching')
    .innerJoin('classes', 'classes.id', 'teaching.class_id')
    .innerJoin('subjects', 'subjects.id', 'teaching.subject_id')
    .select([
      'teaching.teacher_id',
      'classes.name',
      'classes.school_year',
      'subjects.name as subject',
    ])
    .where('classes.school_id', '=', schoolId)
    .execute();
  const known = new Set(
    existingRows.map((t) =>
      [t.teacher_id, t.school_year, t.name, t.subject.toLowerCase()].join('|'),
    ),
  );
  const names = new Map(records.staff.map((s) => [s.externalId, fullName(s)]));
  const seen = new Set<string>();
  const teaching: PlannedTeaching[] = [];
  for (const record of records.teaching) {
    const user = userOf.get(record.teacher);
    if (user === undefined) continue;
    const key = `${record.teacher}|${record.className} ${record.schoolYear}|${record.subject}`;
    if (seen.has(key.toLowerCase())) continue;
    seen.add(key.toLowerCase());
    const existing =
      user &&
      known.has(
        [user.id, record.schoolYear, record.className, record.subject.toLowerCase()].join('|'),
      )
        ? (true as const)
        : undefined;
    const planned = {
      record,
      existing,
      changes: [],
      classKey: `${record.schoolYear}|${record.className}`,
    };
    teaching.push(planned);
    const label = `${names.get(record.teacher) ?? record.teacher}: ${record.className} · ${record.subject}`;
    out.rows.push(planRow(record, 'teaching', key, label, planned));
  }
  return teaching;
}
