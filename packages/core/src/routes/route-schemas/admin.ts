import { z } from 'zod/mini';
import { listOf } from '../../schemas/common.js';
import { confirmInPersonInputSchema, loginInputSchema, userSchema } from '../../schemas/user.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.admin;

/** The operations of `admin` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  confirmIdentityInPerson: /* @__PURE__ */ withSchemas(m.confirmIdentityInPerson, {
    body: confirmInPersonInputSchema,
    response: userSchema,
  }),
  findUser: /* @__PURE__ */ withSchemas(m.findUser, {
    query: /* @__PURE__ */ z.object({ phone: loginInputSchema.shape.phone }),
    response: /* @__PURE__ */ listOf(userSchema),
  }),
};
