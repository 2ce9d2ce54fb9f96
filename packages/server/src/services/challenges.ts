import type { Challenge } from '@school-diary/core';
import { DomainError } from './domain-error';
import type { Services } from './context';
import { noteIpFailure } from './login';
import { hashCode, sameDigest } from './secrets';

/** What a one-time code confirms. */
export type ChallengePurpose = 'login' | 'identity' | 'child' | 'recovery' | 'phone' | 'school';

const PURPOSE_TEXT: Record<ChallengePurpose, string> = {
  login: 'вход в электронный дневник',
  identity: 'подтверждение регистрации',
  child: 'подтверждение карточки ребёнка',
  recovery: 'восстановление пароля',
  phone: 'подтверждение нового номера телефона',
  school: 'подтверждение смены школы ребёнка',
};

/** `+7 999 ***-**-01`: enough to recognise one's own phone, not enough to learn someone else's. */
export function maskPhone(phone: string): string {
  return `+7 ${phone.slice(2, 5)} ***-**-${phone.slice(-2)}`;
}

function view(row: {
  id: string;
  expires_at: string;
  resend_after: string;
  phone: string;
}): Challenge {
  return {
    challengeId: row.id,
    expiresAt: row.expires_at,
    resendAfter: row.resend_after,
    sentTo: maskPhone(row.phone),
  };
}

async function deliver(
  services: Services,
  phone: string,
  purpose: ChallengePurpose,
  code: string,
  challengeId: string,
): Promise<void> {
  const minutes = Math.round(services.config.codeTtl / 60);
  await services.gateway.send({
    to: phone,
    channel: 'sms',
    text: `Код ${code} — ${PURPOSE_TEXT[purpose]}. Действует ${minutes} мин. Никому его не сообщайте.`,
    purpose,
    code: { value: code, challengeId },
    expiresAt: new Date(
      services.clock.now().getTime() + services.config.codeTtl * 1000,
    ).toISOString(),
  });
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * 429 once an account has been sent `maxCodesPerDay` codes in a day, over all its challenges:
 * new challenges do not reset the count that resends keep.
 */
async function assertCodesLeft(services: Services, userId: string): Promise<void> {
  const since = new Date(services.clock.now().getTime() - DAY_MS).toISOString();
  const { sent } = await services.db
    .selectFrom('challenges')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('sends'), eb.lit(0)).as('sent'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(sent) >= services.config.maxCodesPerDay) {
    const seconds = DAY_MS / 1000;
    throw new DomainError('rate_limited', { params: { seconds }, retryAfterSeconds: seconds });
  }
}

/** Whether an account has used up its wrong codes for the day, over all its challenges. */
async function triesUsedUp(services: Services, userId: string): Promise<boolean> {
  const since = new Date(services.clock.now().getTime() - DAY_MS).toISOString();
  const { tried } = await services.db
    .selectFrom('challenges')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('attempts'), eb.lit(0)).as('tried'))
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(tried) >= services.config.maxCodeTriesPerDay;
}

/**
 * Creates a challenge, sends its code by SMS and returns its public view. Call it after any
 * transaction has committed: the gateway writes through its own connection.
 */
export async function startChallenge(
  services: Services,
  input: { userId: string; phone: string; purpose: ChallengePurpose; targetId?: string },
): Promise<Challenge> {
  await assertCodesLeft(services, input.userId);
  const now = services.clock.now();
  const id = services.ids('chl');
  const code = services.newCode();
  const row = {
    id,
    user_id: input.userId,
    purpose: input.purpose,
    target_id: input.targetId ?? null,
    phone: input.phone,
    code_hash: hashCode(services.secret, id, code),
    attempts: 0,
    sends: 1,
    expires_at: new Date(now.getTime() + services.config.codeTtl * 1000).toISOString(),
    resend_after: new Date(now.getTime() + services.config.resendCooldown * 1000).toISOString(),
    consumed_at: null,
    created_at: now.toISOString(),
  };
  await services.db.insertInto('challenges').values(row).execute();
  await deliver(services, input.phone, input.purpose, code, id);
  return view(row);
}

