import {
  absenceNoticeInputSchema,
  absenceNoticeSchema,
  incomingAbsenceNoticeSchema,
} from '../../schemas/absence-notice.js';
import { dateOrderCheck, dateRangeShape, listOf } from '../../schemas/common.js';
import { object } from 'zod/mini';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.absences;

/** The operations of `absences` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  report: withSchemas(m.report, {
    body: absenceNoticeInputSchema,
    response: absenceNoticeSchema,
  }),
  list: withSchemas(m.list, { response: listOf(absenceNoticeSchema) }),
  incoming: withSchemas(m.incoming, {
    query: object({ ...dateRangeShape }).check(dateOrderCheck),
    response: listOf(incomingAbsenceNoticeSchema),
  }),
  acknowledge: withSchemas(m.acknowledge, { response: absenceNoticeSchema }),
};
