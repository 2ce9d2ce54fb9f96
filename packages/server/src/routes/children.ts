import type { Challenge, Routes, SchoolLink, Teacher } from '@school-diary/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError, fieldError } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import { consumeChallenge, startChallenge } from '../services/challenges';
import type { AuthUser, Services } from '../services/context';
import { foldText } from '../services/fold-text';
import { claimGuardian } from '../services/guardian-claims';
import {
  auditAs,
  childViewFor,
  childViewsFor,
  ownChild,
  visibleChild,
  type ChildRow,
} from '../services/policy';

type SchoolRow = Selectable<Database['schools']>;

/** Whether a child card names the same person (names compared as people type them). */
function samePerson(
  row: { last_name: string; first_name: string; birth_date: string },
  person: { lastName: string; firstName: string; birthDate: string },
): boolean {
  return (
    foldText(row.last_name) === foldText(person.lastName) &&
    foldText(row.first_name) === foldText(person.firstName) &&
    row.birth_date === person.birthDate
  );
}

async function childBySnils(s: Services, snils: string): Promise<ChildRow | undefined> {
  return s.db
    .selectFrom('children')
    .selectAll()
    .where('snils_hash', 'in', s.documents.indexes('snils', snils))
    .executeTakeFirst();
}

async function parentChildren(s: Services, parentId: string): Promise<ChildRow[]> {
  return s.db
    .selectFrom('children')
    .innerJoin('parent_children', 'parent_children.child_id', 'children.id')
    .selectAll('children')
    .where('parent_children.parent_id', '=', parentId)
    .orderBy('children.birth_date')
    .orderBy('children.id')
    .execute();
}

async function ownChildren(s: Services, user: AuthUser): Promise<ChildRow[]> {
  if (user.role === 'parent') return parentChildren(s, user.id);
  return s.db.selectFrom('children').selectAll().where('student_user_id', '=', user.id).execute();
}

