import * as client from 'openid-client';
import type { IdentityProvider } from '@school-diary/core';
import { DomainError, fieldError } from './domain-error';

/**
 * One OpenID Connect provider the server trusts to identify parents: where it is (its issuer, read
 * by discovery), the client the operator registered there, and which claim carries the SNILS.
 */
export interface OidcProviderConfig {
  /** The name in requests and in the callback path: Latin letters, digits, `_` and `-`. */
  readonly name: string;
  /** Shown on the button: «Войти через {title}». */
  readonly title: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** An image address (https or the site's own path) shown beside the title. */
  readonly logoUrl?: string;
  /** Scopes asked for besides `openid` (default `profile`). */
  readonly scopes?: readonly string[];
  /**
   * The claim (of the ID token or the user-info answer) that carries the person's SNILS; when it
   * matches the account's SNILS, linking marks the identity confirmed. Default `snils`.
   */
  readonly snilsClaim?: string;
}

/** A name for providers: also a path segment of the callback. */
export const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Plain `http` is allowed only to a provider on this machine (tests, the demo). */
function isLoopback(issuer: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
}

/**
 * The configured providers and their discovered metadata. Discovery runs on first use and is
 * kept; a provider that cannot be reached answers `provider_unavailable` and is asked again next
 * time.
 */
export class OidcProviders {
  readonly #configs: ReadonlyMap<string, OidcProviderConfig>;
  readonly #discovered = new Map<string, Promise<client.Configuration>>();
  readonly #configuredUrl: string | null;
  #listenUrl: string | null = null;

  /**
   * @param configs - the providers, in the order sign-in forms list them
   * @param publicUrl - where browsers and providers reach this server (`--public-url`); unset,
   *   the address it listens on
   */
  constructor(configs: readonly OidcProviderConfig[], publicUrl?: string) {
    this.#configs = new Map(configs.map((c) => [c.name, c]));
    this.#configuredUrl = publicUrl ?? null;
  }

  /** Notes the address the server listens on, the public one when none is configured. */
  useListenAddress(url: string): void {
    this.#listenUrl = url;
  }

  /** The server's public address, the base of every callback; null before it listens. */
  publicUrl(): string | null {
    return this.#configuredUrl ?? this.#listenUrl;
  }

  /** What sign-in forms show: name, title and logo of each provider, in configured order. */
  list(): IdentityProvider[] {
    return [...this.#configs.values()].map((c) => ({
      name: c.name,
      title: c.title,
      ...(c.logoUrl ? { logoUrl: c.logoUrl } : {}),
    }));
  }

  /** The provider's settings; a field error for a name not configured. */
  settings(name: string): OidcProviderConfig {
    const config = this.#configs.get(name);
    if (!config) throw fieldError('provider', 'format');
    return config;
  }

  /** The provider's discovered configuration (cached once discovery succeeded). */
  async configuration(name: string): Promise<client.Configuration> {
    const settings = this.settings(name);
    let found = this.#discovered.get(name);
    if (!found) {
      found = discover(settings);
      this.#discovered.set(name, found);
    }
    try {
      return await found;
    } catch (error) {
      this.#discovered.delete(name);
      const failure = new DomainError('provider_unavailable');
      failure.cause = error;
      throw failure;
    }
  }
}

async function discover(settings: OidcProviderConfig): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  return client.discovery(
    issuer,
    settings.clientId,
    { client_secret: settings.clientSecret },
    client.ClientSecretBasic(settings.clientSecret),
    {
      timeout: 10,
      ...(issuer.protocol === 'http:' && isLoopback(issuer)
        ? { execute: [client.allowInsecureRequests] }
        : {}),
    },
  );
}
