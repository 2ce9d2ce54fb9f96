import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers } from '../http/register-routes';
import { notFound } from '../services/domain-error';
import type { Services } from '../services/context';
import { approveClaim, pendingClaims } from '../services/guardian-claims';
import { auditAs } from '../services/policy';
import { userView } from '../services/users';

/**
 * The users connected to a school: a parent of a child placed there, linked to it or applying to
 * it, and anyone who sent it a support ticket. An admin looks up only these by phone alone.
 */
function connectedTo(schoolId: string) {
  return (eb: ExpressionBuilder<Database, 'users'>) => {
    const childrenThere = eb
      .selectFrom('children')
      .select('children.id')
      .where((c) =>
        c.or([
          c('children.school_id', '=', schoolId),
          c(
            'children.id',
            'in',
            c.selectFrom('school_links').select('child_id').where('school_id', '=', schoolId),
          ),
          c(
            'children.id',
            'in',
            c.selectFrom('applications').select('child_id').where('school_id', '=', schoolId),
          ),
        ]),
      );
    return eb.or([
      eb(
        'users.id',
        'in',
        eb
          .selectFrom('parent_children')
          .select('parent_id')
          .where('parent_children.child_id', 'in', childrenThere),
      ),
      eb(
        'users.id',
        'in',
        eb.selectFrom('tickets').select('author_id').where('tickets.school_id', '=', schoolId),
      ),
    ]);
  };
}

/** School admin tools: find a parent by phone and confirm their identity in person. */
export function adminHandlers(s: Services): Handlers['admin'] {
  return {
    async confirmIdentityInPerson({ params, body, user, ip }) {
      // The person is named by phone and SNILS together, as read from the documents shown.
      const parent = await s.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', params.userId)
        .where('role', '=', 'parent')
        .where('phone', '=', body.phone)
        .where('snils_hash', 'in', s.documents.indexes('snils', body.snils))
        .executeTakeFirst();
      if (!parent) {
        const failure = {
          action: 'admin.identity_confirmed_in_person',
          outcome: 'failure',
        } as const;
        await auditAs(
          s,
          s.db,
          { user, ip },
          { ...failure, target: params.userId, detail: 'no match' },
        );
        throw notFound();
      }
      await s.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ identity_status: 'confirmed_in_person' })
          .where('id', '=', parent.id)
          .execute();
        const detail = body.note ? `${body.document}: ${body.note}` : body.document;
        const action = {
          action: 'admin.identity_confirmed_in_person',
          target: parent.id,
          detail,
        } as const;
        await auditAs(s, trx, { user, ip }, action);
      });
      return userView({ ...parent, identity_status: 'confirmed_in_person' });
    },

    async findUser({ query, user, ip }) {
      const schoolId = user.schoolId ?? '';
      let q = s.db
        .selectFrom('users')
        .selectAll()
        .where('phone', '=', query.phone)
        .where('role', '=', 'parent');
      // Phone and SNILS together find anyone (the in-person check); a phone alone, only the
      // school's own families.
      q = query.snils
        ? q.where('snils_hash', 'in', s.documents.indexes('snils', query.snils))
        : q.where(connectedTo(schoolId));
      const rows = await q.execute();
      // A lookup of a person by phone is personal data: it is logged like a write.
      const detail = query.snils ? 'by phone and SNILS' : 'by phone';
      const action = { action: 'admin.find_user', target: rows[0]?.id ?? null, detail } as const;
      await auditAs(s, s.db, { user, ip }, action);
      return { items: rows.map(userView) };
    },

    async guardianClaims({ user }) {
      return { items: await pendingClaims(s, user) };
    },

    approveGuardian: ({ params, user, ip }) => approveClaim(s, { user, ip }, params.claimId),
  };
}
