import type { Challenge } from '@school-diary/core';
import { DomainError } from './domain-error';
import { startChallenge } from './challenges';
import type { Services } from './context';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './secrets';

/** `12:30 МСК`: when a lock ends, as the owner's SMS says it. */
export function moscowTime(at: Date): string {
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  return `${time} МСК`;
}

/**
 * Sends the account's owner an SMS about a security event (password changed or reset, a
 * sign-in from a new device, a lockout), so that one they did not make does not go unseen.
 */
export async function tellOwner(
  services: Pick<Services, 'gateway'>,
  phone: string,
  text: string,
): Promise<void> {
  await services.gateway.send({ to: phone, channel: 'sms', text: `Электронный дневник: ${text}` });
}

export async function assertIpNotBlocked(services: Services, ip: string): Promise<void> {
  const block = await services.db
    .selectFrom('ip_blocks')
    .selectAll()
    .where('ip', '=', ip)
    .executeTakeFirst();
  if (!block) return;
  const until = new Date(block.blocked_until);
  const seconds = Math.ceil((until.getTime() - services.clock.now().getTime()) / 1000);
  if (seconds > 0) throw new DomainError('ip_blocked', { retryAfterSeconds: seconds });
  await services.db.deleteFrom('ip_blocks').where('ip', '=', ip).execute();
}

/**
 * Counts a failed sign-in or recovery from an IP; blocks an IP that failed too many across
 * accounts, with an audit alert.
 */
export async function noteIpFailure(services: Services, ip: string, phone: string): Promise<void> {
  const now = services.clock.now();
  await services.db
    .insertInto('login_attempts')
    .values({ ip, phone, at: now.toISOString(), success: 0 })
    .execute();
  const since = new Date(now.getTime() - services.config.ipFailureWindow * 1000).toISOString();
  const { count } = await services.db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('ip', '=', ip)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(count) < services.config.ipFailureThreshold) return;
  const blockedUntil = new Date(
    now.getTime() + services.config.ipBlockDuration * 1000,
  ).toISOString();
  await services.db
    .insertInto('ip_blocks')
    .values({ ip, blocked_until: blockedUntil, reason: 'failed_logins' })
    .onConflict((oc) => oc.column('ip').doUpdateSet({ blocked_until: blockedUntil }))
    .execute();
  await services.audit.record(services.db, {
    action: 'security.ip_blocked',
    outcome: 'denied',
    ip,
    detail: `ALERT: ${count} failed logins across accounts within ${services.config.ipFailureWindow / 60} min`,
  });
}

/**
 * Checks phone and password and sends a login code. A wrong phone and a wrong password answer
 * the same; five wrong passwords lock the account; many failures from one IP block the IP.
 */
export async function startLogin(
  services: Services,
  input: { phone: string; password: string },
  ip: string,
): Promise<Challenge> {
  await assertIpNotBlocked(services, ip);
  const user = await services.db
    .selectFrom('users')
    .selectAll()
    .where('phone', '=', input.phone)
    .executeTakeFirst();
  const now = services.clock.now();
  // A locked account answers exactly like a wrong password: from outside, a lock says nothing
  // about whether the phone or the password was right. The owner was told by SMS when it locked.
  if (user?.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    await verifyPassword(input.password, dummyPasswordHash(services.config.passwordHashCost));
    await noteIpFailure(services, ip, input.phone);
    await services.audit.record(services.db, {
      action: 'auth.login',
      outcome: 'denied',
      ip,
      actor: { id: user.id, role: user.role, schoolId: user.school_id },
      detail: 'locked',
    });
    throw new DomainError('invalid_credentials');
  }
  const cost = services.config.passwordHashCost;
  const ok = await verifyPassword(input.password, user?.password_hash ?? dummyPasswordHash(cost));
  if (!user || !ok) {
    await noteIpFailure(services, ip, input.phone);
    if (user) {
      // Counted in one statement, so wrong passwords sent to several instances at once add up.
      const { failed_logins: failed } = await services.db
        .updateTable('users')
        .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      const lock = failed >= services.config.lockoutThreshold;
      const lockedUntil = lock
        ? new Date(now.getTime() + services.config.lockoutDuration * 1000)
        : null;
      if (lockedUntil)
        await services.db
          .updateTable('users')
          .set({ failed_logins: 0, locked_until: lockedUntil.toISOString() })
          .where('id', '=', user.id)
          .execute();
      await services.audit.record(services.db, {
        action: lock ? 'auth.lockout' : 'auth.login',
        outcome: 'failure',
        ip,
        actor: { id: user.id, role: user.role, schoolId: user.school_id },
        detail: lock ? `ALERT: locked after ${failed} wrong passwords` : 'wrong password',
      });
      if (lockedUntil) {
        await tellOwner(
          services,
          user.phone,
          `вход заблокирован до ${moscowTime(lockedUntil)} после ${failed} неверных паролей. Если это были не вы, смените пароль.`,
        );
      }
    } else {
      await services.audit.record(services.db, {
        action: 'auth.login',
        outcome: 'failure',
        ip,
        target: input.phone.slice(0, 5) + '…',
        detail: 'unknown phone',
      });
    }
    throw new DomainError('invalid_credentials');
  }
  // A hash made at a lower cost than today's is redone now, while the password is at hand.
  const rehashed = needsRehash(user.password_hash, cost)
    ? { password_hash: await hashPassword(input.password, cost) }
    : {};
  await services.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, ...rehashed })
    .where('id', '=', user.id)
    .execute();
  await services.db
    .insertInto('login_attempts')
    .values({ ip, phone: input.phone, at: now.toISOString(), success: 1 })
    .execute();
  await services.audit.record(services.db, {
    action: 'auth.login',
    outcome: 'success',
    ip,
    actor: { id: user.id, role: user.role, schoolId: user.school_id },
    detail: 'password ok, code sent',
  });
  return startChallenge(services, {
    userId: user.id,
    phone: user.phone,
    purpose: 'login',
  });
}
