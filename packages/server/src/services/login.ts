import type { Challenge } from '@school-diary/core';
import { DomainError } from './domain-error';
import { startChallenge } from './challenges';
import type { Services } from './context';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './secrets';

function lockedError(services: Services, until: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - services.clock.now().getTime()) / 1000));
  const time = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    hour: '2-digit',
    minute: '2-digit',
  }).format(until);
  return new DomainError('account_locked', {
    params: { until: `${time} МСК`, seconds },
    retryAfterSeconds: seconds,
  });
}

async function assertIpNotBlocked(services: Services, ip: string): Promise<void> {
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

/** Blocks an IP that failed too many logins across accounts, with an audit alert. */
async function noteIpFailure(services: Services, ip: string, phone: string): Promise<void> {
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
  if (user?.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    await services.audit.record(services.db, {
      action: 'auth.login',
      outcome: 'denied',
      ip,
      actor: { id: user.id, role: user.role, schoolId: user.school_id },
      detail: 'locked',
    });
    throw lockedError(services, new Date(user.locked_until));
  }
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
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
        detail: lock ? `locked after ${failed} wrong passwords` : 'wrong password',
      });
      if (lockedUntil) throw lockedError(services, lockedUntil);
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
  await services.db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null })
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
