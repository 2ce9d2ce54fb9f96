import {
  applicationInputSchema,
  applicationQuerySchema,
  applicationSchema,
  applicationStatusInputSchema,
} from '../../schemas/application.js';
import { listOf } from '../../schemas/common.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.applications;

/** The operations of `applications` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  create: /* @__PURE__ */ withSchemas(m.create, {
    body: applicationInputSchema,
    response: applicationSchema,
  }),
  list: /* @__PURE__ */ withSchemas(m.list, {
    query: applicationQuerySchema,
    response: /* @__PURE__ */ listOf(applicationSchema),
  }),
  get: /* @__PURE__ */ withSchemas(m.get, { response: applicationSchema }),
  setStatus: /* @__PURE__ */ withSchemas(m.setStatus, {
    body: applicationStatusInputSchema,
    response: applicationSchema,
  }),
  activate: /* @__PURE__ */ withSchemas(m.activate, { response: applicationSchema }),
};
