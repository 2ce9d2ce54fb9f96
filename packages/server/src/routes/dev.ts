import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';

/** Dev-only routes; registered only with `--dev`. */
export function devHandlers(s: Services): Handlers['dev'] {
  return {
    async outbox() {
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
        })),
      };
    },
  };
}
