// Stories of <diary-account> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: her profile, phone, password and the devices signed in.
import type { MemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-account',
  component: 'diary-account',
  parameters: {
    docs: {
      description: {
        component:
          'One’s own account: names and e-mail, a new phone confirmed by a code, a new password, and the devices signed in, each to sign out.',
      },
    },
  },
};

/** The demo parent signed in here and on two other devices. */
function threeDevices(): MemoryClient {
  const client = storyClient();
  client.memory.issue('usr_parent_ivanova');
  client.memory.issue('usr_parent_ivanova');
  return client;
}

const page = (
  client: MemoryClient = threeDevices(),
  attrs: { lang?: string; theme?: string } = {},
) =>
  html`<diary-provider .client=${client} lang=${attrs.lang ?? 'ru'} theme=${attrs.theme ?? 'light'}>
    <diary-account></diary-account>
  </diary-provider>`;

/** Waits until the widget shows `selector`, then runs `act` on its shadow root. */
const whenShown =
  (selector: string, act: (root: ShadowRoot) => void) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('diary-account');
    for (let i = 0; i < 100 && !el?.shadowRoot?.querySelector(selector); i++)
      await new Promise((resolve) => requestAnimationFrame(resolve));
    if (el?.shadowRoot) act(el.shadowRoot);
  };

const typeInto = (root: ShadowRoot, selector: string, value: string) => {
  const input = root.querySelector<HTMLInputElement>(selector);
  if (!input) return;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};

export const Account = { render: () => page() };

export const OnlyThisDevice = { render: () => page(storyClient()) };

export const PhoneCodeSent = {
  render: () => page(),
  play: whenShown('#phone', (root) => {
    typeInto(root, '#phone', '+7 999 555-00-11');
    root.querySelector<HTMLElement>('[part~="send-code"]')?.click();
  }),
};

export const FieldError = {
  render: () => page(),
  play: whenShown('#email', (root) => {
    typeInto(root, '#email', 'not an address');
    root.querySelector<HTMLElement>('[part~="save"]')?.click();
  }),
};

export const WrongCurrentPassword = {
  render: () => page(),
  play: whenShown('#currentPassword', (root) => {
    typeInto(root, '#currentPassword', 'not my password');
    typeInto(root, '#newPassword', 'Школа-2026-дневник');
    root.querySelector<HTMLElement>('[part~="change-password"]')?.click();
  }),
};

export const EnglishDark = {
  render: () => page(threeDevices(), { lang: 'en', theme: 'dark' }),
  ...darkBackground,
};

export const PhoneWidth = { render: () => page(), ...phoneWidth };

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient()}
      ><diary-account></diary-account
    ></diary-provider>`,
};

export const ServerError = {
  render: () =>
    html`<diary-provider .client=${failingClient(['auth.sessions'])}
      ><diary-account></diary-account
    ></diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${signedOutClient()}
      ><diary-account></diary-account
    ></diary-provider>`,
};

export const OutsideAProvider = { render: () => html`<diary-account></diary-account>` };
