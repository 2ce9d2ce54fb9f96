// Stories of <diary-homework> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent on Tuesday 24 November 2026: Мария's homework of that
// week, one piece ticked done, and two past due that nobody ticked.
import type { Homework } from '@school-diary/core';
import { demoFixtures, type MemoryFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkBackground,
  emptyFixtures,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-homework',
  component: 'diary-homework',
  parameters: {
    docs: {
      description: {
        component:
          'A child’s homework by due date with the «Сделано» tick, the overdue list and its alert.',
      },
    },
  },
};

/** The stories' "today": the demo week's Tuesday. */
const now = () => new Date('2026-11-24T09:00:00.000Z');

const extra = (id: string, dueDate: string, text: string, subject: [string, string]): Homework => ({
  id,
  classId: 'cls_42_5a',
  subjectId: subject[0],
  subjectName: subject[1],
  teacherId: 'usr_teacher_math',
  text,
  assignedDate: '2026-11-18',
  dueDate,
  attachments: [],
});

/** The demo, with two past-due pieces and one with a link and a file due tomorrow. */
function withOverdue(): MemoryFixtures {
  const f = demoFixtures();
  f.homework.push(
    extra('hwk_story_late_1', '2026-11-20', 'Задачи № 190–194', ['sub_42_math', 'Математика']),
    extra('hwk_story_late_2', '2026-11-23', 'Упр. 88: списать, вставить буквы', [
      'sub_42_russian',
      'Русский язык',
    ]),
    {
      ...extra(
        'hwk_story_link',
        '2026-11-25',
        'Посмотреть видео https://example.org/drobi и решить № 230.\nПринести линейку.',
        ['sub_42_math', 'Математика'],
      ),
      attachments: [
        { id: 'att_story_1', name: 'Карточка.pdf', size: 48_213, contentType: 'application/pdf' },
      ],
    },
  );
  return f;
}

const homework = (attrs: { period?: string } = {}) =>
  html`<diary-homework period=${attrs.period ?? 'tomorrow'} .now=${now}></diary-homework>`;

export const Tomorrow = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: withOverdue() })}>
      ${homework()}
    </diary-provider>`,
};

export const Week = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: withOverdue() })}>
      ${homework({ period: 'week' })}
    </diary-provider>`,
};

export const NothingOverdue = {
  render: () =>
    html`<diary-provider .client=${storyClient()}>${homework({ period: 'week' })}</diary-provider>`,
};

export const EnglishDark = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: withOverdue() })} lang="en" theme="dark">
      ${homework({ period: 'week' })}
    </diary-provider>`,
  ...darkBackground,
};

export const OnAPhone = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: withOverdue() })}>
      ${homework({ period: 'week' })}
    </diary-provider>`,
  ...phoneWidth,
};

export const Pupil = {
  render: () =>
    html`<diary-provider
      .client=${storyClient({ fixtures: withOverdue(), signedInAs: 'usr_student_maria' })}
    >
      <diary-homework child-id="chd_maria" .now=${now}></diary-homework>
    </diary-provider>`,
};

export const Empty = {
  render: () =>
    html`<diary-provider .client=${storyClient({ fixtures: emptyFixtures() })}>
      ${homework()}
    </diary-provider>`,
};

export const Loading = {
  render: () => html`<diary-provider .client=${loadingClient()}>${homework()}</diary-provider>`,
};

export const LoadFailed = {
  render: () =>
    html`<diary-provider .client=${failingClient(['homework.list'])}
      >${homework()}</diary-provider
    >`,
};

export const SignedOut = {
  render: () => html`<diary-provider .client=${signedOutClient()}>${homework()}</diary-provider>`,
};

export const OutsideAProvider = {
  render: () => html`<diary-homework></diary-homework>`,
};
