import { listOf } from '../schemas/common';
import {
  homeworkInputSchema,
  homeworkPatchSchema,
  homeworkQuerySchema,
  homeworkSchema,
} from '../schemas/timetable';
import { withSchemas } from '../with-schemas';
import { routeManifest } from '../route-manifest';

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
