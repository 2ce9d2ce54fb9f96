// Stories of <diary-child-card> over the SDK's in-memory client signed in as the demo parent:
// Мария's card, its edit form, and a change of school at its SMS code (the memory code is
// 123456). The controls set the widget's attributes; the toolbar sets the language and theme.
import { demoFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../define';
import {
  darkTheme,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  shadowOf,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-child-card',
  component: 'diary-child-card',
  ...widgetMeta(
    'diary-child-card',
    "A child's details, documents and school, edited by the parent; school changes need an SMS code.",
    { 'child-id': 'chd_maria' },
  ),
};

/** Clicks a button of the card once it has loaded. */
const click = (part: string) => async (canvasElement: HTMLElement) => {
  const root = await shadowOf(canvasElement, 'diary-child-card');
  const button = await waitFor(() => {
    const found = root.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
    if (!found) throw new Error(`no ${part} button yet`);
    return found;
  });
  button.click();
  return root;
};

export const Card = {};

/** The edit form, with the child form's fields and the documents. */
export const Editing = {
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => click('edit')(canvasElement),
};

/** A save with a wrong SNILS: the error summary and the field's error. */
export const EditErrors = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await click('edit')(canvasElement);
    const snils = await waitFor(() => {
      const input = root.querySelector<HTMLInputElement>('#snils');
      if (!input) throw new Error('no SNILS box yet');
      return input;
    });
    snils.value = '123-456-789 00';
    snils.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('[part~="save"]')?.click();
  },
};

/** Changing school: the school code and the student number. */
export const ChangeSchool = {
  play: ({ canvasElement }: { canvasElement: HTMLElement }) => click('change')(canvasElement),
};

/** Unlinking, at the step of the SMS code. */
export const UnlinkCode = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await click('unlink')(canvasElement);
    const send = await waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('[part~="send-code"]');
      if (!button) throw new Error('no send button yet');
      return button;
    });
    send.click();
  },
};

/** A child linked to no school: the link button. */
export const NoSchool = {
  parameters: {
    diary: {
      client: () => {
        const fixtures = demoFixtures();
        fixtures.schoolLinks.length = 0;
        return storyClient({ fixtures });
      },
    },
  },
};

/** «История изменений» of a card no one has changed yet. */
export const HistoryEmpty = {
  parameters: {
    diary: { client: () => storyClient({ fixtures: { ...demoFixtures(), childHistory: [] } }) },
  },
};

/** The history could not be loaded: its own notice and retry, the card still usable. */
export const HistoryError = {
  parameters: { diary: { client: () => failingClient(['children.history']) } },
};

export const English = { ...english };

export const Dark = { ...darkTheme };

export const Phone = { ...phoneWidth };

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['children.get']) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-child-card child-id="chd_maria"></diary-child-card>`,
};
