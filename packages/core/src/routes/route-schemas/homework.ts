import { listOf } from '../../schemas/common.js';
import {
  homeworkDoneInputSchema,
  homeworkInputSchema,
  homeworkPatchSchema,
  homeworkQuerySchema,
  homeworkSchema,
} from '../../schemas/timetable.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.homework;

/** The operations of `homework` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: homeworkQuerySchema,
    response: listOf(homeworkSchema),
  }),
  create: withSchemas(m.create, {
    body: homeworkInputSchema,
    response: homeworkSchema,
  }),
  update: withSchemas(m.update, {
    body: homeworkPatchSchema,
    response: homeworkSchema,
  }),
  remove: withSchemas(m.remove, {}),
  setDone: withSchemas(m.setDone, {
    body: homeworkDoneInputSchema,
    response: homeworkSchema,
  }),
};
