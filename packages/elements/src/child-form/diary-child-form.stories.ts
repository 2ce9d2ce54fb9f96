// Stories of <diary-child-form> over the SDK's in-memory client (signed in as the demo parent).
// The whole flow works in memory: pick «Школа № 42» (code 770042), the roster id R42-5A-99 for
// Смирнова Анна, born 14.03.2015, and the SMS code 123456. The controls set the widget's
// attributes; the toolbar sets the language and theme.
import { MEMORY_CODE, type MemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  longNameFixtures,
  phoneWidth,
  shadowOf,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-child-form',
  component: 'diary-child-form',
  ...widgetMeta(
    'diary-child-form',
    `Demo: school code 770042, roster id R42-5A-99 for Смирнова Анна (14.03.2015), SMS code ${MEMORY_CODE}.`,
    { 'search-delay': 0 },
  ),
};

type Play = { canvasElement: HTMLElement };

/** Submits the form as it is (empty): the error summary and each field's message. */
async function submitEmpty({ canvasElement }: Play): Promise<void> {
  const root = await shadowOf(canvasElement, 'diary-child-form');
  const submit = await waitFor(() => {
    const button = root.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (!button) throw new Error('the form has not rendered yet');
    return button;
  });
  submit.click();
}

/** Types `query` into the school search, as a parent does. */
function searchSchool(query: string) {
  return async ({ canvasElement }: Play): Promise<void> => {
    const root = await shadowOf(canvasElement, 'diary-child-form');
    const input = await waitFor(() => {
      const combobox = root.querySelector<HTMLInputElement>('input[role="combobox"]');
      if (!combobox) throw new Error('the form has not rendered yet');
      return combobox;
    });
    input.focus();
    input.value = query;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };
}

/** The demo parent, whose school search never answers. */
function searchNeverAnswers(): MemoryClient {
  const client = storyClient();
  (client.schools as { search: unknown }).search = () => new Promise(() => undefined);
  return client;
}

export const Russian = {};

export const English = { ...english };

export const DarkTheme = { ...darkTheme };

export const PhoneWidth = { ...phoneWidth };

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

/** The session is still being restored: a status line, not a form that would fail. */
export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

/** The registry is searching: the spinner beside «Ищем школы…». */
export const SearchingSchools = {
  parameters: { diary: { client: searchNeverAnswers } },
  play: searchSchool('Школа'),
};

export const ValidationErrors = { play: submitEmpty };

export const ValidationErrorsInEnglishOnAPhone = {
  play: submitEmpty,
  globals: { ...english.globals, ...phoneWidth.globals },
};

/** The registry finds nothing for what was typed. */
export const NoSchoolsFound = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
  play: searchSchool('Лицей'),
};

/** The registry search fails: the message and a retry button under the field. */
export const ServerError = {
  parameters: { diary: { client: () => failingClient(['schools.search', 'children.create']) } },
  play: searchSchool('Школа'),
};

/** Schools with their full official names wrap in the list. */
export const LongSchoolNames = {
  parameters: { diary: { client: () => storyClient({ fixtures: longNameFixtures() }) } },
  play: searchSchool('школа'),
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

export const OutsideAProvider = { render: () => html`<diary-child-form></diary-child-form>` };
