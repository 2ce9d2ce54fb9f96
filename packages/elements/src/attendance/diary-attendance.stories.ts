// Stories of <diary-attendance> over the SDK's in-memory client signed in as the demo parent:
// Мария's 2nd quarter with an illness and a late arrival, and absence reports in both states. The
// controls set the widget's attributes; the toolbar sets the language and theme.
import type { AbsenceNotice } from '@school-diary/core';
import { demoFixtures, type MemoryFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../define';
import {
  darkTheme,
  emptyFixtures,
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
  title: 'Widgets/diary-attendance',
  component: 'diary-attendance',
  ...widgetMeta(
    'diary-attendance',
    "A child's attendance by period, per subject and per day, and absences reported ahead.",
    { 'child-id': 'chd_maria', 'period-id': 'per_42_2026_q2' },
  ),
};

/** Two reports of Иванова: one a teacher acknowledged, one still waiting. */
function withReports(): MemoryFixtures {
  const f = demoFixtures();
  const lesson = (n: number) => {
    const l = f.lessons.find((x) => x.date === '2026-11-26' && x.number === n);
    return {
      lessonId: l?.id ?? `les_${n}`,
      date: '2026-11-26',
      number: n,
      subjectName: l?.subjectName ?? '',
    };
  };
  const waiting: AbsenceNotice = {
    id: 'abs_story_1',
    childId: 'chd_maria',
    from: '2026-11-26',
    to: '2026-11-26',
    reason: 'absent_excused',
    comment: 'Соревнования по плаванию',
    lessons: [lesson(4), lesson(5)],
    chosenLessons: true,
    status: 'submitted',
    createdAt: '2026-11-24T07:30:00.000Z',
  };
  const acknowledged: AbsenceNotice = {
    id: 'abs_story_2',
    childId: 'chd_maria',
    from: '2026-11-25',
    to: '2026-11-27',
    reason: 'ill',
    comment: 'ОРВИ',
    lessons: [lesson(1), lesson(2), lesson(3), lesson(4), lesson(5)],
    chosenLessons: false,
    attachment: {
      id: 'att_story',
      name: 'Справка.pdf',
      size: 48_213,
      contentType: 'application/pdf',
    },
    status: 'acknowledged',
    createdAt: '2026-11-24T06:00:00.000Z',
    acknowledgedAt: '2026-11-24T08:10:00.000Z',
    acknowledgedBy: 'Лебедева Анна Павловна',
  };
  f.absenceNotices.push(waiting, acknowledged);
  return f;
}

export const Period = {};

export const WithReports = {
  parameters: { diary: { client: () => storyClient({ fixtures: withReports() }) } },
};

/** The report-ahead form, opened. */
export const ReportForm = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-attendance');
    const open = await waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('[part~="report-open"]');
      if (!button) throw new Error('the widget has not loaded yet');
      return button;
    });
    open.click();
  },
};

export const NoMisses = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
};

export const English = { ...english };

export const Dark = {
  ...darkTheme,
  parameters: { diary: { client: () => storyClient({ fixtures: withReports() }) } },
};

export const Phone = {
  ...phoneWidth,
  parameters: { diary: { client: () => storyClient({ fixtures: withReports() }) } },
};

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['attendance.list']) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-attendance child-id="chd_maria"></diary-attendance>`,
};
