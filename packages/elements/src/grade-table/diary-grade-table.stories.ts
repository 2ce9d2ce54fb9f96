// Stories of <diary-grade-table> over the SDK's in-memory client signed in as the demo parent:
// Мария's marks. The controls set the widget's attributes; the toolbar sets the language and
// theme. `client.memory.addMark(...)` in a story shows a live mark.
import { createMemoryClient, type MemoryClient } from '@school-diary/sdk/testing';
import { html } from 'lit';
import '../define';
import {
  darkTheme,
  emptyFixtures,
  english,
  failingClient,
  loadingClient,
  manyMarksFixtures,
  phoneWidth,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

export default {
  title: 'Widgets/diary-grade-table',
  component: 'diary-grade-table',
  ...widgetMeta(
    'diary-grade-table',
    "A child's marks by subject and period, with averages, the year's comparison and CSV export.",
    { 'child-id': 'chd_maria' },
  ),
};

export const Russian = {};

export const English = { ...english };

export const WholeYearWithThreshold = { args: { period: 'year', threshold: 4 } };

export const Dark = { ...darkTheme };

/** On a phone the marks come first, each subject a card, the filters folded. */
export const Phone = { ...phoneWidth };

export const ManyMarks = {
  args: { period: 'year' },
  parameters: { diary: { client: () => storyClient({ fixtures: manyMarksFixtures() }) } },
};

export const Loading = { parameters: { diary: { client: () => loadingClient() } } };

export const ServerError = {
  parameters: { diary: { client: () => failingClient(['grades.list']) } },
};

/** The start of the year: no marks yet. */
export const Empty = {
  parameters: { diary: { client: () => storyClient({ fixtures: emptyFixtures() }) } },
};

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-grade-table child-id="chd_maria"></diary-grade-table>`,
};

/** The mark the mark-detail stories pin: Мария's maths test of 20 November. */
const PINNED = 'mrk_story_pinned';

/**
 * Мария's maths test given 4 and corrected to 5 by her teacher, and the marks of `pupils` pupils
 * (her included) for the same lesson's work.
 */
function correctedMark(pupils: number, options: Parameters<typeof storyClient>[0] = {}) {
  const client: MemoryClient = storyClient(options);
  const work = {
    subjectId: 'sub_42_math',
    kind: 'test',
    lessonId: 'les_story_work',
    date: '2026-11-20',
    teacherId: 'usr_teacher_math',
    // Given on the day of the work: the correction comes later, on the memory server's "today".
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  } as const;
  client.memory.addMark({ ...work, id: PINNED, childId: 'chd_maria', value: 4 });
  const values = [5, 4, 4, 3, 5, 2, 4, 3] as const;
  for (let i = 1; i < pupils; i++)
    client.memory.addMark({ ...work, childId: `chd_story_${i}`, value: values[i % 8] ?? 4 });
  const teacher = createMemoryClient({ memory: client.memory, signedInAs: 'usr_teacher_math' });
  void teacher.grades.update({ markId: PINNED, value: 5 });
  return client;
}

/** Waits until the table shows the pinned mark, then clicks it (as a parent would). */
const pinMark = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector('diary-grade-table');
  const button = () => el?.shadowRoot?.querySelector<HTMLElement>(`button[data-id="${PINNED}"]`);
  for (let i = 0; i < 200 && !button(); i++)
    await new Promise((resolve) => requestAnimationFrame(resolve));
  button()?.click();
};

/** A pinned mark: its correction «4 → 5» with the date and the teacher, and how the class did. */
export const MarkDetail = {
  parameters: { diary: { client: () => correctedMark(12) } },
  play: pinMark,
};

/** Fewer than 5 pupils marked for the work: the class's marks are not shown, and the note says why. */
export const MarkDetailFewerThanFive = {
  parameters: { diary: { client: () => correctedMark(3) } },
  play: pinMark,
};

/** The detail is still being read: the tooltip shows the mark itself until it comes. */
export const MarkDetailLoading = {
  parameters: { diary: { client: () => correctedMark(12, { latencyMs: 4_000 }) } },
  play: pinMark,
};

/** The history and distribution fail to load: the tooltip shows the mark itself, no more. */
export const MarkDetailError = {
  parameters: {
    diary: {
      client: () =>
        correctedMark(12, {
          failures: {
            'grades.history': { status: 500, code: 'internal' },
            'grades.distribution': 'network',
          },
        }),
    },
  },
  play: pinMark,
};
