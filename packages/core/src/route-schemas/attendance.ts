import {
  attendanceInputSchema,
  attendanceListSchema,
  attendanceQuerySchema,
} from '../schemas/attendance';
import { okSchema } from '../schemas/common';
import { withSchemas } from '../with-schemas';
import { routeManifest } from '../route-manifest';

const m = routeManifest.attendance;

/** The operations of `attendance` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: /* @__PURE__ */ withSchemas(m.list, {
    query: attendanceQuerySchema,
    response: attendanceListSchema,
  }),
  record: /* @__PURE__ */ withSchemas(m.record, {
    body: attendanceInputSchema,
    response: okSchema,
  }),
};
