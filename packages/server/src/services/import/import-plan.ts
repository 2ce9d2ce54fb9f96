import type { ImportError, ImportReport, ImportRow, Lang } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import {
  cellError,
  type ClassRecord,
  type ImportRecords,
  type PupilRecord,
  type SubjectRecord,
} from './import-records';
import { planCalendar, type PlannedYear } from './import-plan-calendar';
import { planStaff, type StaffPlan } from './import-plan-staff';

type RosterRow = Selectable<Database['roster']>;
type ClassRow = Selectable<Database['classes']>;

/** What the import does with one class, subject or pupil. */
export interface Planned<R, Existing> {
  readonly record: R;
  readonly existing: Existing | undefined;
  readonly changes: readonly string[];
}

/** A pupil as it will be written: its record, the class it goes to, and what changes. */
export interface PlannedPupil extends Planned<PupilRecord, RosterRow> {
  /** The class's key, `2026/2027|5А`: an existing class's id is looked up with it at apply. */
  readonly classKey: string;
}

/** Everything an import would write, and why each record is there. */
export interface ImportPlan {
  readonly schoolYears: readonly PlannedYear[];
  readonly classes: Planned<ClassRecord, ClassRow>[];
  readonly subjects: Planned<SubjectRecord, { id: string; short_name: string }>[];
  readonly pupils: PlannedPupil[];
  readonly staff: StaffPlan['staff'];
  readonly teaching: StaffPlan['teaching'];
  readonly homerooms: StaffPlan['homerooms'];
  readonly errors: ImportError[];
  readonly rows: ImportRow[];
  readonly rowsRead: number;
}

const classKey = (schoolYear: string, name: string) => `${schoolYear}|${name}`;
const personKey = (p: {
  lastName: string;
  firstName: string;
  middleName?: string | undefined;
  birthDate: string;
}) => [p.lastName, p.firstName, p.middleName ?? '', p.birthDate].join('|').toLowerCase();

function actionOf(existing: unknown, changes: readonly string[]): ImportRow['action'] {
  if (!existing) return 'create';
  return changes.length > 0 ? 'update' : 'unchanged';
}

/** The report's row of a planned record: created, updated (with its changes) or unchanged. */
export function planRow(
  record: { file: string; row: number },
  kind: ImportRow['kind'],
  key: string,
  label: string,
  planned: { existing: unknown; changes: readonly string[] },
): ImportRow {
  const action = actionOf(planned.existing, planned.changes);
  return {
    file: record.file,
    row: record.row,
    kind,
    action,
    key,
    label,
    ...(action === 'update' ? { changes: [...planned.changes] } : {}),
  };
}

/** What the pupil's record changes on an existing roster entry. */
function pupilChanges(p: PupilRecord, e: RosterRow, classId: string | undefined): string[] {
  const changes: string[] = [];
  if (p.lastName !== e.last_name) changes.push('lastName');
  if (p.firstName !== e.first_name) changes.push('firstName');
  if ((p.middleName ?? null) !== e.middle_name) changes.push('middleName');
  if (p.birthDate !== e.birth_date) changes.push('birthDate');
  if (classId !== e.class_id) changes.push('classId');
  if (p.listNumber !== undefined && p.listNumber !== e.list_number) changes.push('listNumber');
  if (p.externalId !== undefined && p.externalId !== e.external_id) changes.push('externalId');
  return changes;
}

/**
 * Compares what a file says with what the school has: each school year and period (see
 * {@link planCalendar}), class, subject, pupil, member of staff
 * and teaching assignment is to be created, updated or left alone, or is an error (a class the
 * school does not have, a pupil or a list number twice in the file, see {@link planStaff} for
 * staff). Reads only; nothing is written.
 */
