import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { bumpVersions, type VersionScope } from '../../read-cache/versions';
import type { IdGenerator } from '../../ids';
import type { ImportWatch } from './import-watch';
import { newRosterId } from '../roster-ids';
import { hasGuardian, insertRosterRecords, rosterRecordOf } from '../roster-records';
import type { ImportPlan, PlannedPupil } from './import-plan';
import { applyCalendar } from './import-apply-calendar';
import { applyStaff } from './import-apply-staff';
import type { StaffInvite } from '../staff-invitations';
import type { Clock } from '../../clock';

/** Rows per INSERT: well under SQLite's limit of bound values, few round trips for 5,000 pupils. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** What an apply needs besides the plan: the school, ids, and where the roster ids start. */
export interface ApplyContext {
  readonly schoolId: string;
  readonly schoolCode: string;
  readonly ids: IdGenerator;
  readonly clock: Clock;
  /** Told of each batch written; stops the apply (and so rolls it back) when cancelled. */
  readonly watch?: ImportWatch;
  /** Who applies it (the admin); the school's first admin for an operator's import. */
  readonly createdBy?: string;
}

/**
 * Writes a plan without errors in the caller's transaction: school years and their periods
 * ({@link applyCalendar}), new subjects and classes, changed short names and grades, new pupils
 * (each with a random roster id and the diary record the school owns, see roster-records.ts),
 * changed pupils, then staff and
 * teaching assignments ({@link applyStaff}); returns the staff to invite once it commits. A pupil
 * moved to another class takes their linked diary along (as a move on the roster does); nothing a
 * family or a teacher entered is touched.
 */
export async function applyPlan(
  trx: Kysely<Database>,
  plan: ImportPlan,
  context: ApplyContext,
): Promise<{ invited: StaffInvite[] }> {
  const { schoolId, ids } = context;
  const wrote = (count: number) => context.watch?.wrote(count);
  const calendar = await applyCalendar(trx, plan.schoolYears, context);
  const newSubjects = plan.subjects.filter((p) => !p.existing);
  for (const part of chunks(newSubjects))
    await trx
      .insertInto('subjects')
      .values(
        part.map(({ record }) => ({
          id: ids('sub'),
          school_id: schoolId,
          name: record.name,
          short_name: record.shortName,
        })),
      )
      .execute()
      .then(() => wrote(part.length));
  for (const { record, existing, changes } of plan.subjects)
    if (existing && changes.length > 0)
      await trx
        .updateTable('subjects')
        .set({ short_name: record.shortName })
        .where('id', '=', existing.id)
        .execute();

  const classIds = new Map<string, string>();
  for (const c of await trx
    .selectFrom('classes')
    .select(['id', 'name', 'school_year'])
    .where('school_id', '=', schoolId)
    .execute())
    classIds.set(`${c.school_year}|${c.name}`, c.id);
  for (const { record, existing, changes } of plan.classes) {
    const key = `${record.schoolYear}|${record.name}`;
    if (existing) {
      if (changes.length > 0)
        await trx
          .updateTable('classes')
          .set({ grade: record.grade })
          .where('id', '=', existing.id)
          .execute();
      continue;
    }
    const id = ids('cls');
    classIds.set(key, id);
    wrote(1);
    await trx
      .insertInto('classes')
      .values({
        id,
        school_id: schoolId,
        name: record.name,
        grade: record.grade,
        school_year: record.schoolYear,
        homeroom_teacher_id: null,
      })
      .execute();
  }

  const classOf = (p: PlannedPupil) => {
    const id = classIds.get(p.classKey);
    if (!id) throw new Error(`The plan names a class it did not create: ${p.classKey}`);
    return id;
  };
  const prefix = `R${context.schoolCode.slice(-3)}`;
  const newPupils = plan.pupils
    .filter((p) => !p.existing)
    .map((p) => ({
      id: ids('ros'),
      school_id: schoolId,
      class_id: classOf(p),
      roster_id: newRosterId(prefix),
      last_name: p.record.lastName,
      first_name: p.record.firstName,
      middle_name: p.record.middleName ?? null,
      birth_date: p.record.birthDate,
      list_number: p.record.listNumber ?? null,
      external_id: p.record.externalId ?? null,
      left_at: null,
    }));
  for (const part of chunks(newPupils)) {
    await trx.insertInto('roster').values(part).execute();
    // Each new pupil's record, so the class's journal holds them before any parent links them.
    await insertRosterRecords(trx, part, context);
    wrote(part.length);
  }
  const scopes: VersionScope[] = [...calendar];
  for (const p of plan.pupils)
    if (p.existing && p.changes.length > 0) {
      scopes.push(...(await updatePupil(trx, p, classOf(p))));
      wrote(1);
    }
  const staff = await applyStaff(trx, plan, context);
  await bumpVersions(trx, [...scopes, ...staff.scopes]);
  return { invited: staff.invited };
}

/** Changes one roster entry; a move takes the linked children along. Returns the scopes touched. */
async function updatePupil(
  trx: Kysely<Database>,
  p: PlannedPupil,
  classId: string,
): Promise<VersionScope[]> {
  const entry = p.existing;
  if (!entry) return [];
  const { record } = p;
  await trx
    .updateTable('roster')
    .set({
      last_name: record.lastName,
      first_name: record.firstName,
      middle_name: record.middleName ?? null,
      birth_date: record.birthDate,
      class_id: classId,
      ...(record.listNumber === undefined ? {} : { list_number: record.listNumber }),
      ...(record.externalId === undefined ? {} : { external_id: record.externalId }),
    })
    .where('id', '=', entry.id)
    .execute();
  const renamed = await renameOwnRecord(trx, entry, record);
  if (!p.changes.includes('classId') || entry.left_at) return renamed;
  const links = await trx
    .selectFrom('school_links')
    .select('child_id')
    .where('school_id', '=', entry.school_id)
    .where('roster_id', '=', entry.roster_id)
    .execute();
  const children = links.map((l) => l.child_id);
  if (children.length > 0) {
    await trx
      .updateTable('school_links')
      .set({ class_id: classId })
      .where('school_id', '=', entry.school_id)
      .where('roster_id', '=', entry.roster_id)
      .execute();
    await trx
      .updateTable('children')
      .set({ class_id: classId })
      .where('id', 'in', children)
      .where('school_id', '=', entry.school_id)
      .execute();
  }
  return [
    ...renamed,
    `class:${entry.class_id}`,
    `class:${classId}`,
    ...children.map((c) => `child:${c}` as const),
  ];
}

/** The school's own record of the pupil (no family has joined it yet) follows the roster's names. */
async function renameOwnRecord(
  trx: Kysely<Database>,
  entry: NonNullable<PlannedPupil['existing']>,
  record: PlannedPupil['record'],
): Promise<VersionScope[]> {
  const own = await rosterRecordOf(trx, entry.school_id, entry.roster_id);
  if (!own || (await hasGuardian(trx, own.id))) return [];
  await trx
    .updateTable('children')
    .set({
      last_name: record.lastName,
      first_name: record.firstName,
      middle_name: record.middleName ?? null,
      birth_date: record.birthDate,
    })
    .where('id', '=', own.id)
    .execute();
  return [`class:${entry.class_id}`, `child:${own.id}`];
}
