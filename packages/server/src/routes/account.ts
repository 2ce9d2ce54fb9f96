import type { Handlers } from '../http/register-routes';
import { consumeChallenge, decoyChallenge, startChallenge } from '../services/challenges';
import type { AuthUser, Services } from '../services/context';
import { DomainError } from '../services/domain-error';
import { tellOwner } from '../services/login';
import { revokeOtherSessions } from '../services/sessions';
import { userView } from '../services/users';

type AccountHandlers = Pick<
  NonNullable<Handlers['auth']>,
  'updateMe' | 'changePhone' | 'confirmPhone' | 'revokeOtherSessions'
>;

const actorOf = (user: AuthUser) => ({ id: user.id, role: user.role, schoolId: user.schoolId });

async function ownRow(s: Services, userId: string) {
  return s.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

/**
 * One's own account: names and e-mail, moving to a new phone (confirmed by a code sent to the new
 * number), and signing every other session out.
 */
export function accountHandlers(s: Services): AccountHandlers {
  return {
    async updateMe({ body, user, ip }) {
      const set = {
        ...(body.lastName !== undefined ? { last_name: body.lastName } : {}),
        ...(body.firstName !== undefined ? { first_name: body.firstName } : {}),
        ...(body.middleName !== undefined ? { middle_name: body.middleName || null } : {}),
        ...(body.email !== undefined ? { email: body.email || null } : {}),
      };
      if (Object.keys(set).length > 0) {
        await s.db.updateTable('users').set(set).where('id', '=', user.id).execute();
        const detail = JSON.stringify(Object.keys(set));
        await s.audit.record(s.db, {
          action: 'auth.profile_update',
          outcome: 'success',
          ip,
          actor: actorOf(user),
          detail,
        });
      }
      return userView(await ownRow(s, user.id));
    },

    async changePhone({ body, user, ip }) {
      const owner = await s.db
        .selectFrom('users')
        .select('id')
        .where('phone', '=', body.phone)
        .executeTakeFirst();
      const action = { action: 'auth.phone_change_start', ip, actor: actorOf(user) } as const;
      // Another account's number: the same answer as for a free one (no code ever arrives), so
      // the form does not tell who is registered; that number's owner is told.
      if (owner) {
        await s.audit.record(s.db, { ...action, outcome: 'denied', detail: 'phone in use' });
        if (owner.id !== user.id)
          await tellOwner(
            s,
            body.phone,
            'кто-то пытался перенести другой аккаунт на ваш номер. Если это были не вы, ничего делать не нужно.',
          );
        return decoyChallenge(s, body.phone);
      }
      await s.audit.record(s.db, { ...action, outcome: 'success' });
      return startChallenge(s, { userId: user.id, phone: body.phone, purpose: 'phone' });
    },

    async confirmPhone({ body, user, ip }) {
      const { userId } = await consumeChallenge(s, { ...body, purpose: 'phone' }, ip);
      if (userId !== user.id)
        throw new DomainError('code_invalid', { fields: [{ path: 'code', code: 'wrong_code' }] });
      const challenge = await s.db
        .selectFrom('challenges')
        .select('phone')
        .where('id', '=', body.challengeId)
        .executeTakeFirstOrThrow();
      const old = await ownRow(s, user.id);
      try {
        await s.db
          .updateTable('users')
          .set({ phone: challenge.phone })
          .where('id', '=', user.id)
          .execute();
      } catch {
        // Taken between the code and its confirmation: the unique index refuses it.
        throw new DomainError('validation_failed', {
          fields: [{ path: 'phone', code: 'already_registered' }],
        });
      }
      await s.audit.record(s.db, {
        action: 'auth.phone_change',
        outcome: 'success',
        ip,
        actor: actorOf(user),
      });
      await tellOwner(
        s,
        old.phone,
        'номер телефона аккаунта изменён. Если это были не вы, обратитесь в школу.',
      );
      return userView(await ownRow(s, user.id));
    },

    async revokeOtherSessions({ user, ip }) {
      await revokeOtherSessions(s, user.id, user.familyId);
      await s.audit.record(s.db, {
        action: 'auth.other_sessions_revoked',
        outcome: 'success',
        ip,
        actor: actorOf(user),
      });
      return undefined;
    },
  };
}
