// Stories of <diary-portfolio> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent: Мария's portfolio in each state.
import { demoFixtures, type MemoryFixtures } from '@school-diary/sdk/testing';
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
  title: 'Widgets/diary-portfolio',
  component: 'diary-portfolio',
  parameters: {
    docs: {
      description: {
        component:
          "A child's portfolio: items with tags, files and teachers' comments; search by tag, add and edit.",
      },
    },
  },
};

/** Demo fixtures without portfolio items. */
function emptyPortfolio(): MemoryFixtures {
  return { ...demoFixtures(), portfolio: [] };
}

const page = (
  fixtures: MemoryFixtures = demoFixtures(),
  attrs: { lang?: string; theme?: string; signedInAs?: string } = {},
) =>
  html`<diary-provider
    .client=${storyClient({ fixtures, ...(attrs.signedInAs ? { signedInAs: attrs.signedInAs } : {}) })}
    lang=${attrs.lang ?? 'ru'}
    theme=${attrs.theme ?? 'light'}
  >
    <diary-portfolio child-id="chd_maria"></diary-portfolio>
  </diary-provider>`;

/** Opens the widget's add form once it has rendered (the form is the widget's own state). */
const openForm =
  (selector: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = canvasElement.querySelector('diary-portfolio');
    for (let i = 0; i < 50 && !el?.shadowRoot?.querySelector(selector); i++)
      await new Promise((resolve) => requestAnimationFrame(resolve));
    el?.shadowRoot?.querySelector<HTMLElement>(selector)?.click();
  };

export const Items = { render: () => page() };

export const Empty = { render: () => page(emptyPortfolio()) };

export const AddForm = { render: () => page(), play: openForm('#add') };

export const EditForm = { render: () => page(), play: openForm('#edit-pfl_mem_diploma') };

/** Signed in as Мария's mathematics teacher: each item has «Прокомментировать». */
const asTeacher = () => page(demoFixtures(), { signedInAs: 'usr_teacher_math' });

export const TeacherComments = { render: asTeacher };

export const TeacherCommentForm = {
  render: asTeacher,
  play: openForm('#comment-open-pfl_mem_project'),
};

export const TeacherCommentEmpty = {
  render: asTeacher,
  play: async (context: { canvasElement: HTMLElement }) => {
    await openForm('#comment-open-pfl_mem_project')(context);
    await openForm('[part~="send-comment"]')(context);
  },
};

export const EnglishDark = {
  render: () => page(demoFixtures(), { lang: 'en', theme: 'dark' }),
  ...darkBackground,
};

export const PhoneWidth = { render: () => page(), ...phoneWidth };

export const Loading = {
  render: () =>
    html`<diary-provider .client=${loadingClient()}
      ><diary-portfolio child-id="chd_maria"></diary-portfolio
    ></diary-provider>`,
};

export const ServerError = {
  render: () =>
    html`<diary-provider .client=${failingClient(['portfolio.list'])}
      ><diary-portfolio child-id="chd_maria"></diary-portfolio
    ></diary-provider>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${signedOutClient()}
      ><diary-portfolio child-id="chd_maria"></diary-portfolio
    ></diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-portfolio child-id="chd_maria"></diary-portfolio>`,
};
