// Stories of <diary-qr-handoff> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: the QR code on the first device, the question when a phone
// has scanned it, and the phone's side.
import { createMemoryClient, type MemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import '../define';
import {
  darkBackground,
  failingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-qr-handoff',
  component: 'diary-qr-handoff',
  parameters: {
    docs: {
      description: {
        component:
          'Continue on the phone: a one-time QR code that signs a phone in once this device allows it.',
      },
    },
  },
};

const page = (
  client: MemoryClient = storyClient(),
  attrs: { lang?: string; theme?: string } = {},
) =>
  html`<diary-provider .client=${client} lang=${attrs.lang ?? 'ru'} theme=${attrs.theme ?? 'light'}>
    <diary-qr-handoff></diary-qr-handoff>
  </diary-provider>`;

/** Waits until the widget shows `selector`. */
async function shown(canvas: HTMLElement, selector: string): Promise<HTMLElement | null> {
  const el = canvas.querySelector('diary-qr-handoff');
  for (let i = 0; i < 100 && !el?.shadowRoot?.querySelector(selector); i++)
    await new Promise((resolve) => requestAnimationFrame(resolve));
  return el?.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

const showCode = async ({ canvasElement }: { canvasElement: HTMLElement }) =>
  (await shown(canvasElement, '[part~="show"]'))?.click();

export const Start = { render: () => page() };

export const ShowingCode = { render: () => page(), play: showCode };

const laptop = storyClient();
export const PhoneScanned = {
  render: () => page(laptop),
  play: async (context: { canvasElement: HTMLElement }) => {
    await showCode(context);
    const link = (await shown(context.canvasElement, '[part~="link"]')) as HTMLAnchorElement;
    const token = new URLSearchParams(new URL(link.href).hash.slice(1)).get('diary-handoff');
    const phone = createMemoryClient({ memory: laptop.memory, signedInAs: null });
    if (token) await phone.auth.claimHandoff({ token });
  },
};

/** The phone's side: a token from another device of the same memory diary. */
function phoneWaiting() {
  const first = storyClient();
  const phone = storyClient({ memory: first.memory, signedInAs: null });
  const token = first.auth.createHandoff().then((created) => created.token);
  return { phone, token };
}

export const OnThePhone = {
  render: () => {
    const { phone, token } = phoneWaiting();
    return html`<diary-provider .client=${phone}>
      ${until(token.then((t) => html`<diary-qr-handoff token=${t}></diary-qr-handoff>`))}
    </diary-provider>`;
  },
};

export const UnknownCode = {
  render: () =>
    html`<diary-provider .client=${storyClient({ signedInAs: null })}>
      <diary-qr-handoff token="hof_not_a_code"></diary-qr-handoff>
    </diary-provider>`,
};

export const EnglishDark = {
  render: () => page(storyClient(), { lang: 'en', theme: 'dark' }),
  play: showCode,
  ...darkBackground,
};

export const PhoneWidth = { render: () => page(), play: showCode, ...phoneWidth };

export const ServerError = {
  render: () => page(failingClient(['auth.createHandoff'])),
  play: showCode,
};

export const SignedOut = { render: () => page(signedOutClient()) };

export const OutsideAProvider = { render: () => html`<diary-qr-handoff></diary-qr-handoff>` };
