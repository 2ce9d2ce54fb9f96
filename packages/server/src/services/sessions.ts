import { createHmac } from 'node:crypto';
import type { Session, SignInSession } from '@school-diary/core';
import type { ChangeGeneration } from '../db/change-generation';
import { compiledOnce } from '../db/compiled-once';
import { keptUntilChange, thenKept, type Kept } from '../db/kept-until-change';
import { DomainError, notFound } from './domain-error';
import type { AuthUser, Services } from './context';
import { hashToken, newToken } from './secrets';
import { deviceName } from './device-name';
import { userView } from './users';

/** Where a session signs in from: the browser's `User-Agent` and the IP address. */
export interface SessionOrigin {
  readonly userAgent: string | null;
  readonly ip: string | null;
}

/** Opens a session (or continues a family after rotation) and returns its tokens and user. */
export async function issueSession(
  services: Services,
  userId: string,
  familyId?: string,
  deviceHash: string | null = null,
  origin: SessionOrigin = { userAgent: null, ip: null },
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
      device_hash: deviceHash,
      user_agent: origin.userAgent,
      ip: origin.ip,
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

/** A keyed hash of a `User-Agent`: the device, without keeping what it says. */
export function deviceHashOf(services: Services, userAgent: string): string {
  return createHmac('sha256', services.secret).update(`device:${userAgent}`).digest('base64url');
}

/** Whether the user has signed in from this device before (any session, live or not). */
export async function knownDevice(
  services: Services,
  userId: string,
  deviceHash: string,
): Promise<boolean> {
  const seen = await services.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .where('device_hash', '=', deviceHash)
    .executeTakeFirst();
  return !!seen;
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

/** Revokes every session of a user but one family (the one changing the password). */
export async function revokeOtherSessions(
  services: Services,
  userId: string,
  keepFamilyId: string,
): Promise<void> {
  await services.db
    .updateTable('sessions')
    .set({ revoked_at: services.clock.now().toISOString() })
    .where('user_id', '=', userId)
    .where('family_id', '!=', keepFamilyId)
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
 * Ends a session that sat idle longer than `sessionIdleTimeout` since its last refresh, or that
 * began more than `sessionAbsoluteTimeout` ago however active (OWASP ASVS 3.3.2): the family is
 * revoked and the caller signs in again.
 */
async function assertSessionAlive(
  services: Services,
  row: { family_id: string; created_at: string },
  now: Date,
): Promise<void> {
  const { config } = services;
  const idle =
    now.getTime() - new Date(row.created_at).getTime() > config.sessionIdleTimeout * 1000;
  const { started } = await services.db
    .selectFrom('sessions')
    .select((eb) => eb.fn.min('created_at').as('started'))
    .where('family_id', '=', row.family_id)
    .executeTakeFirstOrThrow();
  const age = now.getTime() - new Date(String(started)).getTime();
  if (!idle && age <= config.sessionAbsoluteTimeout * 1000) return;
  await revokeFamily(services, row.family_id);
  throw new DomainError('token_expired');
}

/** The caller's live sessions (one per sign-in), newest activity first. */
export async function listSessions(services: Services, user: AuthUser): Promise<SignInSession[]> {
  const rows = await services.db
    .selectFrom('sessions')
    .select(['family_id', 'created_at', 'revoked_at', 'user_agent', 'ip'])
    .where('user_id', '=', user.id)
    .orderBy('created_at')
    .execute();
  const families = new Map<string, SignInSession | null>();
  for (const r of rows) {
    const at = new Date(String(r.created_at)).toISOString();
    const seen = families.get(r.family_id);
    if (seen === null) continue;
    if (r.revoked_at) {
      families.set(r.family_id, null);
      continue;
    }
    const device = deviceName(r.user_agent) ?? seen?.device;
    const place = r.ip ?? seen?.place;
    families.set(r.family_id, {
      id: r.family_id,
      startedAt: seen?.startedAt ?? at,
      lastActiveAt: at,
      current: r.family_id === user.familyId,
      ...(device ? { device } : {}),
      ...(place ? { place } : {}),
    });
  }
  return [...families.values()]
    .filter((f): f is SignInSession => f !== null)
    .sort((a, b) => b.lastActiveAt.localeCompare(a.lastActiveAt));
}

/** Signs one of the caller's sessions out; 404 for a session that is not theirs. */
export async function revokeOwnSession(
  services: Services,
  user: AuthUser,
  familyId: string,
): Promise<void> {
  const own = await services.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', user.id)
    .where('family_id', '=', familyId)
    .executeTakeFirst();
  if (!own) throw notFound();
  await revokeFamily(services, familyId);
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
  await assertSessionAlive(services, row, now);
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
  // The device stays the one signed in with; the place is where it was last seen.
  return issueSession(services, row.user_id, row.family_id, row.device_hash, {
    userAgent: row.user_agent,
    ip,
  });
}

/**
 * Resolves bearer tokens to the signed-in user; 401 for an unknown, revoked or expired token. The
 * session is looked up by its token's hash with one indexed statement, compiled once, and kept in
 * memory until the database changes (`keptUntilChange`, at most `authCacheEntries` sessions, none
 * past its expiry): on SQLite any write — a logout, a revocation, a role or password change, a
 * lockout, by this process or any other on the file — is seen by the very next request; on
 * PostgreSQL the statement runs on every request. `changes` is the request's change check
 * (`checkedOnce`), shared with the request's other kept reads. A kept session answers its user at
 * once (the same frozen object for every request with that token), not in a promise.
 *
 * @example
 * const authenticate = sessionResolver(services);
 * const user = await authenticate(token, checkedOnce(services.changes));
 */
export function sessionResolver(
  services: Services,
): (token: string, changes: ChangeGeneration) => Kept<AuthUser> {
  const { db } = services;
  const byHashRows = compiledOnce(db, (hash) =>
    db
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
      .where('sessions.access_hash', '=', hash),
  );
  const byHash = keptUntilChange(async (hash) => (await byHashRows(hash)).map(keptSession), {
    maxEntries: services.config.authCacheEntries,
    expiresAt: ([session]) => session?.expiresAt ?? 0,
    now: () => services.clock.now().getTime(),
  });
  const hashOf = rememberedHashes(services.config.authCacheEntries);
  return (token, changes) =>
    thenKept(byHash(changes, hashOf(token)), ([session]) => {
      if (!session || session.revoked) throw new DomainError('unauthorized');
      if (session.expiresAt <= services.clock.now().getTime())
        throw new DomainError('token_expired');
      return session.user;
    });
}

/**
 * `hashToken` that remembers the hashes of the last `max` tokens it saw: a widget sends the same
 * token with every request, and its SHA-256 was the largest single cost of finding the kept
 * session. The tokens held are ones the process is serving anyway (never written anywhere); a
 * revoked or expired token's hash still finds no valid session, and a flood of made-up tokens only
 * pushes the oldest out.
 */
function rememberedHashes(max: number): (token: string) => string {
  const hashes = new Map<string, string>();
  return (token) => {
    let hash = hashes.get(token);
    if (hash !== undefined) return hash;
    hash = hashToken(token);
    if (max <= 0) return hash;
    if (hashes.size >= max) {
      const oldest = hashes.keys().next().value;
      if (oldest !== undefined) hashes.delete(oldest);
    }
    hashes.set(token, hash);
    return hash;
  };
}

/** A session as kept: its user, shared by the requests that present its token, and its expiry. */
interface KeptSession {
  readonly user: AuthUser;
  /** When the access token expires (ms since the epoch). */
  readonly expiresAt: number;
  readonly revoked: boolean;
}

function keptSession(row: {
  sessionId: string;
  family_id: string;
  access_expires_at: string;
  revoked_at: string | null;
  id: string;
  role: string;
  school_id: string | null;
}): KeptSession {
  const user: AuthUser = {
    id: row.id,
    role: row.role as AuthUser['role'],
    schoolId: row.school_id,
    sessionId: row.sessionId,
    familyId: row.family_id,
  };
  return {
    user: Object.freeze(user),
    expiresAt: Date.parse(row.access_expires_at),
    revoked: Boolean(row.revoked_at),
  };
}
