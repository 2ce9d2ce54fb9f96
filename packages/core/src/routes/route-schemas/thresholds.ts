import { listOf } from '../../schemas/common.js';
import { thresholdInputSchema, thresholdSchema } from '../../schemas/mark.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.thresholds;

/** The operations of `thresholds` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, { response: listOf(thresholdSchema) }),
  set: withSchemas(m.set, {
    body: thresholdInputSchema,
    response: thresholdSchema,
  }),
  remove: withSchemas(m.remove, {}),
};
