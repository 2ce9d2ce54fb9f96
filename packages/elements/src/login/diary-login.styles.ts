import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme';

/**
 * The login renders into the light DOM (password managers and autofill cannot see inputs in a
 * shadow root), so its styles are one sheet added to the page: tokens on the tag, then the
 * shared `diary-` classes. Sites restyle it with ordinary selectors such as
 * `diary-login .diary-button`.
 */
export const loginStyles = css`
  ${themeTokens('diary-login', "diary-login[theme='dark']", "diary-login[theme='auto']")}
  ${controlStyles}
  diary-login .diary-base {
    max-width: 40em;
  }
  diary-login .diary-password {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: stretch;
  }
  diary-login .diary-password .diary-input {
    flex: 1 1 14em;
  }
  diary-login .diary-resend {
    margin: calc(var(--_space) * 2) 0 0;
  }
  diary-login .diary-providers {
    list-style: none;
    margin: calc(var(--_space) * 2) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  diary-login .diary-providers img {
    vertical-align: middle;
  }
`;
