import type { SchoolLink } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { AuthUser, Services } from './context';
import { DomainError, fieldError } from './domain-error';
import { foldText } from './fold-text';
import { auditAs, type ChildRow } from './policy';

type SchoolRow = Selectable<Database['schools']>;
type RosterRow = Selectable<Database['roster']>;

/** Who asks, for the audit log. */
export type Caller = { readonly user: AuthUser; readonly ip: string };
/** A school code and a student's roster id, as checked by core's schemas. */
export type LinkInput = { readonly schoolCode: string; readonly rosterId: string };
/** The school and roster entry a link may use. */
export type LinkableEntry = { readonly school: SchoolRow; readonly entry: RosterRow };

/** Whether a child card names the same person (names compared as people type them). */
export function samePerson(
  row: { last_name: string; first_name: string; birth_date: string },
  person: { lastName: string; firstName: string; birthDate: string },
): boolean {
  return (
    foldText(row.last_name) === foldText(person.lastName) &&
    foldText(row.first_name) === foldText(person.firstName) &&
    row.birth_date === person.birthDate
  );
}

async function schoolByCode(s: Services, code: string): Promise<SchoolRow> {
  const school = await s.db
    .selectFrom('schools')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!school) {
    throw new DomainError('school_not_found', {
      fields: [{ path: 'schoolCode', code: 'school_not_found' }],
    });
  }
  if (!school.diary_connected) throw new DomainError('school_not_connected');
  return school;
}

/** The roster entry for the child, or null when the id is unknown or names someone else. */
async function rosterEntryFor(s: Services, schoolId: string, rosterId: string, child: ChildRow) {
  const entry = await s.db
    .selectFrom('roster')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('roster_id', '=', rosterId)
    .executeTakeFirst();
  const person = {
    lastName: child.last_name,
    firstName: child.first_name,
    birthDate: child.birth_date,
  };
  return entry && samePerson(entry, person) ? entry : null;
}

/**
 * 409 when the child is already linked to the school, or when another family's card waits for the
 * school's approval on the same roster id. The roster entry's own record (the school's, or a family
 * card the school placed) does not block: a family's card joins it once the school approves.
 */
async function assertNotLinked(s: Services, childId: string, schoolId: string, rosterId: string) {
  const links = await s.db
    .selectFrom('school_links')
    .innerJoin('children', 'children.id', 'school_links.child_id')
    .select(['school_links.child_id', 'children.school_id'])
    .where('school_links.school_id', '=', schoolId)
    .where((eb) =>
      eb.or([
        eb('school_links.child_id', '=', childId),
        eb('school_links.roster_id', '=', rosterId),
      ]),
    )
    .execute();
  if (links.some((l) => l.child_id === childId)) throw new DomainError('already_linked');
  if (links.some((l) => l.school_id !== schoolId))
    throw new DomainError('roster_id_taken', {
      fields: [{ path: 'rosterId', code: 'already_registered' }],
    });
}

export async function linkViews(s: Services, childId: string): Promise<SchoolLink[]> {
  const rows = await s.db
    .selectFrom('school_links')
    .innerJoin('schools', 'schools.id', 'school_links.school_id')
    .innerJoin('classes', 'classes.id', 'school_links.class_id')
    .select([
      'school_links.id',
      'school_links.child_id',
      'school_links.school_id',
      'schools.short_name as school_name',
      'school_links.class_id',
      'classes.name as class_name',
      'school_links.roster_id',
      'school_links.linked_at',
    ])
    .where('school_links.child_id', '=', childId)
    .orderBy('school_links.linked_at')
    .execute();
  return rows.map(linkView);
}

function linkView(
  r: Selectable<Database['school_links']> & { school_name: string; class_name: string },
): SchoolLink {
  return {
    id: r.id,
    childId: r.child_id,
    schoolId: r.school_id,
    schoolName: r.school_name,
    classId: r.class_id,
    className: r.class_name,
    rosterId: r.roster_id,
    linkedAt: r.linked_at,
  };
}

/** A day of failed links: a parent gets a few tries at a roster id, not a search of the roster. */
const LINK_FAILURE_WINDOW_MS = 24 * 3600 * 1000;

/** 429 once the caller has failed `linkFailureLimit` links within a day. */
async function assertLinkTriesLeft(s: Services, user: AuthUser): Promise<void> {
  const since = new Date(s.clock.now().getTime() - LINK_FAILURE_WINDOW_MS).toISOString();
  const { count } = await s.db
    .selectFrom('audit')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('actor_id', '=', user.id)
    .where('action', '=', 'children.link_school')
    .where('outcome', '=', 'failure')
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(count) >= s.config.linkFailureLimit) {
    const seconds = LINK_FAILURE_WINDOW_MS / 1000;
    throw new DomainError('rate_limited', { params: { seconds }, retryAfterSeconds: seconds });
  }
}

/**
 * The roster entry a link may use, after every check in the order a parent can fix them. The
 * roster id must name this very child (surname, first name and date of birth). A mismatch says
 * nothing about whose entry the id is, counts toward the caller's daily limit, and is audited for
 * the school to see.
 */
export async function linkableEntry(
  s: Services,
  caller: Caller,
  child: ChildRow,
  input: LinkInput,
): Promise<LinkableEntry> {
  if (child.status !== 'confirmed') throw new DomainError('identity_unconfirmed');
  await assertLinkTriesLeft(s, caller.user);
  const school = await schoolByCode(s, input.schoolCode);
  const entry = await rosterEntryFor(s, school.id, input.rosterId, child);
  if (!entry) {
    const failure = {
      action: 'children.link_school',
      outcome: 'failure',
      detail: 'roster_mismatch',
    } as const;
    await auditAs(s, s.db, caller, { ...failure, target: child.id, schoolId: school.id });
    throw new DomainError('roster_mismatch', {
      fields: [{ path: 'rosterId', code: 'roster_mismatch' }],
    });
  }
  if (school.requires_snils && !child.snils) throw fieldError('snils', 'required');
  await assertNotLinked(s, child.id, school.id, entry.roster_id);
  return { school, entry };
}

/**
 * Records the link in the caller's transaction. It grants nothing yet: the child is placed in the
 * roster's class (and the class's timetable, teachers and chats open to the family) only when the
 * school has approved the application and it becomes active.
 */
export async function insertLink(
  s: Services,
  trx: Kysely<Database>,
  caller: Caller,
  child: ChildRow,
  found: LinkableEntry,
): Promise<SchoolLink> {
  const { school, entry } = found;
  const link = {
    id: s.ids('lnk'),
    child_id: child.id,
    school_id: school.id,
    class_id: entry.class_id,
    roster_id: entry.roster_id,
    linked_at: s.clock.now().toISOString(),
  };
  await trx.insertInto('school_links').values(link).execute();
  const action = { action: 'children.link_school', target: child.id, schoolId: school.id } as const;
  await auditAs(s, trx, caller, action);
  const cls = await trx
    .selectFrom('classes')
    .select('name')
    .where('id', '=', link.class_id)
    .executeTakeFirstOrThrow();
  return linkView({ ...link, school_name: school.short_name, class_name: cls.name });
}