/** A challenge-shaped answer for an unknown phone, so recovery does not reveal who is registered. */
export function decoyChallenge(services: Services, phone: string): Challenge {
  const now = services.clock.now().getTime();
  return view({
    id: services.ids('chl'),
    phone,
    expires_at: new Date(now + services.config.codeTtl * 1000).toISOString(),
    resend_after: new Date(now + services.config.resendCooldown * 1000).toISOString(),
  });
}

/**
 * Sends a new code for a pending challenge once its cooldown has passed. The new code replaces the
 * old within the challenge's own lifetime: a resend never revives an expired challenge nor gives
 * back the tries already spent, and it counts toward the account's codes of the day.
 */
export async function resendChallenge(services: Services, challengeId: string): Promise<Challenge> {
  const row = await services.db
    .selectFrom('challenges')
    .selectAll()
    .where('id', '=', challengeId)
    .executeTakeFirst();
  if (!row || row.consumed_at)
    throw new DomainError('code_invalid', { fields: [{ path: 'challengeId', code: 'format' }] });
  const now = services.clock.now();
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new DomainError('code_expired');
  if (row.attempts >= services.config.codeAttempts)
    throw new DomainError('code_attempts_exhausted');
  const wait = Math.ceil((new Date(row.resend_after).getTime() - now.getTime()) / 1000);
  if (wait > 0)
    throw new DomainError('resend_too_soon', {
      params: { seconds: wait },
      retryAfterSeconds: wait,
    });
  if (row.sends >= services.config.maxCodeSends) {
    throw new DomainError('rate_limited', {
      params: { seconds: services.config.codeTtl },
      retryAfterSeconds: services.config.codeTtl,
    });
  }
  await assertCodesLeft(services, row.user_id);
  const code = services.newCode();
  const update = {
    code_hash: hashCode(services.secret, row.id, code),
    sends: row.sends + 1,
    resend_after: new Date(now.getTime() + services.config.resendCooldown * 1000).toISOString(),
  };
  await services.db.updateTable('challenges').set(update).where('id', '=', row.id).execute();
  await deliver(services, row.phone, row.purpose as ChallengePurpose, code, row.id);
  return view({ ...row, ...update });
}

/**
 * Checks a code against a challenge of the given purpose and consumes it. Wrong codes count
 * against the challenge's tries; after the last try the challenge is dead and a new code is needed.
 */
export async function consumeChallenge(
  services: Services,
  input: { challengeId: string; code: string; purpose: ChallengePurpose },
  ip?: string,
): Promise<{ userId: string; targetId: string | null }> {
  const row = await services.db
    .selectFrom('challenges')
    .selectAll()
    .where('id', '=', input.challengeId)
    .executeTakeFirst();
  const invalid = new DomainError('code_invalid', {
    fields: [{ path: 'code', code: 'wrong_code' }],
  });
  if (!row || row.purpose !== input.purpose || row.consumed_at) throw invalid;
  const now = services.clock.now();
  if (row.attempts >= services.config.codeAttempts || (await triesUsedUp(services, row.user_id)))
    throw new DomainError('code_attempts_exhausted');
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new DomainError('code_expired');
  if (!sameDigest(hashCode(services.secret, row.id, input.code), row.code_hash)) {
    // One statement: wrong codes sent to several instances at once all count.
    const { attempts } = await services.db
      .updateTable('challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    await services.audit.record(services.db, {
      action: `auth.wrong_code`,
      outcome: 'failure',
      ip: ip ?? '',
      actor: { id: row.user_id, role: 'unknown' },
      target: row.id,
      detail: `${row.purpose}: try ${attempts} of ${services.config.codeAttempts}`,
    });
    // Wrong recovery codes count toward the IP block like wrong passwords.
    if (ip && row.purpose === 'recovery') await noteIpFailure(services, ip, row.phone);
    if (attempts >= services.config.codeAttempts) throw new DomainError('code_attempts_exhausted');
    throw invalid;
  }
  const consumed = await services.db
    .updateTable('challenges')
    .set({ consumed_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', services.config.codeAttempts)
    .executeTakeFirst();
  if (Number(consumed.numUpdatedRows) !== 1) throw invalid;
  return { userId: row.user_id, targetId: row.target_id };
}
