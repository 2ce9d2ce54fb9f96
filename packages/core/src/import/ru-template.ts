import type { ErrorCode } from '../messages/error-codes.js';
import type { Lang } from '../messages/lang.js';
import { validate } from '../messages/field-errors.js';
import { errorMessage, type MessageParams } from '../messages/messages.js';
import {
  birthDateSchema,
  firstNameSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
} from '../schemas/identifiers.js';
import { schoolYearSchema } from '../schemas/common.js';
import { escapeFormula } from '../csv/csv.js';

/**
 * The columns of the diary's roster template, as headed in the file (Russian): one pupil a line.
 *
 * @example
 * ROSTER_TEMPLATE_COLUMNS.birthDate; // 'Дата рождения'
 */
export const ROSTER_TEMPLATE_COLUMNS = {
  externalId: 'Идентификатор',
  fullName: 'ФИО',
  lastName: 'Фамилия',
  firstName: 'Имя',
  middleName: 'Отчество',
  birthDate: 'Дата рождения',
  className: 'Класс',
  schoolYear: 'Учебный год',
  listNumber: 'Номер в списке',
  rosterId: 'Код для родителей',
} as const;

/** A column of the roster template. */
export type RosterTemplateColumn = keyof typeof ROSTER_TEMPLATE_COLUMNS;

/** Other headers schools' systems use for the same columns. */
const ALIASES: Readonly<Record<string, RosterTemplateColumn>> = {
  'внешний id': 'externalId',
  'внешний идентификатор': 'externalId',
  id: 'externalId',
  'фамилия имя отчество': 'fullName',
  'номер по списку': 'listNumber',
  '№ в списке': 'listNumber',
  '№ по списку': 'listNumber',
  '№': 'listNumber',
};

/**
 * The headers an export of the roster writes, in order: the template itself.
 *
 * @example
 * toCsv([[...ROSTER_TEMPLATE_HEADER], ...rows]);
 */
export const ROSTER_TEMPLATE_HEADER: readonly string[] = [
  ROSTER_TEMPLATE_COLUMNS.externalId,
  ROSTER_TEMPLATE_COLUMNS.fullName,
  ROSTER_TEMPLATE_COLUMNS.birthDate,
  ROSTER_TEMPLATE_COLUMNS.className,
  ROSTER_TEMPLATE_COLUMNS.schoolYear,
  ROSTER_TEMPLATE_COLUMNS.listNumber,
  ROSTER_TEMPLATE_COLUMNS.rosterId,
];

/**
 * Text of a header cell as matched: trimmed, lower case, `ё` as `е`, inner spaces single.
 *
 * @example
 * headerKey('  Дата  рождения '); // 'дата рождения'
 */
export function headerKey(cell: string): string {
  return cell.trim().toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ');
}

const BY_HEADER = new Map<string, RosterTemplateColumn>([
  ...Object.entries(ROSTER_TEMPLATE_COLUMNS).map(
    ([k, v]) => [headerKey(v), k as RosterTemplateColumn] as const,
  ),
  ...Object.entries(ALIASES),
]);

/** Each known column of a template file: its index and its header as the file spells it. */
export type RosterTemplateLayout = ReadonlyMap<
  RosterTemplateColumn,
  { readonly index: number; readonly title: string }
>;

/**
 * The known columns of a template's header line (the first of each, unknown ones ignored).
 *
 * @example
 * rosterTemplateLayout(['ФИО', 'Класс']).get('className'); // { index: 1, title: 'Класс' }
 */
export function rosterTemplateLayout(header: readonly string[]): RosterTemplateLayout {
  const columns = new Map<RosterTemplateColumn, { index: number; title: string }>();
  header.forEach((cell, index) => {
    const column = BY_HEADER.get(headerKey(cell));
    if (column && !columns.has(column)) columns.set(column, { index, title: cell.trim() });
  });
  return columns;
}

/**
 * Whether a header line is the roster template's (it names a class and a birth date).
 *
 * @example
 * isRosterTemplateHeader(['ФИО', 'Дата рождения', 'Класс']); // true
 */
