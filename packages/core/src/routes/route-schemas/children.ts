import { z } from 'zod/mini';
import { schoolYearInfoSchema } from '../../schemas/calendar.js';
import {
  childCreatedSchema,
  childInputSchema,
  childSchema,
  childSearchQuerySchema,
} from '../../schemas/child.js';
import { idSchema, listOf } from '../../schemas/common.js';
import { schoolLinkInputSchema, schoolLinkSchema, teacherSchema } from '../../schemas/school.js';
import { verifyInputSchema } from '../../schemas/user.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.children;

/** The operations of `children` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: /* @__PURE__ */ withSchemas(m.list, { response: /* @__PURE__ */ listOf(childSchema) }),
  search: /* @__PURE__ */ withSchemas(m.search, {
    query: childSearchQuerySchema,
    response: /* @__PURE__ */ listOf(childSchema),
  }),
  create: /* @__PURE__ */ withSchemas(m.create, {
    body: childInputSchema,
    response: childCreatedSchema,
  }),
  get: /* @__PURE__ */ withSchemas(m.get, { response: childSchema }),
  confirm: /* @__PURE__ */ withSchemas(m.confirm, {
    body: /* @__PURE__ */ z.object({ challengeId: idSchema, code: verifyInputSchema.shape.code }),
    response: childSchema,
  }),
  schoolLinks: /* @__PURE__ */ withSchemas(m.schoolLinks, {
    response: /* @__PURE__ */ listOf(schoolLinkSchema),
  }),
  linkSchool: /* @__PURE__ */ withSchemas(m.linkSchool, {
    body: schoolLinkInputSchema,
    response: schoolLinkSchema,
  }),
  teachers: /* @__PURE__ */ withSchemas(m.teachers, {
    response: /* @__PURE__ */ listOf(teacherSchema),
  }),
  periods: /* @__PURE__ */ withSchemas(m.periods, { response: schoolYearInfoSchema }),
};
