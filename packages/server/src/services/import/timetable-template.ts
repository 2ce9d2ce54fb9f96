import { headerKey, parseRuDate, type ImportError, type Lang } from '@school-diary/core';
import { cellError, type Origin, type Table } from './import-records';
import type { ImportWatch } from './import-watch';

/** The columns of the diary's timetable template, as headed in the file (Russian). */
export const TIMETABLE_COLUMNS = {
  className: 'Класс',
  weekday: 'День недели',
  number: 'Урок',
  subject: 'Предмет',
  teacher: 'Учитель',
  room: 'Кабинет',
  week: 'Неделя',
  from: 'Действует с',
  to: 'Действует по',
} as const;

type Column = keyof typeof TIMETABLE_COLUMNS;

/** Other headers timetable programs use for the same columns. */
const ALIASES: Readonly<Record<string, Column>> = {
  день: 'weekday',
  'номер урока': 'number',
  '№ урока': 'number',
  преподаватель: 'teacher',
  'фио учителя': 'teacher',
  'каб.': 'room',
  аудитория: 'room',
  'действует со': 'from',
  'дата начала': 'from',
  'дата окончания': 'to',
};

/** The headers the export writes, in order: the template without its optional columns. */
export const TIMETABLE_HEADER: readonly string[] = [
  TIMETABLE_COLUMNS.className,
  TIMETABLE_COLUMNS.weekday,
  TIMETABLE_COLUMNS.number,
  TIMETABLE_COLUMNS.subject,
  TIMETABLE_COLUMNS.teacher,
  TIMETABLE_COLUMNS.room,
];

/** Weekdays as the template writes them, Monday first. */
export const WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'] as const;

const WEEKDAY_NAMES = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

const BY_HEADER = new Map<string, Column>([
  ...Object.entries(TIMETABLE_COLUMNS).map(([k, v]) => [headerKey(v), k as Column] as const),
  ...Object.entries(ALIASES),
]);

/** The longest subject, teacher and room a cell may hold (a room as core's template allows). */
const LIMITS = { subject: 120, teacher: 120, room: 20 } as const;

const REQUIRED = ['className', 'weekday', 'number', 'subject', 'teacher', 'room'] as const;

/** A lesson of the file: a class's weekday and lesson number, as the file words them. */
export interface LessonRecord extends Origin {
  /** Upper case without spaces: `5А`. */
  readonly className: string;
  /** 1 (Monday) to 6 (Saturday). */
  readonly weekday: number;
  readonly number: number;
  readonly subject: string;
  /** The teacher's full name, surname with initials, or phone, as typed. */
  readonly teacher: string;
  readonly room: string;
  /** The columns as the file heads them, for an error about them. */
  readonly columns: Readonly<Record<'className' | 'number' | 'subject' | 'teacher', string>>;
}

/** What the timetable reader made of a file: its lessons and the mistakes it found. */
export interface TimetableRecords {
  rowsRead: number;
  readonly lessons: LessonRecord[];
  readonly errors: ImportError[];
}

/**
 * Whether a header line is the timetable template's (it names a class, a weekday, a lesson number
 * and a subject).
 */
export function isTimetableHeader(row: readonly string[]): boolean {
  const known = new Set(row.map((cell) => BY_HEADER.get(headerKey(cell))));
  return ['className', 'weekday', 'number', 'subject'].every((c) => known.has(c as Column));
}

/** `Пн`, `пн.`, `Понедельник`, `понед.`, `1` → 1; anything else → undefined. */
function weekdayOf(value: string): number | undefined {
  const key = headerKey(value).replace(/\.$/, '');
  const at = WEEKDAY_NAMES.findIndex(
    (name, n) => key === WEEKDAYS[n]?.toLowerCase() || (key.length >= 3 && name.startsWith(key)),
  );
  if (at !== -1) return at + 1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= 6 && key !== '' ? n : undefined;
}

/** Whether a «Неделя» cell means every week (the only week the diary's template has). */
const everyWeek = (value: string) => ['', 'каждая', 'все', 'любая'].includes(headerKey(value));

