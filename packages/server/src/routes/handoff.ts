import type { AuditAction } from '@school-diary/core';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { DomainError } from '../services/domain-error';
import {
  claimHandoff,
  createHandoff,
  decideHandoff,
  readHandoff,
  redeemHandoff,
} from '../services/handoffs';

type HandoffHandlers = Pick<
  NonNullable<Handlers['auth']>,
  'createHandoff' | 'handoff' | 'decideHandoff' | 'claimHandoff' | 'redeemHandoff'
>;

const actorOf = (user: AuthUser) => ({ id: user.id, role: user.role, schoolId: user.schoolId });

/**
 * Continuing on another device by QR code: the signed-in device starts a hand-off and shows its
 * one-time token; the new device claims it (once) and waits; the first device allows or refuses;
 * the new device collects a session of its own. Every step is audited, failures too.
 */
export function handoffHandlers(s: Services): HandoffHandlers {
  /** Runs a public step; a refusal is audited with its code before it is answered. */
  async function audited<T>(
    action: AuditAction,
    ip: string,
    step: () => Promise<T & { userId?: string }>,
  ): Promise<T> {
    try {
      const { userId, ...result } = await step();
      // A poll that is still waiting is not an event.
      if (userId) await s.audit.record(s.db, { action, outcome: 'success', ip, target: userId });
      return result as T;
    } catch (error) {
      if (error instanceof DomainError)
        await s.audit.record(s.db, { action, outcome: 'failure', ip, detail: error.code });
      throw error;
    }
  }

  return {
    async createHandoff({ user, ip }) {
      const created = await createHandoff(s, user);
      await s.audit.record(s.db, {
        action: 'auth.handoff_start',
        outcome: 'success',
        ip,
        actor: actorOf(user),
        target: created.id,
      });
      return created;
    },

    handoff: ({ params, user }) => readHandoff(s, user, params.handoffId),

    async decideHandoff({ params, body, user, ip }) {
      const decided = await decideHandoff(s, user, params.handoffId, body.approve);
      await s.audit.record(s.db, {
        action: body.approve ? 'auth.handoff_confirm' : 'auth.handoff_decline',
        outcome: 'success',
        ip,
        actor: actorOf(user),
        target: decided.id,
      });
      return decided;
    },

    claimHandoff: ({ body, ip, userAgent }) =>
      audited('auth.handoff_claim', ip, () =>
        claimHandoff(s, body.token, { userAgent: userAgent || null, ip }),
      ),

    async redeemHandoff({ body, ip, userAgent }) {
      const origin = { userAgent: userAgent || null, ip };
      const answer = await audited('auth.handoff_redeem', ip, () =>
        redeemHandoff(s, body.id, body.claimSecret, origin),
      );
      return answer;
    },
  };
}
