import { normalizeSnils, type RegisterInput, type User } from '@school-diary/core';
import type { MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** The SNILS of the accounts registered in a memory diary, by user id. */
const registeredSnils = new WeakMap<MemoryDiary, Map<string, string>>();

/** Whether a phone or a SNILS already has an account: on file in the fixtures, or registered. */
function taken(diary: MemoryDiary, phone: string, snils: string): boolean {
  const person = normalizeSnils(snils);
  const onFile = [
    ...Object.values(diary.data.snils ?? {}),
    ...(registeredSnils.get(diary)?.values() ?? []),
  ];
  return (
    diary.data.users.some((u) => u.phone === phone) ||
    onFile.some((s) => normalizeSnils(s) === person)
  );
}

/**
 * The memory client's parent registration, as the server answers it: the body is checked by
 * core's schema (every field, with its message), a password of one repeated character is
 * `weak_password` (the server also refuses the common passwords of the list it ships), and a
 * new account (`unconfirmed`) answers with a challenge whose code is `MEMORY_CODE`. A phone
 * or SNILS that already has an account answers exactly alike, but makes no account and its code
 * never matches, so registration reveals nobody. `auth.confirmIdentity` spends the code and marks
 * the account `confirmed_sms`; the new parent then signs in with their phone and password.
 */
export const REGISTRATION_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'auth.register': (diary, request) => {
    const body = request.body as RegisterInput;
    if (new Set(body.password.trim().toLowerCase()).size <= 1)
      throw new MemoryApiError(400, 'validation_failed', [
        { path: 'password', code: 'weak_password' },
      ]);
    const user: User = {
      id: diary.id('usr'),
      role: 'parent',
      phone: body.phone,
      lastName: body.lastName,
      firstName: body.firstName,
      ...(body.middleName ? { middleName: body.middleName } : {}),
      ...(body.email ? { email: body.email } : {}),
      identityStatus: 'unconfirmed',
      createdAt: diary.now().toISOString(),
    };
    if (taken(diary, body.phone, body.snils)) {
      const decoy = diary.purposeChallenge(undefined, 'identity');
      return { user, challenge: { ...decoy, sentTo: maskedPhone(body.phone) } };
    }
    diary.data.users.push(user);
    diary.setPassword(user.id, body.password);
    const snils = registeredSnils.get(diary) ?? new Map<string, string>();
    snils.set(user.id, body.snils);
    registeredSnils.set(diary, snils);
    return { user, challenge: diary.purposeChallenge(user, 'identity') };
  },
  'auth.confirmIdentity': (diary, request) => {
    const { challengeId, code } = request.body as { challengeId: string; code: string };
    const userId = diary.confirmPurpose(challengeId, code, 'identity');
    const user = diary.user(userId);
    if (user.identityStatus !== 'unconfirmed') return user;
    const confirmed: User = { ...user, identityStatus: 'confirmed_sms' };
    diary.data.users.splice(diary.data.users.indexOf(user), 1, confirmed);
    return confirmed;
  },
};

/** A phone as a challenge shows it: `+7 999 ***-**-01`. */
function maskedPhone(phone: string): string {
  return `${phone.slice(0, 2)} ${phone.slice(2, 5)} ***-**-${phone.slice(-2)}`;
}
