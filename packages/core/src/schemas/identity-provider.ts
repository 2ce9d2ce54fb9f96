import { type z, maxLength, object, optional, string } from 'zod/mini';
import { idSchema, timestampSchema } from './common.js';
import { oneTimeCodeSchema } from './identifiers.js';
import { ruleCheck } from './rule.js';

/**
 * A configured OpenID Connect identity provider as sign-in forms list it: the name used in
 * requests, the title shown on its button («Войти через {title}») and an optional logo address.
 */
export const identityProviderSchema = object({
  name: idSchema,
  title: string(),
  logoUrl: optional(string()),
});
/** An identity provider a parent may sign in with. */
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

/** A one-use ticket the server hands back (in the page's fragment) after a provider's answer. */
const ticketSchema = string().check(
  maxLength(200),
  ruleCheck((v: string) => (/^[A-Za-z0-9_-]{20,200}$/.test(v) ? null : 'format'), {
    field: 'ticket',
  }),
);

/**
 * Starting a sign-in through a provider: which provider, and the page to come back to (an
 * `http(s)` address of the diary's own origin or of a site allowed to embed it).
 */
export const oidcStartInputSchema = object({
  provider: idSchema,
  returnTo: string().check(
    maxLength(2000),
    ruleCheck((v: string) => (/^https?:\/\/[^\s]+$/.test(v) ? null : 'format'), {
      field: 'returnTo',
    }),
  ),
});

/** Where to send the browser to sign in at the provider. */
export const oidcStartResultSchema = object({ authorizationUrl: string() });

/** Signing in with the ticket the provider's answer left: an account linked to that identity. */
export const oidcCompleteInputSchema = object({ ticket: ticketSchema });

/**
 * Linking the identity of a ticket to an existing account: the account's password was checked by
 * `login`, and here its one-time code proves the phone.
 */
export const oidcLinkInputSchema = object({
  ticket: ticketSchema,
  challengeId: idSchema,
  code: oneTimeCodeSchema,
});

/** An external identity linked to the caller's account. */
export const linkedIdentitySchema = object({
  provider: idSchema,
  title: string(),
  linkedAt: timestampSchema,
});
/** An external identity linked to an account. */
export type LinkedIdentity = z.infer<typeof linkedIdentitySchema>;
