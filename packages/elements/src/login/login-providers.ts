import type { IdentityProvider, Lang } from '@school-diary/core';
import { html, nothing } from 'lit';
import { loginText } from './login-text';

/** What the page's address brought back from an identity provider, taken out of the address. */
export type ProviderReturn =
  { readonly ticket: string } | { readonly error: 'cancelled' | 'providerDown' | 'refused' };

const ERRORS = {
  cancelled: 'cancelled',
  provider_down: 'providerDown',
  refused: 'refused',
} as const;

/**
 * Reads `#diary-oidc=<ticket>` or `#diary-oidc-error=<reason>` that the server's callback put in
 * the address, and removes it (a reload or a shared link must not carry the ticket).
 */
export function takeProviderReturn(): ProviderReturn | null {
  const match = /^#diary-oidc(-error)?=([\w-]+)$/.exec(location.hash);
  if (!match) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  const [, isError, value = ''] = match;
  if (!isError) return { ticket: value };
  return { error: ERRORS[value as keyof typeof ERRORS] ?? 'refused' };
}

/** The page to come back to after the provider: this one, without its fragment. */
export function returnAddress(): string {
  return location.href.split('#')[0] ?? location.href;
}

/** «Войти через …», one button per provider the server offers. */
export function renderProviderButtons(
  lang: Lang,
  providers: readonly IdentityProvider[],
  busy: boolean,
  onPick: (provider: IdentityProvider) => void,
) {
  if (providers.length === 0) return nothing;
  return html`<ul class="diary-providers" part="providers">
    ${providers.map(
      (p) =>
        html`<li>
          <button
            type="button"
            class="diary-button diary-button--secondary"
            part="button provider"
            ?disabled=${busy}
            @click=${() => onPick(p)}
          >
            ${
              p.logoUrl
                ? html`<img src=${p.logoUrl} alt="" width="20" height="20" part="provider-logo" />`
                : nothing
            }
            ${loginText(lang, 'signInWith', { title: p.title })}
          </button>
        </li>`,
    )}
  </ul>`;
}
