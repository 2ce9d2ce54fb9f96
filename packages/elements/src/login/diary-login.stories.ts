// Stories of <diary-login> (Storybook, web-components renderer), over the SDK's in-memory client:
// sign in with +7 999 000-00-01, the password and code of `@school-diary/sdk/testing`.
import { MEMORY_CODE, MEMORY_PASSWORD } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  failingClient,
  loadingClient,
  longNameFixtures,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';
import type { MemoryClient } from '@school-diary/sdk/testing';

export default {
  title: 'Widgets/diary-login',
  component: 'diary-login',
  parameters: {
    docs: {
      description: {
        component: `Demo: phone +7 999 000-00-01, password «${MEMORY_PASSWORD}», SMS code ${MEMORY_CODE}.`,
      },
    },
  },
};

// One-time codes expire five minutes after they are sent: the memory server's clock must be the
// browser's, or the code step would open on an already expired code.
const realTime = { now: () => new Date() } as const;
const signedOut = () => signedOutClient(realTime);

const inProvider = (client: MemoryClient, attributes: { lang?: string; theme?: string } = {}) =>
  html`<diary-provider
    .client=${client}
    lang=${attributes.lang ?? 'ru'}
    theme=${attributes.theme ?? 'light'}
    ><diary-login></diary-login
  ></diary-provider>`;

/** Types the demo phone and a password into the (light-DOM) form and submits it. */
async function submitCredentials(root: HTMLElement, password = MEMORY_PASSWORD): Promise<void> {
  await customElements.whenDefined('diary-login');
  const login = root.querySelector('diary-login');
  await (login as (HTMLElement & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
  const type = (name: string, value: string) => {
    const input = root.querySelector<HTMLInputElement>(`diary-login input[name="${name}"]`);
    if (!input) throw new Error(`no ${name} field`);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  };
  type('phone', '+7 999 000-00-01');
  type('password', password);
  root.querySelector<HTMLButtonElement>('diary-login button[type="submit"]')?.click();
}

export const SignedOut = { render: () => inProvider(signedOut()) };

export const English = { render: () => inProvider(signedOut(), { lang: 'en' }) };

export const DarkTheme = {
  render: () => inProvider(signedOut(), { theme: 'dark' }),
  ...darkBackground,
};

export const PhoneWidth = { render: () => inProvider(signedOut()), ...phoneWidth };

/** The credentials are on their way: the button is busy until the server answers. */
export const Loading = {
  render: () => inProvider(loadingClient({ ...realTime, signedInAs: null })),
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => submitCredentials(canvasElement),
};

/** A wrong password: the server's message, in place. */
export const WrongPassword = {
  render: () => inProvider(signedOut()),
  play: ({ canvasElement }: { canvasElement: HTMLElement }) =>
    submitCredentials(canvasElement, 'not-the-password'),
};

/** The server fails: a message that says to try later, and nothing typed is lost. */
export const ServerError = {
  render: () => inProvider(failingClient(['auth.login'], { ...realTime, signedInAs: null })),
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => submitCredentials(canvasElement),
};

/** After the password: the one-time code step. */
export const CodeStep = {
  render: () => inProvider(signedOut()),
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => submitCredentials(canvasElement),
};

export const SignedIn = { render: () => inProvider(storyClient()) };

export const SignedInWithALongName = {
  render: () => inProvider(storyClient({ fixtures: longNameFixtures() })),
  ...phoneWidth,
};

export const OutsideAProvider = {
  render: () => html`<diary-login>Загружаем форму входа…</diary-login>`,
};
