import { pageOf } from '../../schemas/common.js';
import { schoolSchema, schoolSearchQuerySchema } from '../../schemas/school.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.schools;

/** The operations of `schools` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  search: withSchemas(m.search, {
    query: schoolSearchQuerySchema,
    response: pageOf(schoolSchema),
  }),
  get: withSchemas(m.get, { response: schoolSchema }),
};
