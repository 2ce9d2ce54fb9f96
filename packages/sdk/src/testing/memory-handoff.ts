import type { Handoff, HandoffStatus } from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** How long a memory hand-off's code works, as on the server. */
const TTL_MS = 120_000;

interface MemoryHandoff {
  readonly id: string;
  readonly userId: string;
  readonly family: string | undefined;
  readonly token: string;
  readonly expiresAt: string;
  status: Exclude<HandoffStatus, 'expired'>;
  claimSecret?: string;
}

const handoffs = new WeakMap<MemoryDiary, Map<string, MemoryHandoff>>();

function storeOf(diary: MemoryDiary): Map<string, MemoryHandoff> {
  const store = handoffs.get(diary) ?? new Map<string, MemoryHandoff>();
  handoffs.set(diary, store);
  return store;
}

const over = (diary: MemoryDiary, h: MemoryHandoff) => diary.now().toISOString() >= h.expiresAt;

function view(diary: MemoryDiary, h: MemoryHandoff): Handoff {
  const expired = h.status !== 'used' && h.status !== 'declined' && over(diary, h);
  return {
    id: h.id,
    status: expired ? 'expired' : h.status,
    expiresAt: h.expiresAt,
    ...(h.claimSecret ? { device: 'Safari, iOS' } : {}),
  };
}

function refusal(diary: MemoryDiary, h: MemoryHandoff): MemoryApiError {
  if (h.status === 'declined') return new MemoryApiError(409, 'handoff_declined');
  if (h.status !== 'used' && over(diary, h)) return new MemoryApiError(410, 'handoff_expired');
  return new MemoryApiError(409, 'handoff_used');
}

function own(diary: MemoryDiary, userId: string, id: string | undefined): MemoryHandoff {
  const h = storeOf(diary).get(String(id));
  if (!h || h.userId !== userId) throw notFound();
  return h;
}

/**
 * The memory client's QR hand-off, as the server runs it: a token for two minutes, claimed once
 * by another device, allowed or refused by the session that showed it, then a session of its own.
 */
export const HANDOFF_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'auth.createHandoff': (diary, request) => {
    const user = signedIn(request);
    const h: MemoryHandoff = {
      id: diary.id('hof'),
      userId: user.id,
      family: request.family,
      token: diary.id('hoftoken'),
      expiresAt: new Date(diary.now().getTime() + TTL_MS).toISOString(),
      status: 'waiting',
    };
    storeOf(diary).set(h.id, h);
    return { id: h.id, token: h.token, expiresAt: h.expiresAt };
  },
  'auth.handoff': (diary, request) =>
    view(diary, own(diary, signedIn(request).id, request.params.handoffId)),
  'auth.decideHandoff': (diary, request) => {
    const h = own(diary, signedIn(request).id, request.params.handoffId);
    if (h.family !== request.family) throw new MemoryApiError(403, 'forbidden');
    if (h.status === 'waiting' && !over(diary, h)) throw new MemoryApiError(409, 'conflict');
    if (h.status !== 'claimed' || over(diary, h)) throw refusal(diary, h);
    h.status = request.body.approve === true ? 'confirmed' : 'declined';
    return view(diary, h);
  },
  'auth.claimHandoff': (diary, request) => {
    const h = [...storeOf(diary).values()].find((each) => each.token === request.body.token);
    if (!h) throw new MemoryApiError(400, 'handoff_invalid', [{ path: 'token', code: 'format' }]);
    if (h.status !== 'waiting' || over(diary, h)) throw refusal(diary, h);
    h.status = 'claimed';
    h.claimSecret = diary.id('hcs');
    return { id: h.id, claimSecret: h.claimSecret, expiresAt: h.expiresAt };
  },
  'auth.redeemHandoff': (diary, request) => {
    const h = storeOf(diary).get(String(request.body.id));
    if (!h?.claimSecret || h.claimSecret !== request.body.claimSecret)
      throw new MemoryApiError(400, 'handoff_invalid', [{ path: 'claimSecret', code: 'format' }]);
    if (h.status === 'claimed' && !over(diary, h)) return { status: 'waiting' };
    if (h.status !== 'confirmed' || over(diary, h)) throw refusal(diary, h);
    h.status = 'used';
    return { status: 'signed_in', session: diary.issue(h.userId) };
  },
};
