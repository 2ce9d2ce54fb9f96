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
  create: withSchemas(m.create, {
    body: applicationInputSchema,
    response: applicationSchema,
  }),
  list: withSchemas(m.list, {
    query: applicationQuerySchema,
    response: listOf(applicationSchema),
  }),
  get: withSchemas(m.get, { response: applicationSchema }),
  setStatus: withSchemas(m.setStatus, {
    body: applicationStatusInputSchema,
    response: applicationSchema,
  }),
  activate: withSchemas(m.activate, { response: applicationSchema }),
};
