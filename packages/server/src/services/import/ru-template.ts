import {
  birthDateSchema,
  firstNameSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
  schoolYearSchema,
  validate,
  type Lang,
} from '@school-diary/core';
import {
  cellError,
  emptyRecords,
  headerKey,
  type ImportRecords,
  type Origin,
  type Table,
} from './import-records';
import type { ImportWatch } from './import-watch';

/** The columns of the diary's roster template, as headed in the file (Russian). */
export const TEMPLATE_COLUMNS = {
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

type Column = keyof typeof TEMPLATE_COLUMNS;

/** Other headers schools' systems use for the same columns. */
const ALIASES: Readonly<Record<string, Column>> = {
  'внешний id': 'externalId',
  'внешний идентификатор': 'externalId',
  id: 'externalId',
  'фамилия имя отчество': 'fullName',
  'номер по списку': 'listNumber',
  '№ в списке': 'listNumber',
  '№ по списку': 'listNumber',
  '№': 'listNumber',
};

/** The headers the export writes, in order: the template itself. */
export const TEMPLATE_HEADER: readonly string[] = [
  TEMPLATE_COLUMNS.externalId,
  TEMPLATE_COLUMNS.fullName,
  TEMPLATE_COLUMNS.birthDate,
  TEMPLATE_COLUMNS.className,
  TEMPLATE_COLUMNS.schoolYear,
  TEMPLATE_COLUMNS.listNumber,
  TEMPLATE_COLUMNS.rosterId,
];

const BY_HEADER = new Map<string, Column>([
  ...Object.entries(TEMPLATE_COLUMNS).map(([k, v]) => [headerKey(v), k as Column] as const),
  ...Object.entries(ALIASES),
]);

/** Whether a header line is the roster template's (it names a class and a birth date). */
export function isTemplateHeader(row: readonly string[]): boolean {
  const known = new Set(row.map((cell) => BY_HEADER.get(headerKey(cell))));
  return known.has('className') && known.has('birthDate');
}

/** Each known column's index and header as the file spells it. */
function columnsOf(header: readonly string[]): Map<Column, { index: number; title: string }> {
  const columns = new Map<Column, { index: number; title: string }>();
  header.forEach((cell, index) => {
    const column = BY_HEADER.get(headerKey(cell));
    if (column && !columns.has(column)) columns.set(column, { index, title: cell.trim() });
  });
  return columns;
}

/** `Иванова Мария Петровна` → last, first and the rest as the patronymic (`Гусейн оглы`). */
function splitFullName(value: string): [string, string, string] {
  const [last = '', first = '', ...rest] = value.trim().split(/\s+/);
  return [last, first, rest.join(' ')];
}

/**
 * Reads the roster template (one table: a header line, then a pupil per line) into pupils, each
 * field checked by core's rules, line by line as the file streams. Blank lines are skipped;
 * unknown columns are ignored.
 */
export async function readTemplate(
  table: Table,
  lang: Lang,
  today: string,
  watch: ImportWatch,
): Promise<ImportRecords> {
  const records = emptyRecords();
  const lines = table.lines[Symbol.asyncIterator]();
  const first = await lines.next();
  const header = first.done ? [] : first.value.cells;
  const columns = columnsOf(header);
  const missing = (['birthDate', 'className'] as const).filter((c) => !columns.has(c));
  if (!columns.has('fullName') && !(columns.has('lastName') && columns.has('firstName')))
    missing.unshift('fullName' as never);
  for (const column of missing) {
    const title = TEMPLATE_COLUMNS[column];
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
  const read = pupilReader(records, columns, lang, today);
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const { line, cells } = next.value;
    if (cells.every((c) => c.trim() === '')) continue;
    records.rowsRead += 1;
    read({ file: table.name, row: line }, cells);
    watch.read(records.errors.length);
  }
  return records;
}

/** Reads one pupil's line of the template into `records` (or its errors). */
function pupilReader(
  records: ImportRecords,
  columns: Map<Column, { index: number; title: string }>,
  lang: Lang,
  today: string,
): (at: Origin, cells: readonly string[]) => void {
  const birthDate = birthDateSchema({ today });
  return (at, cells) => {
    const cell = (c: Column) => {
      const col = columns.get(c);
      return col ? (cells[col.index] ?? '').trim() : '';
    };
    const title = (c: Column) => columns.get(c)?.title ?? TEMPLATE_COLUMNS[c];
    let failed = false;
    const check = <T>(column: Column, schema: Parameters<typeof validate>[0], input: string) => {
      const result = validate(schema, input, lang);
      if (result.ok) return result.value as T;
      failed = true;
      const [error] = result.errors;
      records.errors.push({
        file: at.file,
        row: at.row,
        column: title(column),
        code: error?.code ?? 'format',
        message: error?.message ?? '',
      });
      return undefined;
    };
    const [last, first, middle] = columns.has('fullName')
      ? splitFullName(cell('fullName'))
      : [cell('lastName'), cell('firstName'), cell('middleName')];
    const nameColumn = (c: 'lastName' | 'firstName' | 'middleName'): Column =>
      columns.has('fullName') ? 'fullName' : c;
    const lastName = check<string>(nameColumn('lastName'), lastNameSchema, last);
    const firstName = check<string>(nameColumn('firstName'), firstNameSchema, first);
    const middleName = check<string | undefined>(
      nameColumn('middleName'),
      optionalMiddleNameSchema,
      middle,
    );
    const born = check<string>('birthDate', birthDate, cell('birthDate'));
    const className = cell('className').toUpperCase().replace(/\s+/g, '');
    if (className === '' || className.length > 10) {
      failed = true;
      records.errors.push(
        cellError(
          lang,
          { ...at, column: title('className') },
          className ? 'too_long' : 'required',
          {
            params: { maximum: 10 },
          },
        ),
      );
    }
    const year = cell('schoolYear');
    const schoolYear =
      year === '' ? undefined : check<string>('schoolYear', schoolYearSchema, year);
    const listNumber = readListNumber(cell('listNumber'));
    if (listNumber === null) {
      failed = true;
      records.errors.push(
        cellError(lang, { ...at, column: title('listNumber') }, 'format', {
          params: { minimum: 1, maximum: 99 },
        }),
      );
    }
    const externalId = cell('externalId');
    if (externalId.length > 64) {
      failed = true;
      records.errors.push(
        cellError(lang, { ...at, column: title('externalId') }, 'too_long', {
          params: { maximum: 64 },
        }),
      );
    }
    if (failed || lastName === undefined || firstName === undefined || born === undefined) return;
    records.pupils.push({
      ...at,
      externalId: externalId || undefined,
      lastName,
      firstName,
      middleName,
      birthDate: born,
      className,
      schoolYear,
      listNumber: listNumber ?? undefined,
      columns: {
        externalId: title('externalId'),
        name: title(nameColumn('lastName')),
        className: title('className'),
        listNumber: title('listNumber'),
      },
    });
  };
}

/** A list number 1–99, `undefined` when blank, `null` when it is not one. */
function readListNumber(value: string): number | undefined | null {
  if (value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : null;
}
