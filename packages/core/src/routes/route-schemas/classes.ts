import { childSchema } from '../../schemas/child.js';
import { listOf } from '../../schemas/common.js';
import { classMarksQuerySchema, markSchema } from '../../schemas/mark.js';
import { classSchema } from '../../schemas/school.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.classes;

/** The operations of `classes` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, { response: listOf(classSchema) }),
  students: withSchemas(m.students, {
    response: listOf(childSchema),
  }),
  marks: withSchemas(m.marks, {
    query: classMarksQuerySchema,
    response: listOf(markSchema),
  }),
};
