import { guardianClaimSchema } from '../../schemas/child.js';
import { listOf } from '../../schemas/common.js';
import { confirmInPersonInputSchema, findUserQuerySchema, userSchema } from '../../schemas/user.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.admin;

/** The operations of `admin` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  confirmIdentityInPerson: withSchemas(m.confirmIdentityInPerson, {
    body: confirmInPersonInputSchema,
    response: userSchema,
  }),
  findUser: withSchemas(m.findUser, {
    query: findUserQuerySchema,
    response: listOf(userSchema),
  }),
  guardianClaims: withSchemas(m.guardianClaims, {
    response: listOf(guardianClaimSchema),
  }),
  approveGuardian: withSchemas(m.approveGuardian, {
    response: guardianClaimSchema,
  }),
};