export function isRosterTemplateHeader(row: readonly string[]): boolean {
  const layout = rosterTemplateLayout(row);
  return layout.has('className') && layout.has('birthDate');
}

/**
 * The headers of the columns a template file must have and lacks: a name (`ФИО`, or `Фамилия`
 * and `Имя`), `Дата рождения` and `Класс`.
 *
 * @example
 * missingRosterTemplateColumns(rosterTemplateLayout(['ФИО', 'Класс'])); // ['Дата рождения']
 */
export function missingRosterTemplateColumns(layout: RosterTemplateLayout): string[] {
  const missing: RosterTemplateColumn[] = [];
  if (!layout.has('fullName') && !(layout.has('lastName') && layout.has('firstName')))
    missing.push('fullName');
  for (const column of ['birthDate', 'className'] as const)
    if (!layout.has(column)) missing.push(column);
  return missing.map((column) => ROSTER_TEMPLATE_COLUMNS[column]);
}

/** A pupil as one line of the template gives it, every field checked and normalised. */
export interface RosterTemplatePupil {
  readonly externalId: string | undefined;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName: string | undefined;
  /** ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** Upper case without spaces: `5 а` → `5А`. */
  readonly className: string;
  /** The class's school year when the file says it; otherwise the latest year with that class. */
  readonly schoolYear: string | undefined;
  readonly listNumber: number | undefined;
  /** The columns as the file heads them, for an error about them later. */
  readonly columns: {
    readonly externalId: string;
    readonly name: string;
    readonly className: string;
    readonly listNumber: string;
  };
}

