import { escapeFormula } from '../csv/csv.js';
import { parseRuDate } from '../identifiers/birth-date.js';
import { normalizeRuPhone } from '../identifiers/phone.js';
import type { ErrorCode } from '../messages/error-codes.js';
import type { Lang } from '../messages/lang.js';
import { errorMessage, type MessageParams } from '../messages/messages.js';
import type { WeekParity } from '../calendar/timetable-week.js';
import { headerKey } from './ru-template.js';

/**
 * The columns of the diary's timetable template, as headed in the file (Russian): one lesson of
 * a class's repeating week a line.
 *
 * @example
 * TIMETABLE_TEMPLATE_COLUMNS.week; // 'Неделя'
 */
export const TIMETABLE_TEMPLATE_COLUMNS = {
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

/** A column of the timetable template. */
export type TimetableTemplateColumn = keyof typeof TIMETABLE_TEMPLATE_COLUMNS;

/** Other headers timetable programs use for the same columns. */
const ALIASES: Readonly<Record<string, TimetableTemplateColumn>> = {
  день: 'weekday',
  'номер урока': 'number',
  '№ урока': 'number',
  преподаватель: 'teacher',
  'фио учителя': 'teacher',
  'каб.': 'room',
  аудитория: 'room',
  'четность недели': 'week',
  'числитель/знаменатель': 'week',
  'действует со': 'from',
  'дата начала': 'from',
  'дата окончания': 'to',
};

/**
 * The headers an export of the timetable writes, in order: the template without its period
 * columns.
 *
 * @example
 * toCsv([[...TIMETABLE_TEMPLATE_HEADER], ...lines], { delimiter: ';' });
 */
export const TIMETABLE_TEMPLATE_HEADER: readonly string[] = [
  TIMETABLE_TEMPLATE_COLUMNS.className,
  TIMETABLE_TEMPLATE_COLUMNS.weekday,
  TIMETABLE_TEMPLATE_COLUMNS.number,
  TIMETABLE_TEMPLATE_COLUMNS.subject,
  TIMETABLE_TEMPLATE_COLUMNS.teacher,
  TIMETABLE_TEMPLATE_COLUMNS.room,
  TIMETABLE_TEMPLATE_COLUMNS.week,
];

/**
 * Weekdays as the template writes them, Monday first.
 *
 * @example
 * TIMETABLE_WEEKDAYS[0]; // 'Пн'
 */
export const TIMETABLE_WEEKDAYS = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб'] as const;

const WEEKDAY_NAMES = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

/** How the template writes a week, and the other ways timetable programs write it. */
const WEEK_WORDS: Readonly<Record<WeekParity, readonly string[]>> = {
  odd: ['нечетная', 'нечет', 'неч', 'числитель', 'чис', 'первая', '1-я', '1', 'i', 'odd'],
  even: ['четная', 'чет', 'знаменатель', 'знам', 'вторая', '2-я', '2', 'ii', 'even'],
};
const EVERY_WEEK = ['', 'каждая', 'все', 'любая', 'еженедельно'];

/** The word the template writes for a week: `нечётная`, `чётная`, or nothing for every week. */
const WEEK_CELL: Readonly<Record<WeekParity, string>> = { odd: 'нечётная', even: 'чётная' };

const BY_HEADER = new Map<string, TimetableTemplateColumn>([
  ...Object.entries(TIMETABLE_TEMPLATE_COLUMNS).map(
    ([k, v]) => [headerKey(v), k as TimetableTemplateColumn] as const,
  ),
  ...Object.entries(ALIASES),
]);

/** The longest subject, teacher and room a cell may hold (a room as the repeating week allows). */
const LIMITS = { subject: 120, teacher: 120, room: 20 } as const;

const REQUIRED = ['className', 'weekday', 'number', 'subject', 'teacher', 'room'] as const;

/** Each known column of a timetable file: its index and its header as the file spells it. */
export type TimetableTemplateLayout = ReadonlyMap<
  TimetableTemplateColumn,
  { readonly index: number; readonly title: string }
>;

/**
 * The known columns of a timetable's header line (the first of each, unknown ones ignored).
 *
 * @example
 * timetableTemplateLayout(['Класс', 'День']).get('weekday'); // { index: 1, title: 'День' }
 */
export function timetableTemplateLayout(header: readonly string[]): TimetableTemplateLayout {
  const columns = new Map<TimetableTemplateColumn, { index: number; title: string }>();
  header.forEach((cell, index) => {
    const column = BY_HEADER.get(headerKey(cell));
    if (column && !columns.has(column)) columns.set(column, { index, title: cell.trim() });
  });
  return columns;
}

/**
 * Whether a header line is the timetable template's (it names a class, a weekday, a lesson number
 * and a subject).
 *
 * @example
 * isTimetableTemplateHeader(['класс', 'день', '№ урока', 'Предмет']); // true
 */
export function isTimetableTemplateHeader(row: readonly string[]): boolean {
  const layout = timetableTemplateLayout(row);
  return (['className', 'weekday', 'number', 'subject'] as const).every((c) => layout.has(c));
}

/**
 * The headers of the columns a timetable file must have and lacks.
 *
 * @example
 * missingTimetableTemplateColumns(timetableTemplateLayout(['Класс', 'День недели', 'Урок', 'Предмет']));
 * // ['Учитель', 'Кабинет']
 */
export function missingTimetableTemplateColumns(layout: TimetableTemplateLayout): string[] {
  return REQUIRED.filter((c) => !layout.has(c)).map((c) => TIMETABLE_TEMPLATE_COLUMNS[c]);
}

/** A lesson as one line of the timetable template gives it, every cell checked. */
export interface TimetableTemplateLesson {
  /** Upper case without spaces: `5 а` → `5А`. */
  readonly className: string;
  /** 1 (Monday) to 6 (Saturday). */
  readonly weekday: number;
  readonly number: number;
  readonly subject: string;
  /** The teacher's full name, surname with initials, or phone, as typed. */
  readonly teacher: string;
  readonly room: string;
  /** The week of an alternating timetable the lesson is on; `undefined` for every week. */
  readonly week: WeekParity | undefined;
  /** Whether the line's «Действует с/по» period includes today (a line without one always does). */
  readonly inForce: boolean;
  /** The columns as the file heads them, for an error about them later. */
  readonly columns: Readonly<
    Record<'className' | 'number' | 'subject' | 'teacher' | 'week', string>
  >;
}

/** A mistake in one cell of a line: the column as headed in the file, a code and its message. */
export interface TimetableTemplateCellError {
  readonly column: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/** What one line of the timetable template gives: the lesson, or every mistake in its cells. */
export type TimetableTemplateLine =
  | { readonly ok: true; readonly lesson: TimetableTemplateLesson }
  | { readonly ok: false; readonly errors: readonly TimetableTemplateCellError[] };

/** Options of {@link readTimetableTemplateLine}. */
export interface TimetableTemplateLineOptions {
  readonly lang: Lang;
  /** Today (`YYYY-MM-DD`), to tell whether a line's period is in force. */
  readonly today: string;
}

/**
 * `Пн`, `пн.`, `Понедельник`, `понед.`, `1` → 1; anything else → undefined.
 *
 * @example
 * timetableWeekday('вт.'); // 2
 */
export function timetableWeekday(value: string): number | undefined {
  const key = headerKey(value).replace(/\.$/, '');
  const at = WEEKDAY_NAMES.findIndex(
    (name, n) =>
      key === TIMETABLE_WEEKDAYS[n]?.toLowerCase() || (key.length >= 3 && name.startsWith(key)),
  );
  if (at !== -1) return at + 1;
  const n = Number(key);
  return Number.isInteger(n) && n >= 1 && n <= 6 && key !== '' ? n : undefined;
}

/**
 * A «Неделя» cell: `нечётная`, `числитель`, `1`, `I` → `'odd'`; `чётная`, `знаменатель`, `2`,
 * `II` → `'even'`; empty, `каждая` or `все` → `'every'`; anything else → `undefined`.
 *
 * @example
 * timetableWeek('Чётная'); // 'even'
 * timetableWeek(''); // 'every'
 */
export function timetableWeek(value: string): WeekParity | 'every' | undefined {
  const key = headerKey(value)
    .replace(/\.$/, '')
    .replace(/\s*неделя$/, '');
  if (EVERY_WEEK.includes(key)) return 'every';
  if (WEEK_WORDS.odd.includes(key)) return 'odd';
  if (WEEK_WORDS.even.includes(key)) return 'even';
  return undefined;
}

/**
 * Reads one line of the timetable template: class (`5 а` → `5А`, at most 10 characters), weekday,
 * lesson number 0–12, subject, teacher and room, the week of an alternating timetable, and the
 * «Действует с/по» period — each mistake worded in `lang` for the column as the file heads it.
 * Whether the class, subject and teacher exist is for the caller to check against the school.
 *
 * @example
 * const layout = timetableTemplateLayout(['Класс', 'День недели', 'Урок', 'Предмет', 'Учитель', 'Кабинет', 'Неделя']);
 * readTimetableTemplateLine(['5А', 'Пн', '1', 'Физика', 'Орлов С.Н.', '21', 'чётная'], layout, { lang: 'ru', today: '2026-11-24' });
 * // { ok: true, lesson: { className: '5А', weekday: 1, number: 1, week: 'even', inForce: true, … } }
 */
export function readTimetableTemplateLine(
  cells: readonly string[],
  layout: TimetableTemplateLayout,
  options: TimetableTemplateLineOptions,
): TimetableTemplateLine {
  const errors: TimetableTemplateCellError[] = [];
  const cell = (c: TimetableTemplateColumn) => {
    const col = layout.get(c);
    return col ? (cells[col.index] ?? '').trim() : '';
  };
  const title = (c: TimetableTemplateColumn) =>
    layout.get(c)?.title ?? TIMETABLE_TEMPLATE_COLUMNS[c];
  const fail = (
    column: TimetableTemplateColumn,
    code: ErrorCode,
    more: { field?: string; params?: MessageParams } = {},
  ) =>
    errors.push({
      column: title(column),
      code,
      message: errorMessage(code, { lang: options.lang, ...more }),
    });
  const className = cell('className').toUpperCase().replace(/\s+/g, '');
  if (className === '') fail('className', 'required');
  else if (className.length > 10) fail('className', 'too_long', { params: { maximum: 10 } });
  const weekday = timetableWeekday(cell('weekday'));
  if (weekday === undefined) fail('weekday', 'invalid_option', { field: 'weekday' });
  const number = Number(cell('number'));
  const numberOk = cell('number') !== '' && Number.isInteger(number) && number >= 0;
  if (!numberOk || number > 12) fail('number', 'format', { field: 'lessonNumber' });
  for (const c of ['subject', 'teacher', 'room'] as const) {
    const value = cell(c);
    if (value === '') fail(c, 'required');
    else if (value.length > LIMITS[c]) fail(c, 'too_long', { params: { maximum: LIMITS[c] } });
  }
  const week = timetableWeek(cell('week'));
  if (week === undefined) fail('week', 'invalid_option', { field: 'weekParity' });
  const [from, to] = (['from', 'to'] as const).map((c) => {
    if (cell(c) === '') return undefined;
    const date = parseRuDate(cell(c));
    if (date === null) fail(c, 'impossible_date');
    return date ?? undefined;
  });
  if (from && to && from > to) fail('to', 'date_order');
  if (errors.length > 0 || weekday === undefined || week === undefined)
    return { ok: false, errors };
  return {
    ok: true,
    lesson: {
      className,
      weekday,
      number,
      subject: cell('subject'),
      teacher: cell('teacher'),
      room: cell('room'),
      week: week === 'every' ? undefined : week,
      inForce: !((from && from > options.today) || (to && to < options.today)),
      columns: {
        className: title('className'),
        number: title('number'),
        subject: title('subject'),
        teacher: title('teacher'),
        week: title('week'),
      },
    },
  };
}

/** A lesson of a class's repeating week as an export of the timetable template writes it. */
export interface TimetableTemplateEntry {
  readonly className: string;
  readonly weekday: number;
  readonly number: number;
  readonly subject: string;
  /** The teacher's full name. */
  readonly teacher: string;
  readonly room: string;
  readonly week?: WeekParity | undefined;
}

/**
 * One line of the template for a lesson, in the order of {@link TIMETABLE_TEMPLATE_HEADER}: the
 * weekday as `Пн`…`Сб`, the week as `нечётная` / `чётная` (empty for every week), and text a
 * spreadsheet would run as a formula made harmless.
 *
 * @example
 * timetableTemplateRow({ className: '8Б', weekday: 2, number: 1, subject: 'Физика', teacher: 'Зайцев Павел Олегович', room: '31', week: 'even' });
 * // ['8Б', 'Вт', '1', 'Физика', 'Зайцев Павел Олегович', '31', 'чётная']
 */
export function timetableTemplateRow(entry: TimetableTemplateEntry): string[] {
  return [
    entry.className,
    TIMETABLE_WEEKDAYS[entry.weekday - 1] ?? String(entry.weekday),
    String(entry.number),
    escapeFormula(entry.subject),
    escapeFormula(entry.teacher),
    escapeFormula(entry.room),
    entry.week ? WEEK_CELL[entry.week] : '',
  ];
}

/**
 * How an import's preview names a lesson of the timetable: class, weekday, number, and its week
 * when it is on odd or even weeks only.
 *
 * @example
 * timetableLessonKey({ className: '8Б', weekday: 6, number: 1, week: 'odd' }); // '8Б Сб 1 (нечётная)'
 */
export function timetableLessonKey(lesson: {
  readonly className: string;
  readonly weekday: number;
  readonly number: number;
  readonly week?: WeekParity | undefined;
}): string {
  const week = lesson.week ? ` (${WEEK_CELL[lesson.week]})` : '';
  return `${lesson.className} ${TIMETABLE_WEEKDAYS[lesson.weekday - 1] ?? lesson.weekday} ${lesson.number}${week}`;
}

/** A staff member as the timetable template may name them. */
export interface TimetableTeacher {
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string | null | undefined;
  readonly phone?: string | null | undefined;
}

const nameKey = (...parts: (string | null | undefined)[]) =>
  headerKey(parts.filter(Boolean).join(' ')).replace(/\.\s*/g, '.');

/**
 * The ways the template's «Учитель» may name a staff member: their full name, surname with
 * initials (`Орлов С.Н.`) and phone, each as {@link timetableTeacherKey} reduces a cell.
 *
 * @example
 * timetableTeacherKeys({ lastName: 'Орлов', firstName: 'Сергей', middleName: 'Николаевич', phone: '+79990000011' });
 * // ['орлов сергей николаевич', 'орлов с.н.', '+79990000011']
 */
export function timetableTeacherKeys(teacher: TimetableTeacher): string[] {
  const initials = `${teacher.firstName[0] ?? ''}.${teacher.middleName ? `${teacher.middleName[0]}.` : ''}`;
  return [
    nameKey(teacher.lastName, teacher.firstName, teacher.middleName),
    nameKey(`${teacher.lastName} ${initials}`),
    ...(teacher.phone ? [teacher.phone] : []),
  ];
}

/**
 * A «Учитель» cell reduced to the key {@link timetableTeacherKeys} gives its staff member: a
 * phone in the `+7XXXXXXXXXX` form, else the name in lower case with initials closed up.
 *
 * @example
 * timetableTeacherKey('Орлов С. Н.'); // 'орлов с.н.'
 * timetableTeacherKey('+7 999 000-00-13'); // '+79990000013'
 */
export function timetableTeacherKey(typed: string): string {
  const phone = /\d{10}/.test(typed.replace(/\D/g, '')) ? normalizeRuPhone(typed) : null;
  return phone ?? nameKey(typed);
}
