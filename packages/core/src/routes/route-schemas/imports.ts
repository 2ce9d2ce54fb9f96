import {
  importJobQuerySchema,
  importJobSchema,
  importReportSchema,
} from '../../schemas/roster-import.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.imports;

/** The operations of `imports` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  preview: withSchemas(m.preview, { query: importJobQuerySchema, response: importReportSchema }),
  apply: withSchemas(m.apply, { query: importJobQuerySchema, response: importReportSchema }),
  status: withSchemas(m.status, { response: importJobSchema }),
  cancel: withSchemas(m.cancel, { response: importJobSchema }),
  exportRoster: withSchemas(m.exportRoster, {}),
  exportTimetable: withSchemas(m.exportTimetable, {}),
  exportOneRoster: withSchemas(m.exportOneRoster, {}),
};
