import {
  challengeSchema,
  changePasswordInputSchema,
  loginInputSchema,
  logoutInputSchema,
  recoveryCompleteInputSchema,
  recoveryStartInputSchema,
  refreshInputSchema,
  signInSessionSchema,
  registerInputSchema,
  registerResultSchema,
  resendInputSchema,
  sessionSchema,
  userSchema,
  verifyInputSchema,
} from '../../schemas/user.js';
import { listOf } from '../../schemas/common.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.auth;

/** The operations of `auth` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  register: /* @__PURE__ */ withSchemas(m.register, {
    body: registerInputSchema,
    response: registerResultSchema,
  }),
  confirmIdentity: /* @__PURE__ */ withSchemas(m.confirmIdentity, {
    body: verifyInputSchema,
    response: userSchema,
  }),
  login: /* @__PURE__ */ withSchemas(m.login, {
    body: loginInputSchema,
    response: challengeSchema,
  }),
  verify: /* @__PURE__ */ withSchemas(m.verify, {
    body: verifyInputSchema,
    response: sessionSchema,
  }),
  resend: /* @__PURE__ */ withSchemas(m.resend, {
    body: resendInputSchema,
    response: challengeSchema,
  }),
  refresh: /* @__PURE__ */ withSchemas(m.refresh, {
    body: refreshInputSchema,
    response: sessionSchema,
  }),
  logout: /* @__PURE__ */ withSchemas(m.logout, { body: logoutInputSchema }),
  me: /* @__PURE__ */ withSchemas(m.me, { response: userSchema }),
  recoveryStart: /* @__PURE__ */ withSchemas(m.recoveryStart, {
    body: recoveryStartInputSchema,
    response: challengeSchema,
  }),
  sessions: /* @__PURE__ */ withSchemas(m.sessions, {
    response: /* @__PURE__ */ listOf(signInSessionSchema),
  }),
  revokeSession: /* @__PURE__ */ withSchemas(m.revokeSession, {}),
  changePassword: /* @__PURE__ */ withSchemas(m.changePassword, {
    body: changePasswordInputSchema,
  }),
  recoveryComplete: /* @__PURE__ */ withSchemas(m.recoveryComplete, {
    body: recoveryCompleteInputSchema,
  }),
};
