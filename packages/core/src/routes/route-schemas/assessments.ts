import {
  classAssessmentQuerySchema,
  plannedAssessmentInputSchema,
  plannedAssessmentPatchSchema,
  plannedAssessmentQuerySchema,
  plannedAssessmentSchema,
} from '../../schemas/assessment.js';
import { listOf } from '../../schemas/common.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.assessments;

/** The operations of `assessments` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  upcoming: withSchemas(m.upcoming, {
    query: plannedAssessmentQuerySchema,
    response: listOf(plannedAssessmentSchema),
  }),
  forClass: withSchemas(m.forClass, {
    query: classAssessmentQuerySchema,
    response: listOf(plannedAssessmentSchema),
  }),
  create: withSchemas(m.create, {
    body: plannedAssessmentInputSchema,
    response: plannedAssessmentSchema,
  }),
  update: withSchemas(m.update, {
    body: plannedAssessmentPatchSchema,
    response: plannedAssessmentSchema,
  }),
  cancel: withSchemas(m.cancel, {}),
};
