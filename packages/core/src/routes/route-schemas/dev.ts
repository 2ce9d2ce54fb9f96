import { listOf } from '../../schemas/common.js';
import { outboxEntrySchema } from '../../schemas/support.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.dev;

/** The operations of `dev` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  sentMessages: withSchemas(m.sentMessages, {
    response: listOf(outboxEntrySchema),
  }),
};
