import { pageOf } from '../../schemas/common.js';
import { auditEntrySchema, auditQuerySchema } from '../../schemas/audit.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.audit;

/** The operations of `audit` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: auditQuerySchema,
    response: pageOf(auditEntrySchema),
  }),
};
