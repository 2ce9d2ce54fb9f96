import type { OutboxPurpose } from '@school-diary/core';
import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';

/** Dev-only routes; registered only with `--dev`. */
export function devHandlers(s: Services): Handlers['dev'] {
  return {
    // Newest first: the first item for a phone is its latest code.
    async sentMessages() {
      const rows = await s.db
        .selectFrom('outbox')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      return {
        items: rows.map((r) => ({
          to: r.recipient,
          channel: r.channel as 'sms' | 'email',
          text: r.text,
          sentAt: r.sent_at,
          purpose: r.purpose as OutboxPurpose,
          ...(r.code === null ? {} : { code: r.code }),
          ...(r.challenge_id === null ? {} : { challengeId: r.challenge_id }),
        })),
      };
    },
  };
}
