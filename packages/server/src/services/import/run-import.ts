import { createReadStream } from 'node:fs';
import { todayIn, type ImportFormat, type ImportReport, type Lang } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Services } from '../context';
import { DomainError, fieldError, notFound } from '../domain-error';
import { sendStaffInvitation, type StaffInvite } from '../staff-invitations';
import { applyPlan } from './import-apply';
import type { ImportRecords, Table } from './import-records';
import { planImport, reportOf, type PlanOutline } from './import-plan';
import { ImportWatch, type ImportProgress } from './import-watch';
import { ONEROSTER_FILES, readOneRoster, type OneRosterFile } from './oneroster';
import { csvLines, UnreadableCsv } from './read-csv';
import { xlsxLines } from './read-xlsx';
import { isZipFile, openZip, type ZipArchive } from './read-zip';
import { readTemplate } from './ru-template';
import { applyTimetable } from './timetable-apply';
import { planTimetable } from './timetable-plan';
import { isTimetableHeader, readTimetable, type TimetableRecords } from './timetable-template';

export type { ImportProgress, ImportStage } from './import-watch';

/** A file to import: its name (for the report) and where it is on disk (read as a stream). */
export interface ImportFile {
  readonly name: string;
  readonly path: string;
}

/** Options of {@link runImport}. */
export interface RunImportOptions {
  readonly schoolId: string;
  readonly file: ImportFile;
  readonly lang: Lang;
  /** Write the changes (in one transaction) when the file has no error; otherwise only preview. */
  readonly apply: boolean;
  /** Told as the import goes: every 500 lines read or records written, and at each stage. */
  readonly progress?: (step: ImportProgress) => void;
  /** Stops the import (`import_cancelled`); an apply stopped before its commit writes nothing. */
  readonly signal?: AbortSignal;
  /** Who applies it: the records of new pupils are created by them (the school's first admin if not given). */
  readonly createdBy?: string;
  /** Records the apply in the audit log, inside its transaction. */
  readonly audit?: (trx: Kysely<Database>, detail: string) => Promise<void>;
}

const unreadable = (): DomainError => fieldError('file', 'format');

/** Runs a reader, turning what it cannot read into the file's `format` error. */
async function reading<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof UnreadableCsv) throw fieldError('file', 'format', { line: error.line });
    throw unreadable();
  }
}

/** The records of a OneRoster bundle, each of its files streamed from the archive. */
function readBundle(zip: ZipArchive, lang: Lang, today: string, watch: ImportWatch) {
  const open = async (name: OneRosterFile) => {
    const path = zip.find(name);
    return path ? { name, lines: csvLines(await zip.open(path)) } : undefined;
  };
  return readOneRoster(open, (name) => zip.find(name) !== undefined, lang, today, watch);
}

/** What a file held: a roster's records, or a timetable's lessons. */
type FileRecords =
  | { readonly format: ImportFormat; readonly records: ImportRecords }
  | { readonly format: ImportFormat; readonly timetable: TimetableRecords };

/** A table read by the template its header names: the timetable's, else the roster's. */
async function readTable(
  table: Table,
  kind: 'csv' | 'xlsx',
  read: { lang: Lang; today: string; watch: ImportWatch },
): Promise<FileRecords> {
  const lines = table.lines[Symbol.asyncIterator]();
  const first = await lines.next();
  const again = async function* () {
    if (first.done) return;
    yield first.value;
    for (let next = await lines.next(); !next.done; next = await lines.next()) yield next.value;
  };
  const whole = { name: table.name, lines: again() };
  const { lang, today, watch } = read;
  if (!first.done && isTimetableHeader(first.value.cells))
    return {
      format: `timetable_${kind}`,
      timetable: await readTimetable(whole, lang, today, watch),
    };
  return { format: `roster_${kind}`, records: await readTemplate(whole, lang, today, watch) };
}

/** The records of a file in any of the formats, read as a stream by the reader its content calls for. */
async function readRecords(
  file: ImportFile,
  lang: Lang,
  today: string,
  watch: ImportWatch,
): Promise<FileRecords> {
  const read = { lang, today, watch };
  if (!(await isZipFile(file.path))) {
    const table = { name: file.name, lines: csvLines(createReadStream(file.path)) };
    return reading(() => readTable(table, 'csv', read));
  }
  const zip = await reading(() => openZip(file.path));
  try {
    if (zip.find('xl/workbook.xml')) {
      const table = { name: file.name, lines: xlsxLines(file.path) };
      return await reading(() => readTable(table, 'xlsx', read));
    }
    if (!ONEROSTER_FILES.some((name) => zip.find(name)))
      throw new DomainError('unsupported_media_type', {
        fields: [{ path: 'file', code: 'file_type' }],
      });
    return {
      format: 'oneroster',
      records: await reading(() => readBundle(zip, lang, today, watch)),
    };
  } finally {
    zip.close();
  }
}

