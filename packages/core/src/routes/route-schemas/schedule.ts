import { listOf } from '../../schemas/common.js';
import {
  substitutionInputSchema,
  substitutionQuerySchema,
  substitutionSchema,
  weekQuerySchema,
  weekTimetableInputSchema,
  weekTimetableSchema,
} from '../../schemas/timetable.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.schedule;

/** The operations of `schedule` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  week: withSchemas(m.week, {
    query: weekQuerySchema,
    response: weekTimetableSchema,
  }),
  setWeek: withSchemas(m.setWeek, {
    query: weekQuerySchema,
    body: weekTimetableInputSchema,
    response: weekTimetableSchema,
  }),
  substitute: withSchemas(m.substitute, {
    body: substitutionInputSchema,
    response: substitutionSchema,
  }),
  cancelSubstitution: withSchemas(m.cancelSubstitution, {}),
  substitutions: withSchemas(m.substitutions, {
    query: substitutionQuerySchema,
    response: listOf(substitutionSchema),
  }),
};
