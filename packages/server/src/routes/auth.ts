import type { Challenge, Routes, User } from '@school-diary/core';
import type { Handlers, RequestContext } from '../http/register-routes';
import { accountHandlers } from './account';
import { handoffHandlers } from './handoff';
import { oidcHandlers } from './oidc';
import {
  consumeChallenge,
  decoyChallenge,
  resendChallenge,
  startChallenge,
} from '../services/challenges';
import type { Services } from '../services/context';
import { moscowTime, noteIpFailure, startLogin, tellOwner } from '../services/login';
import { assertUncommonPassword } from '../services/password-policy';
import { fieldError } from '../services/domain-error';
import { hashPassword, verifyPassword } from '../services/secrets';
import {
  listSessions,
  revokeOwnSession,
  revokeFamily,
  revokeOtherSessions,
  revokeUserSessions,
  rotateRefreshToken,
} from '../services/sessions';
import { userView } from '../services/users';
import { openSignedInSession } from '../services/sign-in';

type RegisterBody = RequestContext<Routes['auth']['register']>['body'];

/**
 * The answer to a registration whose phone or SNILS already has an account: shaped like a new
 * account's, with a challenge no code will ever match. Each existing owner gets an SMS saying
 * someone tried, and the attempt is audited.
 */
async function decoyRegistration(
  s: Services,
  body: RegisterBody,
  owners: readonly { id: string; phone: string }[],
  ip: string,
): Promise<{ user: User; challenge: Challenge }> {
  for (const owner of owners) {
    await s.gateway.send({
      to: owner.phone,
      channel: 'sms',
      text: 'Кто-то пытался зарегистрироваться в электронном дневнике с вашим номером телефона или СНИЛС. Если это были вы — войдите или восстановите пароль.',
    });
    await s.audit.record(s.db, {
      action: 'auth.register',
      outcome: 'denied',
      ip,
      target: owner.id,
      detail: 'phone or SNILS already registered',
    });
  }
  const user: User = {
    id: s.ids('usr'),
    role: 'parent',
    phone: body.phone,
    lastName: body.lastName,
    firstName: body.firstName,
    ...(body.middleName ? { middleName: body.middleName } : {}),
    ...(body.email ? { email: body.email } : {}),
    identityStatus: 'unconfirmed',
    createdAt: s.clock.now().toISOString(),
  };
  return { user, challenge: decoyChallenge(s, body.phone) };
}

