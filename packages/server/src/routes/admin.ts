import type { Handlers } from '../http/register-routes';
import { notFound } from '../services/domain-error';
import type { Services } from '../services/context';
import { auditAs } from '../services/policy';
import { userView } from '../services/users';

/** School admin tools: find a parent by phone and confirm their identity in person. */
export function adminHandlers(s: Services): Handlers['admin'] {
  return {
    async confirmIdentityInPerson({ params, body, user, ip }) {
      const parent = await s.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', params.userId)
        .where('role', '=', 'parent')
        .executeTakeFirst();
      if (!parent) throw notFound();
      await s.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ identity_status: 'confirmed_in_person' })
          .where('id', '=', parent.id)
          .execute();
        const detail = body.note ? `${body.document}: ${body.note}` : body.document;
        const action = { action: 'admin.identity_confirmed_in_person', target: parent.id, detail };
        await auditAs(s, trx, { user, ip }, action);
      });
      return userView({ ...parent, identity_status: 'confirmed_in_person' });
    },

    async findUser({ query, user, ip }) {
      const rows = await s.db
        .selectFrom('users')
        .selectAll()
        .where('phone', '=', query.phone)
        .where('role', '=', 'parent')
        .execute();
      // A lookup of a person by phone is personal data: it is logged like a write.
      const action = { action: 'admin.find_user', target: rows[0]?.id ?? null };
      await auditAs(s, s.db, { user, ip }, action);
      return { items: rows.map(userView) };
    },
  };
}
