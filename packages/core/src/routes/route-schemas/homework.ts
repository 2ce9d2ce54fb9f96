import { listOf } from '../../schemas/common.js';
import {
  homeworkInputSchema,
  homeworkPatchSchema,
  homeworkQuerySchema,
  homeworkSchema,
} from '../../schemas/timetable.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.homework;

/** The operations of `homework` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: /* @__PURE__ */ withSchemas(m.list, {
    query: homeworkQuerySchema,
    response: /* @__PURE__ */ listOf(homeworkSchema),
  }),
  create: /* @__PURE__ */ withSchemas(m.create, {
    body: homeworkInputSchema,
    response: homeworkSchema,
  }),
  update: /* @__PURE__ */ withSchemas(m.update, {
    body: homeworkPatchSchema,
    response: homeworkSchema,
  }),
  remove: /* @__PURE__ */ withSchemas(m.remove, {}),
};