/**
 * One import pipeline for every format: reads the file as a stream (roster or timetable template
 * as CSV or XLSX, or a OneRoster bundle), compares it with the school's data, and reports record by record
 * what it creates, changes and leaves alone, with each error by file, line and column in `lang`.
 * With `apply`, and only when the file has no error, writes everything in one transaction, then
 * sends each new member of staff their invitation's SMS; re-running the same file then changes
 * nothing. Progress is told as it goes, and an aborted
 * `signal` stops it (`import_cancelled`) with nothing written.
 *
 * @example
 * const report = await runImport(s, { schoolId, file: { name: 'roster.csv', path }, lang: 'ru', apply: false });
 */
export async function runImport(
  s: Pick<Services, 'db' | 'clock' | 'ids' | 'gateway'>,
  options: RunImportOptions,
): Promise<ImportReport> {
  const watch = new ImportWatch(options.signal, options.progress);
  watch.check();
  const school = await s.db
    .selectFrom('schools')
    .select(['id', 'code', 'short_name'])
    .where('id', '=', options.schoolId)
    .executeTakeFirst();
  if (!school) throw notFound();
  const today = todayIn(s.clock.now());
  const read = await readRecords(options.file, options.lang, today, watch);
  const { lang } = options;
  const context = {
    schoolId: school.id,
    schoolCode: school.code,
    ids: s.ids,
    clock: s.clock,
    ...(options.createdBy ? { createdBy: options.createdBy } : {}),
  };
  const { report, invited } =
    'timetable' in read
      ? await planAndApply(s.db, read.format, options, watch, {
          errors: read.timetable.errors.length,
          plan: (db) => planTimetable(db, school.id, read.timetable, lang),
          apply: async (trx, plan) => {
            await applyTimetable(trx, plan, { clock: s.clock, watch });
            return { invited: [] };
          },
        })
      : await planAndApply(s.db, read.format, options, watch, {
          errors: read.records.errors.length,
          plan: (db) => planImport(db, school.id, read.records, lang),
          apply: (trx, plan) => applyPlan(trx, plan, { ...context, watch }),
        });
  for (const invite of invited) await sendStaffInvitation(s, school.short_name, invite);
  return report;
}

/** How the records of a file are compared with the school and written. */
interface ImportSteps<P extends PlanOutline> {
  /** The errors found while reading. */
  readonly errors: number;
  readonly plan: (db: Kysely<Database>) => Promise<P>;
  /** Writes the plan; answers the new staff to invite once it is committed. */
  readonly apply: (trx: Kysely<Database>, plan: P) => Promise<{ invited: readonly StaffInvite[] }>;
}

/** Plans the records; with `apply` and no error, plans them again and writes them in one transaction. */
async function planAndApply<P extends PlanOutline>(
  db: Kysely<Database>,
  format: ImportFormat,
  options: RunImportOptions,
  watch: ImportWatch,
  steps: ImportSteps<P>,
): Promise<{ report: ImportReport; invited: readonly StaffInvite[] }> {
  watch.stage('read', steps.errors);
  if (!options.apply || steps.errors > 0) {
    const plan = await steps.plan(db);
    watch.stage('planned', plan.errors.length);
    return { report: reportOf(plan, format, false), invited: [] };
  }
  // Planned again inside the transaction, so the apply acts on exactly what it reads.
  const { report, invited } = await db.transaction().execute(async (trx) => {
    const plan = await steps.plan(trx);
    const report = reportOf(plan, format, plan.errors.length === 0);
    watch.stage('planned', plan.errors.length);
    if (!report.applied) return { report, invited: [] };
    watch.stage('applying');
    const { invited } = await steps.apply(trx, plan);
    const { create, update, unchanged } = report.counts;
    await options.audit?.(trx, `${format}: +${create} ~${update} =${unchanged}`);
    // The last moment a cancel still rolls everything back.
    watch.check();
    return { report, invited };
  });
  if (report.applied) watch.stage('applied');
  return { report, invited };
}
