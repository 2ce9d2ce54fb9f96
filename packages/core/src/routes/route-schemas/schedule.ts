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
  week: /* @__PURE__ */ withSchemas(m.week, {
    query: weekQuerySchema,
    response: weekTimetableSchema,
  }),
  setWeek: /* @__PURE__ */ withSchemas(m.setWeek, {
    query: weekQuerySchema,
    body: weekTimetableInputSchema,
    response: weekTimetableSchema,
  }),
  substitute: /* @__PURE__ */ withSchemas(m.substitute, {
    body: substitutionInputSchema,
    response: substitutionSchema,
  }),
  cancelSubstitution: /* @__PURE__ */ withSchemas(m.cancelSubstitution, {}),
  substitutions: /* @__PURE__ */ withSchemas(m.substitutions, {
    query: substitutionQuerySchema,
    response: /* @__PURE__ */ listOf(substitutionSchema),
  }),
};
