import type { Routes, Teacher } from '@school-diary/core';
import { DomainError } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import { consumeChallenge } from '../services/challenges';
import type { AuthUser, Services } from '../services/context';
import { claimGuardian } from '../services/guardian-claims';
import { insertLink, linkableEntry, linkViews, samePerson } from '../services/school-links';
import { childBySnils, childCardHandlers, sendParentCode } from './child-card';
import { childHistory } from './child-history';
import {
  auditAs,
  childViewFor,
  childViewsFor,
  ownChild,
  visibleChild,
  type ChildRow,
} from '../services/policy';

export async function parentChildren(s: Services, parentId: string): Promise<ChildRow[]> {
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

type ChildInputValue = RequestContext<Routes['children']['create']>['body'];

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

/** How soon after the card's SMS code a link may follow without a code of its own. */
const LINK_AFTER_CODE_MS = 30 * 60 * 1000;

/**
 * 409 `link_code_required` unless the caller confirmed this child's card with an SMS code in the
 * last half hour: the registration's code confirms its link too; any later link is a school
 * change with a code of its own.
 */
async function assertFreshCardCode(s: Services, user: AuthUser, childId: string): Promise<void> {
  const since = new Date(s.clock.now().getTime() - LINK_AFTER_CODE_MS).toISOString();
  const row = await s.db
    .selectFrom('challenges')
    .select('id')
    .where('user_id', '=', user.id)
    .where('purpose', '=', 'child')
    .where('target_id', '=', childId)
    .where('consumed_at', '>', since)
    .executeTakeFirst();
  if (!row) throw new DomainError('link_code_required');
}

/** Children: cards, SMS confirmation, links to schools, teachers. */
export function childrenHandlers(s: Services): Handlers['children'] {
  return {
    ...childCardHandlers(s),

    async history({ params, user }) {
      return { items: await childHistory(s, user, params.childId) };
    },

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
      const challenge = await sendParentCode(s, user.id, 'child', row.id);
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
        const action = {
          action: 'children.confirm',
          target: child.id,
          schoolId: child.school_id,
        } as const;
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
      await assertFreshCardCode(s, user, child.id);
      return s.db.transaction().execute((trx) => insertLink(s, trx, { user, ip }, child, found));
    },

    async teachers({ params, user }) {
      const child = await visibleChild(s, user, params.childId);
      return { items: child.class_id ? await classTeachers(s, child.class_id) : [] };
    },
  };
}
