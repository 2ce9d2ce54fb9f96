import { randomBytes } from 'node:crypto';
import type { Handoff, HandoffClaim, HandoffCreated, HandoffRedeem } from '@school-diary/core';
import type { AuthUser, Services } from './context';
import { deviceName } from './device-name';
import { DomainError, notFound } from './domain-error';
import { hitRateLimit } from './rate-limits';
import { hashToken, sameDigest } from './secrets';
import { deviceHashOf, issueSession, type SessionOrigin } from './sessions';

/** How long a hand-off's QR code works, from its creation to the new device's sign-in. */
export const HANDOFF_TTL_MS = 120_000;
/** Hand-offs one user may start in {@link HANDOFF_WINDOW_MS}. */
export const HANDOFFS_PER_WINDOW = 5;
const HANDOFF_WINDOW_MS = 10 * 60_000;

type HandoffRow = {
  id: string;
  user_id: string;
  family_id: string;
  status: 'waiting' | 'claimed' | 'confirmed' | 'declined' | 'used';
  expires_at: string;
  claim_hash: string | null;
  claimed_user_agent: string | null;
};

const COLUMNS = [
  'id',
  'user_id',
  'family_id',
  'status',
  'expires_at',
  'claim_hash',
  'claimed_user_agent',
] as const;

const secret = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;

const expired = (s: Services, row: { expires_at: string }) =>
  new Date(row.expires_at).getTime() <= s.clock.now().getTime();

function view(s: Services, row: HandoffRow): Handoff {
  const device = deviceName(row.claimed_user_agent);
  const over = row.status !== 'used' && row.status !== 'declined' && expired(s, row);
  return {
    id: row.id,
    status: over ? 'expired' : row.status,
    expiresAt: new Date(row.expires_at).toISOString(),
    ...(device ? { device } : {}),
  };
}

async function rowById(s: Services, id: string): Promise<HandoffRow | undefined> {
  return s.db.selectFrom('handoffs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The caller's own hand-off, or a 404 (someone else's looks the same as none). */
async function ownRow(s: Services, user: AuthUser, id: string): Promise<HandoffRow> {
  const row = await rowById(s, id);
  if (!row || row.user_id !== user.id) throw notFound();
  return row;
}

/** Why a token or claim cannot go on: out of time, spent, refused. */
function refusal(s: Services, row: HandoffRow): DomainError {
  if (row.status === 'declined') return new DomainError('handoff_declined');
  if (row.status === 'used') return new DomainError('handoff_used');
  if (expired(s, row)) return new DomainError('handoff_expired');
  return new DomainError('handoff_used');
}

/**
 * Starts a hand-off for the caller's session: a one-time token (only its hash is kept) that works
 * for {@link HANDOFF_TTL_MS}. At most {@link HANDOFFS_PER_WINDOW} in ten minutes per user.
 */
export async function createHandoff(s: Services, user: AuthUser): Promise<HandoffCreated> {
  const { current, ttl } = await hitRateLimit(
    s.db,
    s.clock,
    `handoff|${user.id}`,
    HANDOFF_WINDOW_MS,
  );
  if (current > HANDOFFS_PER_WINDOW) {
    const seconds = Math.max(1, Math.ceil(ttl / 1000));
    throw new DomainError('rate_limited', { params: { seconds }, retryAfterSeconds: seconds });
  }
  const now = s.clock.now();
  const token = secret('hof');
  const id = s.ids('hof');
  const expiresAt = new Date(now.getTime() + HANDOFF_TTL_MS).toISOString();
  await s.db
    .insertInto('handoffs')
    .values({
      id,
      user_id: user.id,
      family_id: user.familyId,
      token_hash: hashToken(token),
      status: 'waiting',
      created_at: now.toISOString(),
      expires_at: expiresAt,
      claim_hash: null,
      claimed_user_agent: null,
      claimed_ip: null,
      decided_at: null,
      used_at: null,
    })
    .execute();
  return { id, token, expiresAt };
}

/** One of the caller's hand-offs. */
export async function readHandoff(s: Services, user: AuthUser, id: string): Promise<Handoff> {
  return view(s, await ownRow(s, user, id));
}

/**
 * The owner's answer, from the session that showed the code only, once a device has claimed it
 * and before it expires.
 */
export async function decideHandoff(
  s: Services,
  user: AuthUser,
  id: string,
  approve: boolean,
): Promise<Handoff> {
  const row = await ownRow(s, user, id);
  if (row.family_id !== user.familyId) throw new DomainError('forbidden');
  const now = s.clock.now().toISOString();
  const result = await s.db
    .updateTable('handoffs')
    .set({ status: approve ? 'confirmed' : 'declined', decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'claimed')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    if (row.status === 'waiting' && !expired(s, row)) throw new DomainError('conflict');
    throw refusal(s, row);
  }
  return view(s, (await rowById(s, id)) as HandoffRow);
}

/**
 * The new device presents the scanned token: the first claim wins (single use), and answers the
 * secret with which only that device collects the session.
 */
export async function claimHandoff(
  s: Services,
  token: string,
  origin: SessionOrigin,
): Promise<HandoffClaim & { userId: string }> {
  const row = await s.db
    .selectFrom('handoffs')
    .select(COLUMNS)
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row)
    throw new DomainError('handoff_invalid', { fields: [{ path: 'token', code: 'format' }] });
  const claimSecret = secret('hcs');
  const now = s.clock.now().toISOString();
  const result = await s.db
    .updateTable('handoffs')
    .set({
      status: 'claimed',
      claim_hash: hashToken(claimSecret),
      claimed_user_agent: origin.userAgent,
      claimed_ip: origin.ip,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'waiting')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw refusal(s, row);
  return {
    id: row.id,
    claimSecret,
    expiresAt: new Date(row.expires_at).toISOString(),
    userId: row.user_id,
  };
}

/**
 * The claiming device asks for its session: `waiting` until the owner allows it, then a session
 * of its own, once (the hand-off is spent in the same update that checks it).
 */
export async function redeemHandoff(
  s: Services,
  id: string,
  claimSecret: string,
  origin: SessionOrigin,
): Promise<HandoffRedeem & { userId?: string }> {
  const row = await rowById(s, id);
  if (!row?.claim_hash || !sameDigest(row.claim_hash, hashToken(claimSecret)))
    throw new DomainError('handoff_invalid', { fields: [{ path: 'claimSecret', code: 'format' }] });
  if (row.status === 'claimed' && !expired(s, row)) return { status: 'waiting' };
  const now = s.clock.now().toISOString();
  const result = await s.db
    .updateTable('handoffs')
    .set({ status: 'used', used_at: now })
    .where('id', '=', id)
    .where('status', '=', 'confirmed')
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw refusal(s, row);
  const device = origin.userAgent ? deviceHashOf(s, origin.userAgent) : null;
  const session = await issueSession(s, row.user_id, undefined, device, origin);
  return { status: 'signed_in', session, userId: row.user_id };
}
