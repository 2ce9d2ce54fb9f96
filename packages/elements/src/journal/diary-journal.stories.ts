// Stories of <diary-journal> over the SDK's in-memory client signed in as the demo maths teacher:
// 5 А's maths journal (classJournalFixtures), a cell typed in, a conflict, a change from another
// tab, the lesson panel with its homework and their files, entries waiting offline, the admin's
// read-only view and the empty, signed-out, loading and error states. The controls set the
// widget's attributes; the toolbar sets the language and theme.
import { classJournalFixtures, type MemoryClient } from '@school-diary/sdk/testing';
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

const TEACHER = 'usr_teacher_math';
const C5A = 'cls_42_5a';
const MATHS = 'sub_42_math';

export default {
  title: 'Widgets/diary-journal',
  component: 'diary-journal',
  ...widgetMeta(
    'diary-journal',
    "The teacher's class journal: marks and absences by keyboard, saved as typed, conflicts shown.",
    { 'class-id': C5A, 'subject-id': MATHS },
  ),
};

const journalClient = (options: Parameters<typeof storyClient>[0] = {}): MemoryClient =>
  storyClient({
    fixtures: classJournalFixtures({ pupils: 12, lessons: 20 }),
    signedInAs: TEACHER,
    ...options,
  });

type Play = { canvasElement: HTMLElement; loaded: { client: MemoryClient } };

/** The journal's shadow root once its grid is there. */
async function loadedGrid(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = await shadowOf(canvasElement, 'diary-journal');
  await waitFor(
    () => {
      if (!root.querySelector('table')) throw new Error('the journal has not loaded yet');
    },
    { timeout: 10_000 },
  );
  return root;
}

const cellAt = (root: ShadowRoot, row: number, col: number) =>
  root.querySelector<HTMLElement>(`tr[data-r="${row}"] [data-c="${col}"]`);

/** Types a text into a cell as the keyboard would: a key on the cell opens its text box. */
async function typeInto(root: ShadowRoot, row: number, col: number, text: string) {
  const cell = cellAt(root, row, col);
  cell?.focus();
  cell?.dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true, composed: true }));
  const input = await waitFor(() => {
    const found = root.querySelector<HTMLInputElement>('input.entry');
    if (!found) throw new Error('no text box yet');
    return found;
  });
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return input;
}

const press = (target: HTMLElement, key: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));

/** The teacher's journal of 5 А, mathematics, the current term. */
export const Journal = {
  parameters: { diary: { client: () => journalClient() } },
};

/** A text that is no mark, kept in its cell with the error. */
export const BadEntry = {
  parameters: { diary: { client: () => journalClient() } },
  play: async ({ canvasElement }: Play) => {
    const root = await loadedGrid(canvasElement);
    const input = await typeInto(root, 1, 2, '7');
    press(input, 'Enter');
  },
};

/** Another tab of the teacher set a mark: the grid shows it and says so. */
export const ChangedElsewhere = {
  parameters: { diary: { client: () => journalClient() } },
  play: async ({ canvasElement, loaded: { client } }: Play) => {
    await loadedGrid(canvasElement);
    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const lesson = journal.lessons[1];
    const pupil = journal.students[0];
    if (!lesson || !pupil) return;
    const seen =
      journal.cells.find((c) => c.childId === pupil.id && c.lessonId === lesson.id)?.version ??
      null;
    await client.journal.save({
      classId: C5A,
      batchId: 'bat_story_other_tab',
      subjectId: MATHS,
      lessonId: lesson.id,
      rows: [{ childId: pupil.id, marks: [4, 5], absence: null, seen }],
    });
  },
};

/** A cell changed another way before the teacher's save: shown as a conflict, not overwritten. */
export const Conflict = {
  parameters: { diary: { client: () => journalClient() } },
  play: async ({ canvasElement, loaded: { client } }: Play) => {
    const root = await loadedGrid(canvasElement);
    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const lesson = journal.lessons[0];
    const pupil = journal.students[0];
    if (!lesson || !pupil) return;
    client.memory.addMark({
      childId: pupil.id,
      subjectId: MATHS,
      value: 3,
      kind: lesson.kind,
      date: lesson.date,
      lessonId: lesson.id,
    });
    const input = await typeInto(root, 0, 0, '5');
    press(input, 'Enter');
  },
};

/** A lesson's panel: topic, homework (text, due date, files), weight and kind of its marks. */
export const LessonPanel = {
  parameters: { diary: { client: () => journalClient() } },
  play: async ({ canvasElement }: Play) => {
    const root = await loadedGrid(canvasElement);
    root.querySelector<HTMLElement>('th.lesson')?.click();
  },
};

/** Homework already set with two files, each with «Убрать», and a picker that adds more. */
export const HomeworkFiles = {
  parameters: { diary: { client: () => journalClient() } },
  play: async ({ canvasElement, loaded: { client } }: Play) => {
    const journal = await client.journal.get({ classId: C5A, subjectId: MATHS });
    const lesson = journal.lessons[0];
    if (!lesson) return;
    const upload = (name: string) =>
      client.attachments.upload({
        file: new File(['%PDF-1.7'], name, { type: 'application/pdf' }),
        fileName: name,
      });
    const files = [await upload('Условия.pdf'), await upload('Образец решения.pdf')];
    await client.homework.create({
      lessonId: lesson.id,
      classId: C5A,
      subjectId: MATHS,
      text: '№ 512, 515; условия и образец — в файлах',
      assignedDate: lesson.date,
      dueDate: journal.lessons[1]?.date ?? lesson.date,
      attachmentIds: files.map((f) => f.id),
    });
    const root = await loadedGrid(canvasElement);
    root.querySelector<HTMLElement>('th.lesson')?.click();
  },
};

/** Offline: typed marks wait in the outbox, pending and counted as unsaved (after a reload too). */
export const Unsaved = {
  parameters: {
    diary: { client: () => journalClient({ failures: { 'journal.save': 'network' } }) },
  },
  play: async ({ canvasElement }: Play) => {
    const root = await loadedGrid(canvasElement);
    press(await typeInto(root, 0, 0, '4'), 'Enter');
  },
};

/** The school's admin reads the journal; nothing can be typed. */
export const ReadOnly = {
  parameters: { diary: { client: () => journalClient({ signedInAs: 'usr_admin_42' }) } },
};

/** A range without the subject's lessons. */
export const NoLessons = {
  args: { from: '2026-07-01', to: '2026-07-31' },
  parameters: { diary: { client: () => journalClient() } },
};

export const English = { ...english, parameters: { diary: { client: () => journalClient() } } };

export const Dark = { ...darkTheme, parameters: { diary: { client: () => journalClient() } } };

export const Phone = { ...phoneWidth, parameters: { diary: { client: () => journalClient() } } };

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const Loading = {
  parameters: { diary: { client: () => loadingClient({ signedInAs: TEACHER }) } },
};

export const ServerError = {
  parameters: {
    diary: { client: () => failingClient(['journal.get'], { signedInAs: TEACHER }) },
  },
};
