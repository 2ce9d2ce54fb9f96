import {
  journalBatchResultSchema,
  journalBatchSchema,
  journalQuerySchema,
  journalSchema,
} from '../../schemas/journal.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.journal;

/** The operations of `journal` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  get: withSchemas(m.get, { query: journalQuerySchema, response: journalSchema }),
  save: withSchemas(m.save, { body: journalBatchSchema, response: journalBatchResultSchema }),
};
