// Stories of <diary-timeline-chart> (Storybook, web-components renderer), over the SDK's in-memory
// client signed in as the demo parent (Мария's marks), and one with a class's year of marks given
// directly, to see thinning at work.
import type { Mark } from '@school-diary/core';
import { createMemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';

const parent = () => createMemoryClient({ latencyMs: 300 });

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
};

export const Russian = {
  render: () =>
    html`<diary-provider .client=${parent()}
      ><diary-timeline-chart child-id="chd_maria"></diary-timeline-chart
    ></diary-provider>`,
};

export const English = {
  render: () =>
    html`<diary-provider .client=${parent()} lang="en"
      ><diary-timeline-chart child-id="chd_maria"></diary-timeline-chart
    ></diary-provider>`,
};

export const Dark = {
  render: () =>
    html`<diary-provider .client=${parent()} theme="dark"
      ><diary-timeline-chart child-id="chd_maria"></diary-timeline-chart
    ></diary-provider>`,
};

export const ClassYear50000Marks = {
  render: () => html`<diary-timeline-chart .marks=${classYear(50_000)}></diary-timeline-chart>`,
};

export const SignedOut = {
  render: () =>
    html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}
      ><diary-timeline-chart child-id="chd_maria"></diary-timeline-chart
    ></diary-provider>`,
};
