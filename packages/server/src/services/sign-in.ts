import type { AuditAction, Lang, Session } from '@school-diary/core';
import type { Services } from './context';
import { tellOwner } from './login';
import { deviceHashOf, issueSession, knownDevice } from './sessions';

/**
 * Opens the session of a user who proved who they are (password and code, or a linked identity
 * provider): keeps the language they signed in with, audits the sign-in under `action`, and
 * alerts the owner by SMS the first time a device is seen.
 */
export async function openSignedInSession(
  s: Services,
  input: {
    userId: string;
    ip: string;
    userAgent: string;
    lang: Lang;
    action: AuditAction;
    detail?: string;
  },
): Promise<Session> {
  const { userId, ip, userAgent } = input;
  // The language of the browser signed in with: what e-mail and SMS to this user are in.
  await s.db.updateTable('users').set({ lang: input.lang }).where('id', '=', userId).execute();
  const device = deviceHashOf(s, userAgent);
  const known = await knownDevice(s, userId, device);
  const session = await issueSession(s, userId, undefined, device, { userAgent, ip });
  const actor = { id: userId, role: session.user.role, schoolId: session.user.schoolId ?? null };
  await s.audit.record(s.db, {
    action: input.action,
    outcome: 'success',
    ip,
    actor,
    ...(input.detail ? { detail: input.detail } : {}),
  });
  if (!known) {
    await s.audit.record(s.db, {
      action: 'security.new_device',
      outcome: 'success',
      ip,
      actor,
      detail: 'ALERT: sign-in from a device this account never used',
    });
    await tellOwner(
      s,
      session.user.phone,
      'вход с нового устройства. Если это были не вы, смените пароль и завершите чужие сеансы в настройках.',
    );
  }
  return session;
}