/** Registration, login with a one-time code, tokens, logout and password recovery. */
export function authHandlers(s: Services): Handlers['auth'] {
  return {
    ...accountHandlers(s),
    ...handoffHandlers(s),
    ...oidcHandlers(s),
    async register({ body, ip, lang }) {
      assertUncommonPassword(body.password, 'password');
      // Hashed first, taken or not: a decoy answer takes as long as a real one.
      const passwordHash = await hashPassword(body.password, s.config.passwordHashCost);
      const id = s.ids('usr');
      // One account per phone and per person (SNILS). Either taken answers exactly like a new
      // account, so registration reveals nobody; the owner is told by SMS instead. The look and
      // the insert share a transaction: of two racing registrations the second sees the first
      // (PostgreSQL runs it again after the unique index refuses it).
      const taken = await s.db.transaction().execute(async (trx) => {
        const owners = await trx
          .selectFrom('users')
          .select(['id', 'phone'])
          .where((eb) =>
            eb.or([
              eb('phone', '=', body.phone),
              eb('snils_hash', 'in', s.documents.indexes('snils', body.snils)),
            ]),
          )
          .execute();
        if (owners.length > 0) return owners;
        await trx
          .insertInto('users')
          .values({
            id,
            role: 'parent',
            phone: body.phone,
            password_hash: passwordHash,
            last_name: body.lastName,
            first_name: body.firstName,
            middle_name: body.middleName ?? null,
            email: body.email ?? null,
            snils: s.documents.seal('snils', body.snils),
            snils_hash: s.documents.index('snils', body.snils),
            passport: s.documents.seal('passport', body.passport),
            school_id: null,
            contact_hours: null,
            lang,
            identity_status: 'unconfirmed',
            failed_logins: 0,
            locked_until: null,
            created_at: s.clock.now().toISOString(),
          })
          .execute();
        await s.audit.record(trx, {
          action: 'auth.register',
          outcome: 'success',
          ip,
          actor: { id, role: 'parent' },
          target: id,
        });
        return [];
      });
      if (taken.length > 0) return decoyRegistration(s, body, taken, ip);
      // The code is sent after the commit: the gateway writes through its own connection.
      const challenge = await startChallenge(s, {
        userId: id,
        phone: body.phone,
        purpose: 'identity',
      });
      const user = await s.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { user: userView(user), challenge };
    },

    async confirmIdentity({ body, ip }) {
      const { userId } = await consumeChallenge(s, { ...body, purpose: 'identity' });
      await s.db
        .updateTable('users')
        .set({ identity_status: 'confirmed_sms' })
        .where('id', '=', userId)
        .where('identity_status', '=', 'unconfirmed')
        .execute();
      await s.audit.record(s.db, {
        action: 'auth.identity_confirmed',
        outcome: 'success',
        ip,
        actor: { id: userId, role: 'parent' },
        target: userId,
      });
      return userView(
        await s.db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', userId)
          .executeTakeFirstOrThrow(),
      );
    },

    login: ({ body, ip }) => startLogin(s, body, ip),

    async verify({ body, ip, userAgent, lang }) {
      const { userId } = await consumeChallenge(s, { ...body, purpose: 'login' }, ip);
      return openSignedInSession(s, { userId, ip, userAgent, lang, action: 'auth.verify' });
    },

    resend: ({ body }) => resendChallenge(s, body.challengeId),

    refresh: ({ body, ip }) => rotateRefreshToken(s, body.refreshToken, ip),

    async logout({ user, ip }) {
      await revokeFamily(s, user.familyId);
      await s.audit.record(s.db, {
        action: 'auth.logout',
        outcome: 'success',
        ip,
        actor: { id: user.id, role: user.role, schoolId: user.schoolId },
      });
      return undefined;
    },

    async me({ user }) {
      return userView(
        await s.db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow(),
      );
    },

    async sessions({ user }) {
      return { items: await listSessions(s, user) };
    },

    async revokeSession({ params, user, ip }) {
      await revokeOwnSession(s, user, params.sessionId);
      const actor = { id: user.id, role: user.role, schoolId: user.schoolId };
      await s.audit.record(s.db, {
        action: 'auth.session_revoked',
        outcome: 'success',
        ip,
        actor,
        target: params.sessionId,
      });
      return undefined;
    },

    async changePassword({ body, user, ip }) {
      const row = await s.db
        .selectFrom('users')
        .select(['password_hash', 'phone'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      const actor = { id: user.id, role: user.role, schoolId: user.schoolId };
      if (!(await verifyPassword(body.currentPassword, row.password_hash))) {
        await noteIpFailure(s, ip, row.phone);
        await s.audit.record(s.db, {
          action: 'auth.password_change',
          outcome: 'failure',
          ip,
          actor,
          detail: 'wrong current password',
        });
        throw fieldError('currentPassword', 'format');
      }
      assertUncommonPassword(body.newPassword, 'newPassword');
      const passwordHash = await hashPassword(body.newPassword, s.config.passwordHashCost);
      await s.db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', user.id)
        .execute();
      await revokeOtherSessions(s, user.id, user.familyId);
      await s.audit.record(s.db, { action: 'auth.password_change', outcome: 'success', ip, actor });
      await tellOwner(
        s,
        row.phone,
        'пароль изменён, остальные сеансы завершены. Если это были не вы, восстановите пароль и обратитесь в школу.',
      );
      return undefined;
    },

    async recoveryStart({ body, ip }) {
      const user = await s.db
        .selectFrom('users')
        .select(['id', 'phone'])
        .where('phone', '=', body.phone)
        .executeTakeFirst();
      await s.audit.record(s.db, {
        action: 'auth.recovery_start',
        outcome: user ? 'success' : 'failure',
        ip,
        target: user?.id ?? null,
      });
      if (!user) return decoyChallenge(s, body.phone);
      return startChallenge(s, { userId: user.id, phone: user.phone, purpose: 'recovery' });
    },

    async recoveryComplete({ body, ip }) {
      assertUncommonPassword(body.newPassword, 'newPassword');
      const { userId } = await consumeChallenge(
        s,
        { challengeId: body.challengeId, code: body.code, purpose: 'recovery' },
        ip,
      );
      const passwordHash = await hashPassword(body.newPassword, s.config.passwordHashCost);
      // A lock stays until it ends: an SMS code alone does not lift it.
      const owner = await s.db
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_logins: 0 })
        .where('id', '=', userId)
        .returning(['phone', 'locked_until'])
        .executeTakeFirstOrThrow();
      await revokeUserSessions(s, userId);
      await s.audit.record(s.db, {
        action: 'auth.password_reset',
        outcome: 'success',
        ip,
        actor: { id: userId, role: 'parent' },
        target: userId,
      });
      const lock =
        owner.locked_until && new Date(owner.locked_until) > s.clock.now()
          ? ` Вход по-прежнему заблокирован до ${moscowTime(new Date(owner.locked_until))}.`
          : '';
      await tellOwner(
        s,
        owner.phone,
        `пароль восстановлен по коду из SMS, все сеансы завершены.${lock} Если это были не вы, обратитесь в школу.`,
      );
      return undefined;
    },
  };
}