export async function planImport(
  db: Kysely<Database>,
  schoolId: string,
  records: ImportRecords,
  lang: Lang,
): Promise<ImportPlan> {
  const [classRows, subjectRows, rosterRows] = await Promise.all([
    db.selectFrom('classes').selectAll().where('school_id', '=', schoolId).execute(),
    db.selectFrom('subjects').selectAll().where('school_id', '=', schoolId).execute(),
    db.selectFrom('roster').selectAll().where('school_id', '=', schoolId).execute(),
  ]);
  const errors = [...records.errors];
  const rows: ImportRow[] = [];
  const duplicate = (at: { file: string; row: number }, column: string, first: number) =>
    errors.push(cellError(lang, { ...at, column }, 'duplicate', { params: { row: first } }));
  const schoolYears = await planCalendar(db, schoolId, records.schoolYears, lang, {
    errors,
    rows,
  });

  const classByKey = new Map(classRows.map((c) => [classKey(c.school_year, c.name), c]));
  const yearsByName = new Map<string, string[]>();
  const noteYear = (name: string, year: string) =>
    yearsByName.set(name, [...(yearsByName.get(name) ?? []), year]);
  for (const c of classRows) noteYear(c.name, c.school_year);

  const classes: ImportPlan['classes'] = [];
  const seenClasses = new Map<string, number>();
  for (const record of records.classes) {
    const key = classKey(record.schoolYear, record.name);
    const first = seenClasses.get(key);
    if (first !== undefined) {
      duplicate(record, 'classCode', first);
      continue;
    }
    seenClasses.set(key, record.row);
    const existing = classByKey.get(key);
    if (!existing) noteYear(record.name, record.schoolYear);
    const planned = {
      record,
      existing,
      changes: existing && existing.grade !== record.grade ? ['grade'] : [],
    };
    classes.push(planned);
    rows.push(
      planRow(record, 'class', `${record.name} ${record.schoolYear}`, record.name, planned),
    );
  }

  const subjectByName = new Map(subjectRows.map((s) => [s.name.toLowerCase(), s]));
  const subjects: ImportPlan['subjects'] = [];
  const seenSubjects = new Set<string>();
  for (const record of records.subjects) {
    const key = record.name.toLowerCase();
    if (seenSubjects.has(key)) continue;
    seenSubjects.add(key);
    const existing = subjectByName.get(key);
    const planned = {
      record,
      existing,
      changes: existing && existing.short_name !== record.shortName ? ['shortName'] : [],
    };
    subjects.push(planned);
    rows.push(planRow(record, 'subject', record.name, record.name, planned));
  }

  const byExternal = new Map<string, RosterRow>();
  // A line without an identifier matches anyone of that name and birth date; a line with one, only
  // a pupil who has none yet (never another pupil's identifier).
  const byPerson = new Map<string, RosterRow>();
  const byPersonWithoutId = new Map<string, RosterRow>();
  for (const r of rosterRows) {
    const person = personKey({
      lastName: r.last_name,
      firstName: r.first_name,
      middleName: r.middle_name ?? undefined,
      birthDate: r.birth_date,
    });
    if (r.external_id) byExternal.set(r.external_id, r);
    else byPersonWithoutId.set(person, r);
    if (!byPerson.has(person) || !r.external_id) byPerson.set(person, r);
  }
  const pupils: PlannedPupil[] = [];
  const seenPupils = new Map<string, number>();
  const seenNumbers = new Map<string, number>();
  const matched = new Set<string>();
  for (const record of records.pupils) {
    const label = [record.lastName, record.firstName, record.middleName].filter(Boolean).join(' ');
    const key = record.externalId ?? personKey(record);
    const first = seenPupils.get(key);
    if (first !== undefined) {
      duplicate(record, record.externalId ? record.columns.externalId : record.columns.name, first);
      continue;
    }
    seenPupils.set(key, record.row);
    const year = record.schoolYear ?? [...(yearsByName.get(record.className) ?? [])].sort().at(-1);
    const cKey = year === undefined ? undefined : classKey(year, record.className);
    if (cKey === undefined || (!classByKey.has(cKey) && !seenClasses.has(cKey))) {
      errors.push(
        cellError(lang, { ...record, column: record.columns.className }, 'unknown_reference', {
          field: 'className',
          params: { value: record.className },
        }),
      );
      rows.push({ file: record.file, row: record.row, kind: 'pupil', action: 'error', key, label });
      continue;
    }
    if (record.listNumber !== undefined) {
      const numberKey = `${cKey}|${record.listNumber}`;
      const firstNumber = seenNumbers.get(numberKey);
      if (firstNumber !== undefined) {
        duplicate(record, record.columns.listNumber, firstNumber);
        continue;
      }
      seenNumbers.set(numberKey, record.row);
    }
    let existing = record.externalId
      ? (byExternal.get(record.externalId) ?? byPersonWithoutId.get(personKey(record)))
      : byPerson.get(personKey(record));
    if (existing && matched.has(existing.id)) existing = undefined;
    if (existing) matched.add(existing.id);
    const classId = classByKey.get(cKey)?.id;
    const changes = existing ? pupilChanges(record, existing, classId) : [];
    const planned = { record, existing, changes, classKey: cKey };
    pupils.push(planned);
    rows.push(planRow(record, 'pupil', key, label, planned));
  }
  const { staff, teaching, homerooms } = await planStaff(db, schoolId, records, lang, {
    errors,
    rows,
  });
  return {
    schoolYears,
    classes,
    subjects,
    pupils,
    staff,
    teaching,
    homerooms,
    errors,
    rows,
    rowsRead: records.rowsRead,
  };
}

/** What any import's plan reports: its rows, its errors and the data lines read. */
export type PlanOutline = Pick<ImportPlan, 'errors' | 'rows' | 'rowsRead'>;

/** The report of a plan: counts by action, error lines counted once. */
export function reportOf(
  plan: PlanOutline,
  format: ImportReport['format'],
  applied: boolean,
): ImportReport {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of plan.rows) if (r.action !== 'error') counts[r.action] += 1;
  counts.error = new Set(plan.errors.map((e) => `${e.file}|${e.row}`)).size;
  return {
    format,
    applied,
    rowsRead: plan.rowsRead,
    counts,
    rows: plan.rows,
    errors: plan.errors,
  };
}
