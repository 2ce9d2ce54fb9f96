import { createHmac, randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import { normalizeSnils } from '@school-diary/core';
import type { Services } from './context';
import { fieldError } from './domain-error';
import { hashToken } from './secrets';

/** Seconds a started sign-in may take at the provider. */
const FLOW_TTL = 10 * 60;
/** Seconds the browser has to hand its ticket back. */
const TICKET_TTL = 5 * 60;

/** Why a provider's answer did not produce a ticket, as the page learns it (`#diary-oidc-error=`). */
export type OidcFailure = 'cancelled' | 'provider_down' | 'refused';

/** The claims a ticket carries: the provider's verified SNILS (sealed), if it gave one. */
export interface TicketClaims {
  readonly snils?: string;
}

/** The callback path of a provider, under the API's public address. */
export function callbackPath(provider: string): string {
  return `/api/v1/auth/oidc/${provider}/callback`;
}

/** PKCE verifier and nonce of a flow, derived from its state with the server's secret. */
function derived(services: Services, state: string, use: 'pkce' | 'nonce'): string {
  return createHmac('sha256', services.secret).update(`oidc-${use}:${state}`).digest('base64url');
}

/** Whether the page to come back to is the diary's own or a site allowed to embed it. */
function allowedReturn(services: Services, returnTo: string): boolean {
  let origin: string;
  try {
    origin = new URL(returnTo).origin;
  } catch {
    return false;
  }
  const own = services.oidc.publicUrl();
  return (
    services.config.corsOrigins.includes(origin) || (own !== null && new URL(own).origin === origin)
  );
}

/** The provider's redirect address for this server. */
function redirectUri(services: Services, provider: string): string {
  const base = services.oidc.publicUrl();
  if (base === null) throw new Error('the server has no public address for OpenID callbacks');
  return new URL(callbackPath(provider), base).href;
}

/**
 * Starts a sign-in at a provider: keeps the hash of a fresh `state` for ten minutes and answers
 * the provider's authorization address (code flow, PKCE S256, a nonce).
 */
export async function startOidcSignIn(
  services: Services,
  input: { provider: string; returnTo: string },
): Promise<{ authorizationUrl: string }> {
  const settings = services.oidc.settings(input.provider);
  if (!allowedReturn(services, input.returnTo)) throw fieldError('returnTo', 'format');
  const config = await services.oidc.configuration(input.provider);
  const now = services.clock.now();
  // Flows nobody finished are dropped a day after they ended.
  await services.db
    .deleteFrom('oidc_flows')
    .where('expires_at', '<', new Date(now.getTime() - 24 * 3600 * 1000).toISOString())
    .execute();
  const state = randomBytes(32).toString('base64url');
  await services.db
    .insertInto('oidc_flows')
    .values({
      state_hash: hashToken(state),
      provider: input.provider,
      return_to: input.returnTo,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + FLOW_TTL * 1000).toISOString(),
      returned_at: null,
      ticket_hash: null,
      subject: null,
      claims: null,
      used_at: null,
    })
    .execute();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(services, input.provider),
    scope: ['openid', ...(settings.scopes ?? ['profile'])].join(' '),
    state,
    nonce: derived(services, state, 'nonce'),
    code_challenge: await client.calculatePKCECodeChallenge(derived(services, state, 'pkce')),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl: url.href };
}

/** Where the browser goes after the provider's answer: the page it started on, with a fragment. */
export interface CallbackOutcome {
  /** null when the state is unknown: there is no page known to go back to. */
  readonly location: string | null;
  readonly failure: OidcFailure | null;
  /** What the audit records about a failure. */
  readonly detail: string;
}

function back(returnTo: string, fragment: string): string {
  const url = new URL(returnTo);
  url.hash = fragment;
  return url.href;
}

/** The SNILS claim, normalised; absent or malformed gives none. */
function snilsOf(claims: Record<string, unknown>, claim: string): string | undefined {
  const value = claims[claim];
  return typeof value === 'string' ? (normalizeSnils(value) ?? undefined) : undefined;
}