/** Throws 400 `code_invalid` unless the challenge is this parent's code for this very child. */
async function assertChildChallenge(
  s: Services,
  challengeId: string,
  child: ChildRow,
  user: AuthUser,
) {
  const row = await s.db
    .selectFrom('challenges')
    .select(['user_id', 'target_id'])
    .where('id', '=', challengeId)
    .where('purpose', '=', 'child')
    .executeTakeFirst();
  if (!row || row.target_id !== child.id || row.user_id !== user.id) {
    throw new DomainError('code_invalid', { fields: [{ path: 'code', code: 'wrong_code' }] });
  }
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

/** 409 when the child is already linked to the school or the roster entry to another child. */
async function assertNotLinked(s: Services, childId: string, schoolId: string, rosterId: string) {
  const existing = await s.db
    .selectFrom('school_links')
    .select('child_id')
    .where('school_id', '=', schoolId)
    .where((eb) => eb.or([eb('child_id', '=', childId), eb('roster_id', '=', rosterId)]))
    .executeTakeFirst();
  if (!existing) return;
  if (existing.child_id === childId) throw new DomainError('already_linked');
  throw new DomainError('roster_id_taken', {
    fields: [{ path: 'rosterId', code: 'already_registered' }],
  });
}

async function linkViews(s: Services, childId: string): Promise<SchoolLink[]> {
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

async function classTeachers(s: Services, classId: string): Promise<Teacher[]> {
  const rows = await s.db
    .selectFrom('teaching')
    .innerJoin('users', 'users.id', 'teaching.teacher_id')
    .innerJoin('subjects', 'subjects.id', 'teaching.subject_id')
    .select([
      'users.id',
      'users.last_name',
      'users.first_name',
      'users.middle_name',
      'users.contact_hours',
      'subjects.id as subject_id',
      'subjects.name as subject_name',
      'subjects.short_name as subject_short_name',
    ])
    .where('teaching.class_id', '=', classId)
    .orderBy('users.last_name')
    .orderBy('users.first_name')
    .orderBy('subjects.name')
    .execute();
  const teachers = new Map<string, Teacher>();
  for (const r of rows) {
    const teacher = teachers.get(r.id) ?? {
      id: r.id,
      lastName: r.last_name,
      firstName: r.first_name,
      middleName: r.middle_name ?? undefined,
      subjects: [],
      contactHours: r.contact_hours ?? undefined,
    };
    teacher.subjects.push({
      id: r.subject_id,
      name: r.subject_name,
      shortName: r.subject_short_name,
    });
    teachers.set(r.id, teacher);
  }
  return [...teachers.values()];
}

type Caller = { readonly user: AuthUser; readonly ip: string };
type ChildInputValue = RequestContext<Routes['children']['create']>['body'];
type LinkInput = RequestContext<Routes['children']['linkSchool']>['body'];

function newChildRow(s: Services, body: ChildInputValue, parentId: string): ChildRow {
  return {
    id: s.ids('chd'),
    last_name: body.lastName,
    first_name: body.firstName,
    middle_name: body.middleName || null,
    birth_date: body.birthDate,
    sex: body.sex,
    snils: body.snils ? s.documents.seal('snils', body.snils) : null,
    snils_hash: body.snils ? s.documents.index('snils', body.snils) : null,
    inn: body.inn ? s.documents.seal('inn', body.inn) : null,
    birth_certificate: body.birthCertificate
      ? s.documents.seal('birth_certificate', body.birthCertificate)
      : null,
    status: 'pending_confirmation',
    school_id: null,
    class_id: null,
    student_user_id: null,
    created_by: parentId,
    created_at: s.clock.now().toISOString(),
  };
}

/** Sends the card's code to the parent. After the commit: the gateway needs the one connection. */
async function sendChildCode(s: Services, userId: string, childId: string): Promise<Challenge> {
  const parent = await s.db
    .selectFrom('users')
    .select('phone')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const input = { userId, phone: parent.phone, purpose: 'child', targetId: childId } as const;
  return startChallenge(s, input);
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
async function linkableEntry(s: Services, caller: Caller, child: ChildRow, input: LinkInput) {
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
 * Records the link. It grants nothing yet: the child is placed in the roster's class (and the
 * class's timetable, teachers and chats open to the family) only when the school has approved the
 * application and it becomes active.
 */
async function insertLink(
  s: Services,
  caller: Caller,
  child: ChildRow,
  found: Awaited<ReturnType<typeof linkableEntry>>,
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
  await s.db.transaction().execute(async (trx) => {
    await trx.insertInto('school_links').values(link).execute();
    const action = { action: 'children.link_school', target: child.id, schoolId: school.id };
    await auditAs(s, trx, caller, action);
  });
  const cls = await s.db
    .selectFrom('classes')
    .select('name')
    .where('id', '=', link.class_id)
    .executeTakeFirstOrThrow();
  return linkView({ ...link, school_name: school.short_name, class_name: cls.name });
}

/** Children: cards, SMS confirmation, links to schools, teachers. */
export function childrenHandlers(s: Services): Handlers['children'] {
  return {
    async list({ user }) {
      return { items: await childViewsFor(s, user, await ownChildren(s, user)) };
    },

    async search({ query, user }) {
      const rows = await parentChildren(s, user.id);
      const found = rows.filter((row) => samePerson(row, query));
      return { items: await childViewsFor(s, user, found) };
    },

    async create({ body, user, ip }) {
      const siblings = await parentChildren(s, user.id);
      if (siblings.some((row) => samePerson(row, body))) throw new DomainError('child_exists');
      // One child, one card: the same SNILS from a second parent is a claim to be a guardian.
      const known = body.snils ? await childBySnils(s, body.snils) : undefined;
      if (known) await claimGuardian(s, { user, ip }, known, samePerson(known, body));
      const row = newChildRow(s, body, user.id);
      await s.db.transaction().execute(async (trx) => {
        await trx.insertInto('children').values(row).execute();
        const link = { parent_id: user.id, child_id: row.id };
        await trx.insertInto('parent_children').values(link).execute();
        await auditAs(s, trx, { user, ip }, { action: 'children.create', target: row.id });
      });
      const challenge = await sendChildCode(s, user.id, row.id);
      return { child: await childViewFor(s, user, row), challenge };
    },

    async get({ params, user }) {
      return childViewFor(s, user, await visibleChild(s, user, params.childId));
    },

    async confirm({ params, body, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      await assertChildChallenge(s, body.challengeId, child, user);
      await consumeChallenge(s, { ...body, purpose: 'child' });
      await s.db.transaction().execute(async (trx) => {
        const confirmed = { status: 'confirmed' };
        await trx.updateTable('children').set(confirmed).where('id', '=', child.id).execute();
        const action = { action: 'children.confirm', target: child.id, schoolId: child.school_id };
        await auditAs(s, trx, { user, ip }, action);
      });
      return childViewFor(s, user, { ...child, status: 'confirmed' });
    },

    async schoolLinks({ params, user }) {
      const child = await visibleChild(s, user, params.childId);
      return { items: await linkViews(s, child.id) };
    },

    async linkSchool({ params, body, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      const found = await linkableEntry(s, { user, ip }, child, body);
      return insertLink(s, { user, ip }, child, found);
    },

    async teachers({ params, user }) {
      const child = await visibleChild(s, user, params.childId);
      return { items: child.class_id ? await classTeachers(s, child.class_id) : [] };
    },
  };
}
