import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { bumpVersions } from '../read-cache/versions';
import type { AuthUser, Services } from './context';
import { auditAs } from './policy';

type ChildRow = Selectable<Database['children']>;

/**
 * Every table with a `child_id`, with the columns that make a row unique for one child (empty when
 * a child may have any number of rows). A merge moves them all; a table added with a `child_id`
 * belongs here (child-merge.test.ts compares this list with the database).
 */
export const CHILD_TABLES = {
  parent_children: ['parent_id'],
  guardian_claims: ['parent_id'],
  school_links: ['school_id'],
  school_changes: [],
  applications: [],
  notifications: [],
  events: [],
  homework_done: ['homework_id'],
  attendance: ['lesson_id'],
  marks: [],
  final_marks: ['subject_id', 'period_id'],
  thresholds: [],
  threads: [],
  portfolio_items: [],
  journal_notes: [],
  absence_notices: [],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;

type ChildTable = keyof typeof CHILD_TABLES;

/** The two records of one person and where the merged record is placed. */
export interface MergeInput {
  /** The record that stays (its id is the person's from now on). */
  readonly into: ChildRow;
  /** The record whose rows move to `into` before it is removed. */
  readonly from: ChildRow;
  /** The school and class the merged record is in: the roster record's. */
  readonly placement: { readonly schoolId: string | null; readonly classId: string | null };
}

/** What a merge did, for the audit log and the caller. */
export interface MergeResult {
  readonly childId: string;
  readonly moved: number;
  /** Rows of `from` that said the same as a row of `into` (the same guardian, lesson, link…). */
  readonly duplicates: number;
}

/** Removes the rows of `from` whose key `into` already has (the same fact twice). */
async function dropDuplicates(
  trx: Kysely<Database>,
  table: ChildTable,
  keys: readonly string[],
  ids: { from: string; into: string },
): Promise<number> {
  if (keys.length === 0) return 0;
  const same = keys.map((k) => sql`kept.${sql.ref(k)} = ${sql.table(table)}.${sql.ref(k)}`);
  const result = await sql`
    DELETE FROM ${sql.table(table)}
    WHERE child_id = ${ids.from}
      AND EXISTS (SELECT 1 FROM ${sql.table(table)} AS kept
                  WHERE kept.child_id = ${ids.into} AND ${sql.join(same, sql` AND `)})`.execute(
    trx,
  );
  return Number(result.numAffectedRows ?? 0);
}

/** The card's own fields where `into` has none: documents, middle name, sex, student account. */
function filledFields(into: ChildRow, from: ChildRow): Partial<ChildRow> {
  const fill: Partial<ChildRow> = {};
  if (!into.middle_name && from.middle_name) fill.middle_name = from.middle_name;
  if (!into.sex && from.sex) fill.sex = from.sex;
  if (!into.snils && from.snils) {
    fill.snils = from.snils;
    fill.snils_hash = from.snils_hash;
  }
  if (!into.inn && from.inn) fill.inn = from.inn;
  if (!into.birth_certificate && from.birth_certificate)
    fill.birth_certificate = from.birth_certificate;
  if (!into.student_user_id && from.student_user_id) fill.student_user_id = from.student_user_id;
  if (from.status === 'confirmed') fill.status = 'confirmed';
  return fill;
}

/**
 * Makes two records of one person one: every row of `from` (marks, attendance, notes, guardians,
 * links, applications, messages…) moves to `into`, `into` takes the documents it lacks from
 * `from`, is placed in the roster record's class, and `from` is removed. A row of `from` that
 * repeats one of `into` (the same guardian, the same school's link, the same lesson) is dropped,
 * `into`'s kept. In the caller's transaction, audited as `children.merge`.
 *
 * @example
 * await mergeChild(s, trx, { user, ip }, { into: card, from: record, placement });
 */
export async function mergeChild(
  s: Services,
  trx: Kysely<Database>,
  caller: { readonly user: AuthUser; readonly ip: string },
  input: MergeInput,
): Promise<MergeResult> {
  const ids = { from: input.from.id, into: input.into.id };
  let duplicates = 0;
  let moved = 0;
  for (const [table, keys] of Object.entries(CHILD_TABLES) as [ChildTable, readonly string[]][]) {
    duplicates += await dropDuplicates(trx, table, keys, ids);
    const result = await trx
      .updateTable(table as 'marks')
      .set({ child_id: ids.into })
      .where('child_id', '=', ids.from)
      .executeTakeFirst();
    moved += Number(result.numUpdatedRows);
  }
  await trx.deleteFrom('children').where('id', '=', ids.from).execute();
  await trx
    .updateTable('children')
    .set({
      ...filledFields(input.into, input.from),
      school_id: input.placement.schoolId,
      class_id: input.placement.classId,
    })
    .where('id', '=', ids.into)
    .execute();
  const scopes = [`child:${ids.from}`, `child:${ids.into}`] as const;
  const classes = [input.from.class_id, input.into.class_id, input.placement.classId];
  await bumpVersions(trx, [
    ...scopes,
    ...classes.filter((c): c is string => !!c).map((c) => `class:${c}` as const),
  ]);
  const detail = `${ids.from} → ${ids.into}: ${moved} rows moved, ${duplicates} duplicates dropped`;
  await auditAs(s, trx, caller, {
    action: 'children.merge',
    target: ids.into,
    schoolId: input.placement.schoolId,
    detail,
  });
  return { childId: ids.into, moved, duplicates };
}
