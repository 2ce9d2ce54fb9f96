import type { User } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** The new phone each pending phone-change challenge moves its account to. */
const pendingPhones = new WeakMap<MemoryDiary, Map<string, string>>();

function replaceUser(diary: MemoryDiary, user: User): User {
  const index = diary.data.users.findIndex((u) => u.id === user.id);
  diary.data.users.splice(index, 1, user);
  return user;
}

/**
 * The memory client's answers for one's own account: names and e-mail, a new phone confirmed by
 * the code, a new password (the current one checked; other sessions end), the list of
 * sessions with signing one or every other out, and sign-in identities as a server without
 * identity providers answers them (none to sign in with, none linked, 404 to unlink).
 */
export const ACCOUNT_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'auth.providers': () => ({ items: [] }),
  'auth.identities': (_diary, request) => {
    signedIn(request);
    return { items: [] };
  },
  'auth.unlinkIdentity': (_diary, request) => {
    signedIn(request);
    throw notFound();
  },
  'auth.updateMe': (diary, request) => {
    const user = diary.user(signedIn(request).id);
    const body = request.body as Partial<
      Record<'lastName' | 'firstName' | 'middleName' | 'email', string>
    >;
    const { middleName: _m, email: _e, ...rest } = user;
    const middleName = body.middleName ?? user.middleName;
    const email = body.email ?? user.email;
    return replaceUser(diary, {
      ...rest,
      lastName: body.lastName ?? user.lastName,
      firstName: body.firstName ?? user.firstName,
      ...(middleName ? { middleName } : {}),
      ...(email ? { email } : {}),
    });
  },
  'auth.changePhone': (diary, request) => {
    const user = signedIn(request);
    const phone = String(request.body.phone);
    // Another account's number: a challenge whose code never matches, as the server answers.
    if (diary.data.users.some((u) => u.phone === phone))
      return diary.purposeChallenge(undefined, 'phone');
    const challenge = diary.purposeChallenge(user, 'phone');
    const pending = pendingPhones.get(diary) ?? new Map<string, string>();
    pending.set(challenge.challengeId, phone);
    pendingPhones.set(diary, pending);
    return {
      ...challenge,
      sentTo: `${phone.slice(0, 2)} ${phone.slice(2, 5)} ***-**-${phone.slice(-2)}`,
    };
  },
  'auth.confirmPhone': (diary, request) => {
    const user = signedIn(request);
    const challengeId = String(request.body.challengeId);
    const owner = diary.confirmPurpose(challengeId, String(request.body.code), 'phone');
    const phone = pendingPhones.get(diary)?.get(challengeId);
    if (owner !== user.id || !phone)
      throw new MemoryApiError(400, 'code_invalid', [{ path: 'code', code: 'wrong_code' }]);
    return replaceUser(diary, { ...diary.user(user.id), phone });
  },
  'auth.changePassword': (diary, request) => {
    const user = signedIn(request);
    if (!diary.checkPassword(user.id, String(request.body.currentPassword)))
      throw new MemoryApiError(400, 'validation_failed', [
        { path: 'currentPassword', code: 'format' },
      ]);
    diary.setPassword(user.id, String(request.body.newPassword), request.family);
    return undefined;
  },
  'auth.sessions': (diary, request) => ({
    items: diary.sessionsOf(signedIn(request).id, request.family),
  }),
  'auth.revokeSession': (diary, request) => {
    const user = signedIn(request);
    const sessionId = request.params.sessionId;
    if (!diary.sessionsOf(user.id, request.family).some((s) => s.id === sessionId))
      throw notFound();
    diary.revoke(String(sessionId));
    return undefined;
  },
  'auth.revokeOtherSessions': (diary, request) => {
    const user = signedIn(request);
    for (const session of diary.sessionsOf(user.id, request.family))
      if (!session.current) diary.revoke(session.id);
    return undefined;
  },
};
