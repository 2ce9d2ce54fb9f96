import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { startOidcSignIn } from '../services/oidc-flow';
import {
  completeOidcSignIn,
  linkOidcIdentity,
  listIdentities,
  unlinkIdentity,
} from '../services/oidc-identities';

type OidcHandlers = Pick<
  NonNullable<Handlers['auth']>,
  'providers' | 'oidcStart' | 'oidcComplete' | 'oidcLink' | 'identities' | 'unlinkIdentity'
>;

/**
 * Sign-in through OpenID Connect providers: the list for sign-in forms, the start of a flow, the
 * ticket's sign-in or link, and the caller's linked identities. The provider's answer itself
 * arrives at the callback (http/oidc-callback.ts), a browser redirect outside the JSON API.
 */
export function oidcHandlers(s: Services): OidcHandlers {
  return {
    providers: async () => ({ items: s.oidc.list() }),
    oidcStart: ({ body }) => startOidcSignIn(s, body),
    oidcComplete: ({ body, ip, userAgent, lang }) =>
      completeOidcSignIn(s, body.ticket, { ip, userAgent, lang }),
    oidcLink: ({ body, ip, userAgent, lang }) => linkOidcIdentity(s, body, { ip, userAgent, lang }),
    identities: async ({ user }) => ({ items: await listIdentities(s, user) }),
    async unlinkIdentity({ user, params, ip }) {
      await unlinkIdentity(s, user, params.provider, ip);
      return undefined;
    },
  };
}