/**
 * Reads the timetable template (a header line, then one lesson per line: class, weekday, lesson
 * number, subject, teacher, room) as the file streams, checking each cell's shape; whether the
 * class, subject and teacher exist is for the plan. A line with «Действует с/по» whose period does
 * not include `today` is read and skipped: a file can hold each half-year's timetable. Blank lines
 * are skipped; unknown columns are ignored.
 */
export async function readTimetable(
  table: Table,
  lang: Lang,
  today: string,
  watch: ImportWatch,
): Promise<TimetableRecords> {
  const records: TimetableRecords = { rowsRead: 0, lessons: [], errors: [] };
  const lines = table.lines[Symbol.asyncIterator]();
  const first = await lines.next();
  const columns = new Map<Column, { index: number; title: string }>();
  (first.done ? [] : first.value.cells).forEach((cell, index) => {
    const column = BY_HEADER.get(headerKey(cell));
    if (column && !columns.has(column)) columns.set(column, { index, title: cell.trim() });
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  for (const column of missing) {
    const title = TIMETABLE_COLUMNS[column];
    records.errors.push(
      cellError(lang, { file: table.name, row: 0, column: title }, 'missing_column', {
        params: { column: title },
      }),
    );
  }
  if (missing.length > 0) {
    await lines.return?.();
    return records;
  }
  const read = lessonReader(records, columns, lang, today);
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c.trim() === '')) continue;
    records.rowsRead += 1;
    read({ file: table.name, row: line }, cells);
    watch.read(records.errors.length);
  }
  return records;
}

/** Reads one lesson's line into `records` (or its errors). */
function lessonReader(
  records: TimetableRecords,
  columns: Map<Column, { index: number; title: string }>,
  lang: Lang,
  today: string,
): (at: Origin, cells: readonly string[]) => void {
  const title = (c: Column) => columns.get(c)?.title ?? TIMETABLE_COLUMNS[c];
  return (at, cells) => {
    const cell = (c: Column) => {
      const col = columns.get(c);
      return col ? (cells[col.index] ?? '').trim() : '';
    };
    const before = records.errors.length;
    const fail = (
      column: Column,
      code: Parameters<typeof cellError>[2],
      options: Parameters<typeof cellError>[3] = {},
    ) => records.errors.push(cellError(lang, { ...at, column: title(column) }, code, options));
    const className = cell('className').toUpperCase().replace(/\s+/g, '');
    if (className === '') fail('className', 'required');
    else if (className.length > 10) fail('className', 'too_long', { params: { maximum: 10 } });
    const weekday = weekdayOf(cell('weekday'));
    if (weekday === undefined) fail('weekday', 'invalid_option', { field: 'weekday' });
    const number = Number(cell('number'));
    const numberOk = cell('number') !== '' && Number.isInteger(number) && number >= 0;
    if (!numberOk || number > 12) fail('number', 'format', { field: 'lessonNumber' });
    for (const c of ['subject', 'teacher', 'room'] as const) {
      const value = cell(c);
      if (value === '') fail(c, 'required');
      else if (value.length > LIMITS[c]) fail(c, 'too_long', { params: { maximum: LIMITS[c] } });
    }
    if (!everyWeek(cell('week'))) fail('week', 'invalid_option', { field: 'weekParity' });
    const [from, to] = (['from', 'to'] as const).map((c) => {
      if (cell(c) === '') return undefined;
      const date = parseRuDate(cell(c));
      if (date === null) fail(c, 'impossible_date');
      return date ?? undefined;
    });
    if (from && to && from > to) fail('to', 'date_order');
    if (records.errors.length > before || weekday === undefined) return;
    if ((from && from > today) || (to && to < today)) return;
    records.lessons.push({
      ...at,
      className,
      weekday,
      number,
      subject: cell('subject'),
      teacher: cell('teacher'),
      room: cell('room'),
      columns: {
        className: title('className'),
        number: title('number'),
        subject: title('subject'),
        teacher: title('teacher'),
      },
    });
  };
}
