import { todayIn, type ImportFormat, type ImportReport, type Lang } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Services } from '../context';
import { DomainError, fieldError, notFound } from '../domain-error';
import { applyPlan } from './import-apply';
import type { ImportRecords, Sheet } from './import-records';
import { planImport, reportOf } from './import-plan';
import { ONEROSTER_FILES, readOneRoster } from './oneroster';
import { decodeText, readCsv, UnreadableCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { isZip, zipEntries, zipFile } from './read-zip';
import { readTemplate } from './ru-template';

/** A file to import: its name (for the report) and its bytes. */
export interface ImportFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Options of {@link runImport}. */
export interface RunImportOptions {
  readonly schoolId: string;
  readonly file: ImportFile;
  readonly lang: Lang;
  /** Write the changes (in one transaction) when the file has no error; otherwise only preview. */
  readonly apply: boolean;
  /** Told as the import goes: after reading, after comparing, after writing. */
  readonly progress?: (step: ImportProgress) => void;
  /** Records the apply in the audit log, inside its transaction. */
  readonly audit?: (trx: Kysely<Database>, detail: string) => Promise<void>;
}

/** Where an import is: the lines read so far and the errors found so far. */
export interface ImportProgress {
  readonly stage: 'read' | 'planned' | 'applied';
  readonly rowsRead: number;
  readonly errors: number;
}

const unreadable = (): DomainError => fieldError('file', 'format');

/** The records of a file in any of the formats, read by the reader its content calls for. */
async function readRecords(
  file: ImportFile,
  lang: Lang,
  today: string,
): Promise<{ format: ImportFormat; records: ImportRecords }> {
  if (!isZip(file.bytes)) {
    let rows: string[][];
    try {
      rows = readCsv(decodeText(file.bytes));
    } catch (error) {
      if (error instanceof UnreadableCsv) throw fieldError('file', 'format', { line: error.line });
      throw error;
    }
    const sheet: Sheet = { name: file.name, rows };
    return { format: 'roster_csv', records: readTemplate(sheet, lang, today) };
  }
  let zip: Awaited<ReturnType<typeof zipEntries>>;
  try {
    zip = await zipEntries(file.bytes);
  } catch {
    throw unreadable();
  }
  if (zip.file('xl/workbook.xml')) {
    let sheet: Sheet;
    try {
      sheet = await readXlsx(file.bytes, file.name);
    } catch {
      throw unreadable();
    }
    return { format: 'roster_xlsx', records: readTemplate(sheet, lang, today) };
  }
  const tables = new Map<string, Sheet>();
  for (const name of ONEROSTER_FILES) {
    const bytes = await zipFile(zip, name);
    if (bytes) tables.set(name, { name, rows: readCsv(decodeText(bytes)) });
  }
  if (tables.size === 0)
    throw new DomainError('unsupported_media_type', {
      fields: [{ path: 'file', code: 'file_type' }],
    });
  return { format: 'oneroster', records: readOneRoster(tables, lang, today) };
}

/**
 * One import pipeline for every format: reads the file (roster template as CSV or XLSX, or a
 * OneRoster bundle), compares it with the school's data, and reports record by record what it
 * creates, changes and leaves alone, with each error by file, line and column in `lang`. With
 * `apply`, and only when the file has no error, writes everything in one transaction; re-running
 * the same file then changes nothing.
 *
 * @example
 * const report = await runImport(s, { schoolId, file: { name: 'roster.csv', bytes }, lang: 'ru', apply: false });
 */
export async function runImport(
  s: Pick<Services, 'db' | 'clock' | 'ids'>,
  options: RunImportOptions,
): Promise<ImportReport> {
  const school = await s.db
    .selectFrom('schools')
    .select(['id', 'code'])
    .where('id', '=', options.schoolId)
    .executeTakeFirst();
  if (!school) throw notFound();
  const today = todayIn(s.clock.now());
  const { format, records } = await readRecords(options.file, options.lang, today);
  const tell = (stage: ImportProgress['stage'], errors: number) =>
    options.progress?.({ stage, rowsRead: records.rowsRead, errors });
  tell('read', records.errors.length);
  if (!options.apply || records.errors.length > 0) {
    const plan = await planImport(s.db, school.id, records, options.lang);
    tell('planned', plan.errors.length);
    return reportOf(plan, format, false);
  }
  // Planned again inside the transaction, so the apply acts on exactly what it reads.
  return s.db.transaction().execute(async (trx) => {
    const plan = await planImport(trx, school.id, records, options.lang);
    const report = reportOf(plan, format, plan.errors.length === 0);
    tell('planned', plan.errors.length);
    if (!report.applied) return report;
    await applyPlan(trx, plan, { schoolId: school.id, schoolCode: school.code, ids: s.ids });
    const { create, update, unchanged } = report.counts;
    await options.audit?.(trx, `${format}: +${create} ~${update} =${unchanged}`);
    tell('applied', 0);
    return report;
  });
}
