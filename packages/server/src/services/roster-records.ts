import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import type { IdGenerator } from '../ids';

type RosterRow = Selectable<Database['roster']>;

/** Rows per INSERT: well under SQLite's limit of bound values. */
const CHUNK = 200;

/** What writing a roster pupil's record needs. */
export interface RecordContext {
  readonly ids: IdGenerator;
  readonly clock: Clock;
  /** The staff member who put the pupils on the roster; the school's first admin when not given. */
  readonly createdBy?: string | undefined;
}

/** The roster fields a pupil's record is made from. */
export type RosterPupil = Pick<
  RosterRow,
  | 'school_id'
  | 'class_id'
  | 'roster_id'
  | 'last_name'
  | 'first_name'
  | 'middle_name'
  | 'birth_date'
  | 'left_at'
>;

/** The school's first admin: who a record made by an operator (the CLI import) is created by. */
async function firstAdmin(db: Kysely<Database>, schoolId: string): Promise<string> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('role', '=', 'school_admin')
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (!admin) throw new Error(`School ${schoolId} has no admin to own its pupils' records`);
  return admin.id;
}

/**
 * Gives each pupil put on a school's roster the diary record the school owns from that moment: a
 * `children` row placed in the roster's class, without a guardian, and its `school_links` row
 * with the pupil's roster id. Teachers write marks, attendance and notes on it from the first day;
 * no parent sees it until a parent's card is linked to the roster id and the school has approved
 * the application (then the two become one record, see child-merge.ts). In the caller's
 * transaction.
 *
 * @example
 * await insertRosterRecords(trx, [entry], { ids: s.ids, clock: s.clock, createdBy: user.id });
 */
export async function insertRosterRecords(
  trx: Kysely<Database>,
  pupils: readonly RosterPupil[],
  context: RecordContext,
): Promise<string[]> {
  const first = pupils[0];
  if (!first) return [];
  const createdBy = context.createdBy ?? (await firstAdmin(trx, first.school_id));
  const now = context.clock.now().toISOString();
  const made = pupils.map((p) => ({ pupil: p, id: context.ids('chd') }));
  for (let i = 0; i < made.length; i += CHUNK) {
    const part = made.slice(i, i + CHUNK);
    await trx
      .insertInto('children')
      .values(
        part.map(({ pupil, id }) => ({
          id,
          last_name: pupil.last_name,
          first_name: pupil.first_name,
          middle_name: pupil.middle_name,
          birth_date: pupil.birth_date,
          // The roster does not say; the family's card does once it joins the record.
          sex: '',
          snils: null,
          snils_hash: null,
          inn: null,
          birth_certificate: null,
          status: 'confirmed',
          school_id: pupil.school_id,
          class_id: pupil.left_at ? null : pupil.class_id,
          student_user_id: null,
          created_by: createdBy,
          created_at: now,
        })),
      )
      .execute();
    await trx
      .insertInto('school_links')
      .values(
        part.map(({ pupil, id }) => ({
          id: context.ids('lnk'),
          child_id: id,
          school_id: pupil.school_id,
          class_id: pupil.class_id,
          roster_id: pupil.roster_id,
          linked_at: now,
        })),
      )
      .execute();
  }
  return made.map((m) => m.id);
}

/**
 * The record of a roster entry: the child linked with its roster id and placed at its school (the
 * school's own record, or a family's card that became it). A family's card still waiting for the
 * school's approval is linked but not placed, so it is never the record.
 */
export async function rosterRecordOf(
  db: Kysely<Database>,
  schoolId: string,
  rosterId: string,
): Promise<Selectable<Database['children']> | undefined> {
  return db
    .selectFrom('children')
    .innerJoin('school_links', 'school_links.child_id', 'children.id')
    .selectAll('children')
    .where('school_links.school_id', '=', schoolId)
    .where('school_links.roster_id', '=', rosterId)
    .where('children.school_id', '=', schoolId)
    .orderBy('children.created_at')
    .orderBy('children.id')
    .executeTakeFirst();
}

/** Whether any parent is a guardian of the child (a record the school made alone has none). */
export async function hasGuardian(db: Kysely<Database>, childId: string): Promise<boolean> {
  const row = await db
    .selectFrom('parent_children')
    .select('parent_id')
    .where('child_id', '=', childId)
    .executeTakeFirst();
  return !!row;
}
