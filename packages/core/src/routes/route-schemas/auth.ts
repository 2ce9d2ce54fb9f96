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
  phoneChangeInputSchema,
  phoneConfirmInputSchema,
  profilePatchSchema,
} from '../../schemas/user.js';
import {
  identityProviderSchema,
  linkedIdentitySchema,
  oidcCompleteInputSchema,
  oidcLinkInputSchema,
  oidcStartInputSchema,
  oidcStartResultSchema,
} from '../../schemas/identity-provider.js';
import { listOf } from '../../schemas/common.js';
import {
  handoffClaimInputSchema,
  handoffClaimSchema,
  handoffCreatedSchema,
  handoffDecisionSchema,
  handoffRedeemInputSchema,
  handoffRedeemSchema,
  handoffSchema,
} from '../../schemas/handoff.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.auth;

/** The operations of `auth` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  register: withSchemas(m.register, {
    body: registerInputSchema,
    response: registerResultSchema,
  }),
  confirmIdentity: withSchemas(m.confirmIdentity, {
    body: verifyInputSchema,
    response: userSchema,
  }),
  login: withSchemas(m.login, {
    body: loginInputSchema,
    response: challengeSchema,
  }),
  verify: withSchemas(m.verify, {
    body: verifyInputSchema,
    response: sessionSchema,
  }),
  resend: withSchemas(m.resend, {
    body: resendInputSchema,
    response: challengeSchema,
  }),
  refresh: withSchemas(m.refresh, {
    body: refreshInputSchema,
    response: sessionSchema,
  }),
  logout: withSchemas(m.logout, { body: logoutInputSchema }),
  me: withSchemas(m.me, { response: userSchema }),
  updateMe: withSchemas(m.updateMe, { body: profilePatchSchema, response: userSchema }),
  changePhone: withSchemas(m.changePhone, {
    body: phoneChangeInputSchema,
    response: challengeSchema,
  }),
  confirmPhone: withSchemas(m.confirmPhone, {
    body: phoneConfirmInputSchema,
    response: userSchema,
  }),
  recoveryStart: withSchemas(m.recoveryStart, {
    body: recoveryStartInputSchema,
    response: challengeSchema,
  }),
  sessions: withSchemas(m.sessions, {
    response: listOf(signInSessionSchema),
  }),
  revokeSession: withSchemas(m.revokeSession, {}),
  revokeOtherSessions: withSchemas(m.revokeOtherSessions, {}),
  changePassword: withSchemas(m.changePassword, {
    body: changePasswordInputSchema,
  }),
  recoveryComplete: withSchemas(m.recoveryComplete, {
    body: recoveryCompleteInputSchema,
  }),
  createHandoff: withSchemas(m.createHandoff, { response: handoffCreatedSchema }),
  handoff: withSchemas(m.handoff, { response: handoffSchema }),
  decideHandoff: withSchemas(m.decideHandoff, {
    body: handoffDecisionSchema,
    response: handoffSchema,
  }),
  claimHandoff: withSchemas(m.claimHandoff, {
    body: handoffClaimInputSchema,
    response: handoffClaimSchema,
  }),
  redeemHandoff: withSchemas(m.redeemHandoff, {
    body: handoffRedeemInputSchema,
    response: handoffRedeemSchema,
  }),
  providers: withSchemas(m.providers, { response: listOf(identityProviderSchema) }),
  oidcStart: withSchemas(m.oidcStart, {
    body: oidcStartInputSchema,
    response: oidcStartResultSchema,
  }),
  oidcComplete: withSchemas(m.oidcComplete, {
    body: oidcCompleteInputSchema,
    response: sessionSchema,
  }),
  oidcLink: withSchemas(m.oidcLink, { body: oidcLinkInputSchema, response: sessionSchema }),
  identities: withSchemas(m.identities, { response: listOf(linkedIdentitySchema) }),
  unlinkIdentity: withSchemas(m.unlinkIdentity, {}),
};