/** The error and its causes' messages, for the audit: `…: unexpected ID Token "nonce" claim value`. */
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error && parts.length < 3; e = e.cause) parts.push(e.message);
  return (parts.length ? parts.join(': ') : String(error)).slice(0, 300);
}

function failureOf(error: unknown): OidcFailure {
  // A provider that cannot be reached (or answers with a server error) is "down"; every answer
  // that fails a check (state, nonce, signature, a used code) is refused.
  if (error instanceof client.ResponseBodyError)
    return error.status >= 500 ? 'provider_down' : 'refused';
  if (error instanceof TypeError || (error as { name?: string }).name === 'TimeoutError')
    return 'provider_down';
  if (error instanceof Error && /fetch failed|ECONNREFUSED|ENOTFOUND/.test(error.message))
    return 'provider_down';
  return 'refused';
}

/**
 * Takes the provider's answer at the callback. The state is taken once (a replayed answer finds
 * it used), the code is exchanged with the flow's PKCE verifier, and openid-client checks the ID
 * token (issuer, audience, signature, expiry, nonce). On success a one-use ticket is kept for five
 * minutes and the browser goes back to its page with `#diary-oidc=<ticket>`.
 */
export async function takeOidcCallback(
  services: Services,
  provider: string,
  query: URLSearchParams,
): Promise<CallbackOutcome> {
  const state = query.get('state');
  const settings = services.oidc.settings(provider);
  const now = services.clock.now().toISOString();
  const flow = state
    ? await services.db
        .selectFrom('oidc_flows')
        .selectAll()
        .where('state_hash', '=', hashToken(state))
        .where('provider', '=', provider)
        .executeTakeFirst()
    : undefined;
  if (!state || !flow) return { location: null, failure: 'refused', detail: 'unknown state' };
  const taken = await services.db
    .updateTable('oidc_flows')
    .set({ returned_at: now })
    .where('state_hash', '=', flow.state_hash)
    .where('returned_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  const refuse = (failure: OidcFailure, detail: string): CallbackOutcome => ({
    location: back(flow.return_to, `diary-oidc-error=${failure}`),
    failure,
    detail,
  });
  if (Number(taken.numUpdatedRows) !== 1) return refuse('refused', 'state already used or expired');
  const error = query.get('error');
  if (error)
    return refuse(error === 'access_denied' ? 'cancelled' : 'refused', `provider: ${error}`);
  let subject: string;
  let claims: Record<string, unknown>;
  try {
    const config = await services.oidc.configuration(provider);
    const current = new URL(redirectUri(services, provider));
    current.search = query.toString();
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: derived(services, state, 'pkce'),
      expectedState: state,
      expectedNonce: derived(services, state, 'nonce'),
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return refuse('refused', 'no ID token');
    subject = idClaims.sub;
    const info = await client.fetchUserInfo(config, tokens.access_token, subject);
    claims = { ...info, ...idClaims };
  } catch (cause) {
    const failure =
      cause instanceof Error && 'code' in cause && cause.code === 'provider_unavailable'
        ? 'provider_down'
        : failureOf(cause);
    return refuse(failure, reasonOf(cause));
  }
  const ticket = randomBytes(32).toString('base64url');
  const snils = snilsOf(claims, settings.snilsClaim ?? 'snils');
  const kept: TicketClaims = snils ? { snils: services.documents.seal('snils', snils) } : {};
  await services.db
    .updateTable('oidc_flows')
    .set({
      ticket_hash: hashToken(ticket),
      subject,
      claims: JSON.stringify(kept),
      expires_at: new Date(services.clock.now().getTime() + TICKET_TTL * 1000).toISOString(),
    })
    .where('state_hash', '=', flow.state_hash)
    .execute();
  return { location: back(flow.return_to, `diary-oidc=${ticket}`), failure: null, detail: '' };
}