/** A mistake in one cell of a line: the column as headed in the file, a code and its message. */
export interface RosterTemplateCellError {
  readonly column: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/** What one line of the template gives: the pupil, or every mistake in its cells. */
export type RosterTemplateLine =
  | { readonly ok: true; readonly pupil: RosterTemplatePupil }
  | { readonly ok: false; readonly errors: readonly RosterTemplateCellError[] };

/** `Иванова Мария Петровна` → last, first and the rest as the patronymic (`Гусейн оглы`). */
function splitFullName(value: string): [string, string, string] {
  const [last = '', first = '', ...rest] = value.trim().split(/\s+/);
  return [last, first, rest.join(' ')];
}

/** A list number 1–99, `undefined` when blank, `null` when it is not one. */
function readListNumber(value: string): number | undefined | null {
  if (value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
}

/** Options of {@link readRosterTemplateLine}. */
export interface RosterTemplateLineOptions {
  readonly lang: Lang;
  /** Today (`YYYY-MM-DD`), for the birth date's plausible age. */
  readonly today: string;
}

/**
 * Reads one line of the roster template with the column rules of the diary: names, birth date
 * (`ДД.ММ.ГГГГ` or ISO, a school age), class (`5 а` → `5А`, at most 10 characters), school year,
 * list number 1–99 and an external id of at most 64 characters — each mistake worded in `lang`
 * for the column as the file heads it.
 *
 * @example
 * const layout = rosterTemplateLayout(['ФИО', 'Дата рождения', 'Класс']);
 * readRosterTemplateLine(['Иванова Мария', '01.09.2015', '5 а'], layout, { lang: 'ru', today: '2026-11-24' });
 * // { ok: true, pupil: { lastName: 'Иванова', firstName: 'Мария', className: '5А', … } }
 */
export function readRosterTemplateLine(
  cells: readonly string[],
  layout: RosterTemplateLayout,
  options: RosterTemplateLineOptions,
): RosterTemplateLine {
  const { lang } = options;
  const errors: RosterTemplateCellError[] = [];
  const cell = (c: RosterTemplateColumn) => {
    const col = layout.get(c);
    return col ? (cells[col.index] ?? '').trim() : '';
  };
  const title = (c: RosterTemplateColumn) => layout.get(c)?.title ?? ROSTER_TEMPLATE_COLUMNS[c];
  const fail = (column: RosterTemplateColumn, code: ErrorCode, params?: MessageParams) =>
    errors.push({
      column: title(column),
      code,
      message: errorMessage(code, { lang, ...(params ? { params } : {}) }),
    });
  const check = <T>(
    column: RosterTemplateColumn,
    schema: Parameters<typeof validate>[0],
    input: string,
  ) => {
    const result = validate(schema, input, lang);
    if (result.ok) return result.value as T;
    const [error] = result.errors;
    errors.push({
      column: title(column),
      code: error?.code ?? 'format',
      message: error?.message ?? '',
    });
    return undefined;
  };
  const fullName = layout.has('fullName');
  const [last, first, middle] = fullName
    ? splitFullName(cell('fullName'))
    : [cell('lastName'), cell('firstName'), cell('middleName')];
  const nameColumn = (c: 'lastName' | 'firstName' | 'middleName'): RosterTemplateColumn =>
    fullName ? 'fullName' : c;
  const lastName = check<string>(nameColumn('lastName'), lastNameSchema, last);
  const firstName = check<string>(nameColumn('firstName'), firstNameSchema, first);
  const middleName = check<string | undefined>(
    nameColumn('middleName'),
    optionalMiddleNameSchema,
    middle,
  );
  const birthDate = check<string>(
    'birthDate',
    birthDateSchema({ today: options.today }),
    cell('birthDate'),
  );
  const className = cell('className').toUpperCase().replace(/\s+/g, '');
  if (className === '') fail('className', 'required');
  else if (className.length > 10) fail('className', 'too_long', { maximum: 10 });
  const year = cell('schoolYear');
  const schoolYear = year === '' ? undefined : check<string>('schoolYear', schoolYearSchema, year);
  const listNumber = readListNumber(cell('listNumber'));
  if (listNumber === null) fail('listNumber', 'format', { minimum: 1, maximum: 99 });
  const externalId = cell('externalId');
  if (externalId.length > 64) fail('externalId', 'too_long', { maximum: 64 });
  if (errors.length > 0 || lastName === undefined || firstName === undefined || !birthDate)
    return { ok: false, errors };
  return {
    ok: true,
    pupil: {
      externalId: externalId || undefined,
      lastName,
      firstName,
      middleName,
      birthDate,
      className,
      schoolYear,
      listNumber: listNumber ?? undefined,
      columns: {
        externalId: title('externalId'),
        name: title(nameColumn('lastName')),
        className: title('className'),
        listNumber: title('listNumber'),
      },
    },
  };
}

/** A pupil on the roster as an export of the template writes them. */
export interface RosterTemplateEntry {
  readonly externalId?: string | null | undefined;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string | null | undefined;
  readonly birthDate: string;
  readonly className: string;
  readonly schoolYear: string;
  readonly listNumber?: number | null | undefined;
  readonly rosterId: string;
}

/**
 * One line of the template for a pupil, in the order of {@link ROSTER_TEMPLATE_HEADER}: the date
 * as `ДД.ММ.ГГГГ`, and text a spreadsheet would run as a formula made harmless.
 *
 * @example
 * rosterTemplateRow({ lastName: 'Иванова', firstName: 'Мария', birthDate: '2015-04-12', className: '5А', schoolYear: '2026/2027', rosterId: 'R042-…' });
 * // ['', 'Иванова Мария', '12.04.2015', '5А', '2026/2027', '', 'R042-…']
 */
export function rosterTemplateRow(entry: RosterTemplateEntry): string[] {
  const name = [entry.lastName, entry.firstName, entry.middleName].filter(Boolean).join(' ');
  return [
    escapeFormula(entry.externalId ?? ''),
    escapeFormula(name),
    entry.birthDate.split('-').reverse().join('.'),
    entry.className,
    entry.schoolYear,
    entry.listNumber === null || entry.listNumber === undefined ? '' : String(entry.listNumber),
    entry.rosterId,
  ];
}
