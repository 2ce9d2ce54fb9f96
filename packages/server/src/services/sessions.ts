import type { Session } from '@school-diary/core';
import { DomainError } from './domain-error';
import type { AuthUser, Services } from './context';
import { hashToken, newToken } from './secrets';
import { userView } from './users';

/** Opens a session (or continues a family after rotation) and returns its tokens and user. */
export async function issueSession(
  services: Services,
  userId: string,
  familyId?: string,
): Promise<Session> {
  const now = services.clock.now().getTime();
  const accessToken = newToken('at');
  const refreshToken = newToken('rt');
  await services.db
    .insertInto('sessions')
    .values({
      id: services.ids('ses'),
      user_id: userId,
      family_id: familyId ?? services.ids('fam'),
      access_hash: hashToken(accessToken),
      refresh_hash: hashToken(refreshToken),
      access_expires_at: new Date(now + services.config.accessTokenTtl * 1000).toISOString(),
      refresh_expires_at: new Date(now + services.config.refreshTokenTtl * 1000).toISOString(),
      rotated_at: null,
      revoked_at: null,
      created_at: new Date(now).toISOString(),
    })
    .execute();
  const user = await services.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    accessToken,
    refreshToken,
    expiresIn: services.config.accessTokenTtl,
    user: userView(user),
  };
}

/** Revokes every session of a family (logout, refresh-token reuse). */
export async function revokeFamily(services: Services, familyId: string): Promise<void> {
  await services.db
    .updateTable('sessions')
    .set({ revoked_at: services.clock.now().toISOString() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every session of a user (password change). */
export async function revokeUserSessions(services: Services, userId: string): Promise<void> {
  await services.db
    .updateTable('sessions')
    .set({ revoked_at: services.clock.now().toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Rotates a refresh token: the old one dies, a new pair is issued in the same family. Presenting
 * an already rotated token means it was stolen or replayed: the whole family is revoked.
 */
export async function rotateRefreshToken(
  services: Services,
  refreshToken: string,
  ip: string,
): Promise<Session> {
  const row = await services.db
    .selectFrom('sessions')
    .selectAll()
    .where('refresh_hash', '=', hashToken(refreshToken))
    .executeTakeFirst();
  if (!row) throw new DomainError('unauthorized');
  const now = services.clock.now();
  if (row.rotated_at || row.revoked_at) {
    await revokeFamily(services, row.family_id);
    await services.audit.record(services.db, {
      action: 'auth.refresh_reuse',
      outcome: 'denied',
      ip,
      actor: { id: row.user_id, role: 'unknown' },
      target: row.family_id,
      detail: 'A rotated refresh token was presented again; the session family was revoked',
    });
    throw new DomainError('unauthorized');
  }
  if (new Date(row.refresh_expires_at).getTime() <= now.getTime())
    throw new DomainError('token_expired');
  const marked = await services.db
    .updateTable('sessions')
    .set({ rotated_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('rotated_at', 'is', null)
    .executeTakeFirst();
  if (Number(marked.numUpdatedRows) !== 1) {
    await revokeFamily(services, row.family_id);
    throw new DomainError('unauthorized');
  }
  return issueSession(services, row.user_id, row.family_id);
}

/**
 * Resolves a bearer token to the signed-in user; 401 for an unknown, revoked or expired token.
 * One indexed statement per request, so a logout, a revocation or a role change made by any
 * instance or process takes effect on the next request.
 */
export async function authenticateToken(services: Services, token: string): Promise<AuthUser> {
  const row = await services.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.family_id',
      'sessions.access_expires_at',
      'sessions.revoked_at',
      'users.id',
      'users.role',
      'users.school_id',
    ])
    .where('sessions.access_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) throw new DomainError('unauthorized');
  if (new Date(row.access_expires_at).getTime() <= services.clock.now().getTime())
    throw new DomainError('token_expired');
  return {
    id: row.id,
    role: row.role as AuthUser['role'],
    schoolId: row.school_id,
    sessionId: row.sessionId,
    familyId: row.family_id,
  };
}
