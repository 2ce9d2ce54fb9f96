import { listOf } from '../../schemas/common.js';
import {
  finalMarkInputSchema,
  finalMarkSchema,
  gradeSummaryQuerySchema,
  gradeSummarySchema,
  markCsvQuerySchema,
  markInputSchema,
  markPatchSchema,
  markQuerySchema,
  markSchema,
  yearComparisonSchema,
} from '../../schemas/mark.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.grades;

/** The operations of `grades` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: /* @__PURE__ */ withSchemas(m.list, {
    query: markQuerySchema,
    response: /* @__PURE__ */ listOf(markSchema),
  }),
  summary: /* @__PURE__ */ withSchemas(m.summary, {
    query: gradeSummaryQuerySchema,
    response: gradeSummarySchema,
  }),
  comparison: /* @__PURE__ */ withSchemas(m.comparison, { response: yearComparisonSchema }),
  csv: /* @__PURE__ */ withSchemas(m.csv, { query: markCsvQuerySchema }),
  finalMarks: /* @__PURE__ */ withSchemas(m.finalMarks, {
    response: /* @__PURE__ */ listOf(finalMarkSchema),
  }),
  create: /* @__PURE__ */ withSchemas(m.create, { body: markInputSchema, response: markSchema }),
  update: /* @__PURE__ */ withSchemas(m.update, { body: markPatchSchema, response: markSchema }),
  remove: /* @__PURE__ */ withSchemas(m.remove, {}),
  setFinal: /* @__PURE__ */ withSchemas(m.setFinal, {
    body: finalMarkInputSchema,
    response: finalMarkSchema,
  }),
};
