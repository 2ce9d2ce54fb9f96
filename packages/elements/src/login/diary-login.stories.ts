// Stories of <diary-login> over the SDK's in-memory client: sign in with +7 999 000-00-01, the
// password and code of `@school-diary/sdk/testing`. The controls set the widget's attributes; the
// toolbar sets the language and theme.
import { MEMORY_CODE, MEMORY_PASSWORD } from '@school-diary/sdk/testing';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../define';
import {
  darkTheme,
  english,
  failingClient,
  loadingClient,
  longNameFixtures,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

// One-time codes expire five minutes after they are sent: the memory server's clock must be the
// browser's, or the code step would open on an already expired code.
const realTime = { now: () => new Date() } as const;
const signedOut = () => signedOutClient(realTime);

export default {
  title: 'Widgets/diary-login',
  component: 'diary-login',
  ...widgetMeta(
    'diary-login',
    `Demo: phone +7 999 000-00-01, password «${MEMORY_PASSWORD}», SMS code ${MEMORY_CODE}.`,
  ),
  parameters: {
    docs: {
      description: {
        component: `Demo: phone +7 999 000-00-01, password «${MEMORY_PASSWORD}», SMS code ${MEMORY_CODE}.`,
      },
    },
    diary: { client: signedOut },
  },
};

/** Types values into the (light-DOM) form's fields by name, once they are shown, and submits it. */
async function submitFields(root: HTMLElement, values: Readonly<Record<string, string>>) {
  const field = (name: string) =>
    waitFor(() => {
      const input = root.querySelector<HTMLInputElement>(`diary-login input[name="${name}"]`);
      if (!input) throw new Error(`no ${name} field yet`);
      return input;
    });
  for (const [name, value] of Object.entries(values)) {
    const input = await field(name);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  root.querySelector<HTMLButtonElement>('diary-login button[type="submit"]')?.click();
}

/** Types the demo phone and a password into the sign-in form and submits it. */
function submitCredentials(root: HTMLElement, password = MEMORY_PASSWORD): Promise<void> {
  return submitFields(root, { phone: '+7 999 000-00-01', password });
}

type Play = { canvasElement: HTMLElement };

export const SignedOut = {};

export const English = { ...english };

export const DarkTheme = { ...darkTheme };

export const PhoneWidth = { ...phoneWidth };

/** The credentials are on their way: the button is busy until the server answers. */
export const Loading = {
  parameters: { diary: { client: () => loadingClient({ ...realTime, signedInAs: null }) } },
  play: ({ canvasElement }: Play) => submitCredentials(canvasElement),
};

/** A wrong password: the server's message, in place. */
export const WrongPassword = {
  play: ({ canvasElement }: Play) => submitCredentials(canvasElement, 'not-the-password'),
};

/** The server fails: a message that says to try later, and nothing typed is lost. */
export const ServerError = {
  parameters: {
    diary: { client: () => failingClient(['auth.login'], { ...realTime, signedInAs: null }) },
  },
  play: ({ canvasElement }: Play) => submitCredentials(canvasElement),
};

/** After the password: the one-time code step. */
export const CodeStep = {
  play: ({ canvasElement }: Play) => submitCredentials(canvasElement),
};

/** Signed in: who, and the sign-out button. */
export const SignedIn = { parameters: { diary: { client: () => storyClient() } } };

export const SignedInWithALongName = {
  parameters: { diary: { client: () => storyClient({ fixtures: longNameFixtures() }) } },
  ...phoneWidth,
};

export const OutsideAProvider = {
  render: () => html`<diary-login>Загружаем форму входа…</diary-login>`,
};

/** Presses «Зарегистрироваться» on the sign-in step. */
async function openRegistration(root: HTMLElement): Promise<void> {
  const button = await waitFor(() => {
    const found = root.querySelector<HTMLButtonElement>('diary-login [part~="register"]');
    if (!found) throw new Error('no register button yet');
    return found;
  });
  button.click();
}

/** A parent's new account: name, phone, email, SNILS, passport and a new password. */
export const Registration = {
  play: ({ canvasElement }: Play) => openRegistration(canvasElement),
};

/**
 * A new parent registers over the in-memory client, no server needed: the form is filled in and
 * sent, and the SMS code step follows (the code is 123456, as for every memory challenge).
 */
export const RegistrationCodeStep = {
  play: async ({ canvasElement }: Play) => {
    await openRegistration(canvasElement);
    await submitFields(canvasElement, {
      lastName: 'Новикова',
      firstName: 'Светлана',
      middleName: 'Петровна',
      phone: '+7 999 555-01-01',
      snils: '987-654-321 83',
      passport: '45 12 345678',
      password: 'три слова подряд',
    });
    await waitFor(() => {
      if (!canvasElement.querySelector('diary-login input[autocomplete="one-time-code"]'))
        throw new Error('no code step yet');
    });
  },
};

/** The registration form on a 360 px phone. */
export const RegistrationAtPhoneWidth = {
  ...phoneWidth,
  play: ({ canvasElement }: Play) => openRegistration(canvasElement),
};

/** The registration form submitted empty: every field's error, with a summary linking to each. */
export const RegistrationErrors = {
  play: async ({ canvasElement }: Play) => {
    await openRegistration(canvasElement);
    const submit = await waitFor(() => {
      const found = canvasElement.querySelector<HTMLButtonElement>(
        'diary-login form [part~="submit"]',
      );
      if (!found?.closest('form')?.querySelector('input[name="snils"]')) throw new Error('no form');
      return found;
    });
    submit.click();
  },
};
