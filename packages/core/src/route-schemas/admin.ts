import { guardianClaimSchema } from '../schemas/child';
import { listOf } from '../schemas/common';
import { confirmInPersonInputSchema, findUserQuerySchema, userSchema } from '../schemas/user';
import { withSchemas } from '../with-schemas';
import { routeManifest } from '../route-manifest';

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
