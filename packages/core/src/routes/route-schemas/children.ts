import { z } from 'zod/mini';
import { schoolYearInfoSchema } from '../../schemas/calendar.js';
import {
  childCreatedSchema,
  childInputSchema,
  childSchema,
  childSearchQuerySchema,
  childUpdateSchema,
  schoolChangeInputSchema,
} from '../../schemas/child.js';
import { childHistoryEntrySchema } from '../../schemas/child-history.js';
import { idSchema, listOf } from '../../schemas/common.js';
import { schoolLinkInputSchema, schoolLinkSchema, teacherSchema } from '../../schemas/school.js';
import { challengeSchema, verifyInputSchema } from '../../schemas/user.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.children;
const codeInput = z.object({ challengeId: idSchema, code: verifyInputSchema.shape.code });

/** The operations of `children` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, { response: listOf(childSchema) }),
  search: withSchemas(m.search, {
    query: childSearchQuerySchema,
    response: listOf(childSchema),
  }),
  create: withSchemas(m.create, {
    body: childInputSchema,
    response: childCreatedSchema,
  }),
  get: withSchemas(m.get, { response: childSchema }),
  update: withSchemas(m.update, { body: childUpdateSchema, response: childSchema }),
  confirm: withSchemas(m.confirm, { body: codeInput, response: childSchema }),
  schoolLinks: withSchemas(m.schoolLinks, {
    response: listOf(schoolLinkSchema),
  }),
  history: withSchemas(m.history, { response: listOf(childHistoryEntrySchema) }),
  linkSchool: withSchemas(m.linkSchool, {
    body: schoolLinkInputSchema,
    response: schoolLinkSchema,
  }),
  startSchoolChange: withSchemas(m.startSchoolChange, {
    body: schoolChangeInputSchema,
    response: challengeSchema,
  }),
  confirmSchoolChange: withSchemas(m.confirmSchoolChange, {
    body: codeInput,
    response: listOf(schoolLinkSchema),
  }),
  teachers: withSchemas(m.teachers, {
    response: listOf(teacherSchema),
  }),
  periods: withSchemas(m.periods, { response: schoolYearInfoSchema }),
};
