import { guardianClaimSchema } from '../../schemas/child.js';
import { listOf } from '../../schemas/common.js';
import { confirmInPersonInputSchema, findUserQuerySchema, userSchema } from '../../schemas/user.js';
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
    query: findUserQuerySchema,
    response: /* @__PURE__ */ listOf(userSchema),
  }),
  guardianClaims: /* @__PURE__ */ withSchemas(m.guardianClaims, {
    response: /* @__PURE__ */ listOf(guardianClaimSchema),
  }),
  approveGuardian: /* @__PURE__ */ withSchemas(m.approveGuardian, {
    response: guardianClaimSchema,
  }),
};
