// Stories of <diary-child-form> over the SDK's in-memory client (signed in as the demo parent).
// The whole flow works in memory: pick «Школа № 42» (code 770042), the roster id R42-5A-99 for
// Смирнова Анна, born 14.03.2015, and the SMS code 123456.
import { MEMORY_CODE } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  emptyFixtures,
  failingClient,
  loadingClient,
  longNameFixtures,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';
import type { MemoryClient } from '@school-diary/sdk/testing';

export default {
  title: 'Widgets/diary-child-form',
  component: 'diary-child-form',
  parameters: {
    docs: {
      description: {
        component: `Demo: school code 770042, roster id R42-5A-99 for Смирнова Анна (14.03.2015), SMS code ${MEMORY_CODE}.`,
      },
    },
  },
};

const inProvider = (client: MemoryClient, attributes: { lang?: string; theme?: string } = {}) =>
  html`<diary-provider
    .client=${client}
    lang=${attributes.lang ?? 'ru'}
    theme=${attributes.theme ?? 'light'}
  >
    <diary-child-form></diary-child-form>
  </diary-provider>`;

/** Submits the form as it is (empty): the error summary and each field's message. */
async function submitEmpty({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  await customElements.whenDefined('diary-child-form');
  const form = canvasElement.querySelector('diary-child-form');
  await (form as (HTMLElement & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
  form?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
}

export const Russian = { render: () => inProvider(storyClient()) };

export const English = { render: () => inProvider(storyClient(), { lang: 'en' }) };

export const DarkTheme = {
  render: () => inProvider(storyClient(), { theme: 'dark' }),
  ...darkBackground,
};

export const PhoneWidth = { render: () => inProvider(storyClient()), ...phoneWidth };

export const SignedOut = { render: () => inProvider(signedOutClient()) };

/** The session is still being restored: a status line, not a form that would fail. */
export const Loading = { render: () => inProvider(loadingClient()) };

export const ValidationErrors = { render: () => inProvider(storyClient()), play: submitEmpty };

export const ValidationErrorsInEnglishOnAPhone = {
  render: () => inProvider(storyClient(), { lang: 'en' }),
  play: submitEmpty,
  ...phoneWidth,
};

/** The registry finds nothing: type a school name to see the empty answer. */
export const NoSchoolsFound = {
  render: () => inProvider(storyClient({ fixtures: emptyFixtures() })),
};

/** The registry search and registration fail: type a school name, or submit a complete card. */
export const ServerError = {
  render: () => inProvider(failingClient(['schools.search', 'children.create'])),
};

/** Schools with their full official names: type «школа» to see them wrap in the list. */
export const LongSchoolNames = {
  render: () => inProvider(storyClient({ fixtures: longNameFixtures() })),
  ...phoneWidth,
};

export const RestyledWithParts = {
  render: () =>
    html`<style>
        .restyled {
          --diary-color-primary: #006644;
          --diary-radius: 2px;
        }
        .restyled diary-child-form::part(submit) {
          text-transform: uppercase;
        }
      </style>
      <diary-provider class="restyled" .client=${storyClient()}>
        <diary-child-form></diary-child-form>
      </diary-provider>`,
};
