import {
  attendanceInputSchema,
  attendanceListSchema,
  attendanceQuerySchema,
} from '../../schemas/attendance.js';
import { attendanceSheetSchema } from '../../schemas/absence-notice.js';
import { okSchema } from '../../schemas/common.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.attendance;

/** The operations of `attendance` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: attendanceQuerySchema,
    response: attendanceListSchema,
  }),
  record: withSchemas(m.record, {
    body: attendanceInputSchema,
    response: okSchema,
  }),
  sheet: withSchemas(m.sheet, { response: attendanceSheetSchema }),
};
