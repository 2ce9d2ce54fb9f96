import { pageOf } from '../schemas/common';
import { schoolSchema, schoolSearchQuerySchema } from '../schemas/school';
import { withSchemas } from '../with-schemas';
import { routeManifest } from '../route-manifest';

const m = routeManifest.schools;

/** The operations of `schools` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  search: /* @__PURE__ */ withSchemas(m.search, {
    query: schoolSearchQuerySchema,
    response: /* @__PURE__ */ pageOf(schoolSchema),
  }),
  get: /* @__PURE__ */ withSchemas(m.get, { response: schoolSchema }),
};
