// Stories of <diary-timeline-chart> over the SDK's in-memory client signed in as the demo parent
// (Мария's marks), and one with a class's year of marks given directly, to see thinning at work.
// The controls set the widget's attributes; the toolbar sets the language and theme.
import type { Mark } from '@school-diary/core';
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

/** A class's year: `n` marks over 15 subjects, deterministic. */
function classYear(n: number): Mark[] {
  const start = Date.UTC(2026, 8, 1);
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    childId: `c${i % 28}`,
    subjectId: `s${i % 15}`,
    subjectName: `Предмет ${i % 15}`,
    value: (((i * 31) % 4) + 2) as Mark['value'],
    weight: 1,
    kind: 'classwork' as const,
    date: new Date(start + ((i * 7919) % 270) * 86_400_000).toISOString().slice(0, 10),
    teacherId: 't',
    teacherName: 'Учитель',
    createdAt: '2026-09-01T09:00:00Z',
    updatedAt: '2026-09-01T09:00:00Z',
  }));
}

export default {
  title: 'Widgets/diary-timeline-chart',
  component: 'diary-timeline-chart',
  ...widgetMeta(
    'diary-timeline-chart',
    "A child's marks over time by subject, with trends and a table view.",
    { 'child-id': 'chd_maria' },
  ),
};

export const Russian = {};

export const English = { ...english };

export const Dark = { ...darkTheme };

export const Phone = { ...phoneWidth };

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['grades.list']) } },
};

/** No marks yet. */
export const Empty = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
};

export const ClassYear50000Marks = {
  render: () => html`<diary-timeline-chart .marks=${classYear(50_000)}></diary-timeline-chart>`,
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-timeline-chart child-id="chd_maria"></diary-timeline-chart>`,
};
