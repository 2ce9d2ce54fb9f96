// Helpers for stories (Storybook only, never published): memory clients for each state a widget
// must show, and the story parameters for phone width and the dark background.
import {
  createMemoryClient,
  demoFixtures,
  type MemoryClient,
  type MemoryClientOptions,
  type MemoryFixtures,
} from '@school-diary/sdk/testing';

/** A latency no story outlives (setTimeout's ceiling): the widget stays in its loading state. */
export const FOREVER_MS = 2_147_483_647;

/** A memory client signed in as the demo parent; options as `createMemoryClient`'s. */
export const storyClient = (options: MemoryClientOptions = {}): MemoryClient =>
  createMemoryClient({ latencyMs: 150, ...options });

/** Every answer takes forever: loading states. */
export const loadingClient = (options: MemoryClientOptions = {}): MemoryClient =>
  createMemoryClient({ ...options, latencyMs: FOREVER_MS });

/** No one is signed in. */
export const signedOutClient = (options: MemoryClientOptions = {}): MemoryClient =>
  storyClient({ ...options, signedInAs: null });

/** Every listed operation answers 500 (`internal`): error states. */
export const failingClient = (
  operations: readonly string[],
  options: MemoryClientOptions = {},
): MemoryClient =>
  storyClient({
    ...options,
    failures: Object.fromEntries(
      operations.map((op) => [op, { status: 500, code: 'internal' } as const]),
    ),
  });

/** The demo parent with no marks, homework, lessons, messages, notifications or schools: empty states. */
export function emptyFixtures(): MemoryFixtures {
  const f = demoFixtures();
  for (const list of [
    f.marks,
    f.finalMarks,
    f.lessons,
    f.homework,
    f.attendance,
    f.threads,
    f.messages,
    f.notifications,
    f.schools,
    f.previousYearMarks,
  ])
    list.splice(0, list.length);
  return f;
}

const LONG_LAST = 'Римская-Корсакова-Преображенская';
const LONG_FIRST = 'Анастасия-Александра';
const LONG_MIDDLE = 'Константиновна';

/** Long names everywhere (children, teachers, subjects, schools): layouts must wrap, not overflow. */
export function longNameFixtures(): MemoryFixtures {
  const f = demoFixtures();
  f.children.forEach(
    (c, i) =>
      (f.children[i] = {
        ...c,
        lastName: LONG_LAST,
        firstName: LONG_FIRST,
        middleName: LONG_MIDDLE,
      }),
  );
  f.users.forEach(
    (u, i) =>
      (f.users[i] = { ...u, lastName: LONG_LAST, firstName: LONG_FIRST, middleName: LONG_MIDDLE }),
  );
  const subject = (name: string) => `${name} и основы проектно-исследовательской деятельности`;
  f.marks.forEach(
    (m, i) =>
      (f.marks[i] = {
        ...m,
        subjectName: subject(m.subjectName),
        teacherName: `${LONG_LAST} А. К.`,
      }),
  );
  f.lessons.forEach(
    (l, i) =>
      (f.lessons[i] = {
        ...l,
        subjectName: subject(l.subjectName),
        teacherName: `${LONG_LAST} А. К.`,
      }),
  );
  f.threads.forEach(
    (t, i) =>
      (f.threads[i] = {
        ...t,
        teacherName: `${LONG_LAST} ${LONG_FIRST} ${LONG_MIDDLE}`,
        title: subject(t.title),
      }),
  );
  f.schools.forEach(
    (s, i) =>
      (f.schools[i] = {
        ...s,
        name: `Государственное бюджетное общеобразовательное учреждение города Москвы «${s.shortName} имени Героя Советского Союза»`,
      }),
  );
  return f;
}

const VALUES = [5, 4, 3, 2, 4, 5] as const;

/** Many marks: ten times the demo marks (each copy on the same days), for dense tables and charts. */
export function manyMarksFixtures(copies = 10): MemoryFixtures {
  const f = demoFixtures();
  const original = [...f.marks];
  for (let copy = 1; copy < copies; copy += 1)
    f.marks.push(
      ...original.map((m, i) => ({
        ...m,
        id: `${m.id}_x${copy}`,
        value: VALUES[(i + copy) % VALUES.length] ?? 4,
      })),
    );
  return f;
}

/** Story parameters: a 360 px phone screen. */
export const phoneWidth = { globals: { viewport: { value: 'phone', isRotated: false } } } as const;

/** Story parameters: the dark background that suits `theme="dark"`. */
export const darkBackground = { globals: { backgrounds: { value: 'dark' } } } as const;
