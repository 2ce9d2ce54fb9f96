import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { saveJournalBatch } from '../services/journal-batch';
import { readJournal } from '../services/journal-read';

/** The teacher's class journal: one class × subject × period, and a lesson's batch of cells. */
export function journalHandlers(s: Services): Handlers['journal'] {
  return {
    async get({ params, query, user }) {
      return readJournal(s, user, params.classId, query);
    },

    async save({ params, body, user, ip, lang }) {
      return saveJournalBatch(s, { user, ip }, params.classId, body, lang);
    },
  };
}
