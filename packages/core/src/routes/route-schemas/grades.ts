import { listOf } from '../../schemas/common.js';
import {
  finalMarkInputSchema,
  finalMarkSchema,
  gradeSummaryQuerySchema,
  gradeSummarySchema,
  markCsvQuerySchema,
  markDistributionSchema,
  markHistorySchema,
  markInputSchema,
  markPatchSchema,
  markQuerySchema,
  markSchema,
  reportCardQuerySchema,
  yearComparisonSchema,
} from '../../schemas/mark.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.grades;

/** The operations of `grades` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: markQuerySchema,
    response: listOf(markSchema),
  }),
  summary: withSchemas(m.summary, {
    query: gradeSummaryQuerySchema,
    response: gradeSummarySchema,
  }),
  comparison: withSchemas(m.comparison, { response: yearComparisonSchema }),
  csv: withSchemas(m.csv, { query: markCsvQuerySchema }),
  reportCard: withSchemas(m.reportCard, { query: reportCardQuerySchema }),
  finalMarks: withSchemas(m.finalMarks, {
    response: listOf(finalMarkSchema),
  }),
  create: withSchemas(m.create, { body: markInputSchema, response: markSchema }),
  update: withSchemas(m.update, { body: markPatchSchema, response: markSchema }),
  distribution: withSchemas(m.distribution, { response: markDistributionSchema }),
  history: withSchemas(m.history, { response: markHistorySchema }),
  remove: withSchemas(m.remove, {}),
  setFinal: withSchemas(m.setFinal, {
    body: finalMarkInputSchema,
    response: finalMarkSchema,
  }),
};
