import { listOf } from '../../schemas/common.js';
import {
  journalNoteInputSchema,
  journalNotePatchSchema,
  journalNoteSchema,
} from '../../schemas/news.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.notes;

/** The operations of `notes` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    response: listOf(journalNoteSchema),
  }),
  create: withSchemas(m.create, {
    body: journalNoteInputSchema,
    response: journalNoteSchema,
  }),
  update: withSchemas(m.update, {
    body: journalNotePatchSchema,
    response: journalNoteSchema,
  }),
  remove: withSchemas(m.remove, {}),
};
