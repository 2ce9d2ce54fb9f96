import { access, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ImportReport, Lang } from '@school-diary/core';
import { systemClock } from './clock';
import { CliError, CliUsageError } from './cli-error';
import { openDatabase } from './db/open';
import { randomIds } from './ids';
import { DomainError } from './services/domain-error';
import { OutboxGateway } from './services/gateway';
import { rosterOneRoster } from './services/import/oneroster-export';
import { rosterCsv, rosterXlsx } from './services/import/roster-export';
import { timetableCsv, timetableTable, timetableXlsx } from './services/import/timetable-export';
import { runImport, type ImportProgress } from './services/import/run-import';

/** Options of `school-diary-server import`. */
export interface ImportOptions {
  readonly db: string;
  readonly school: string;
  readonly file: string;
  readonly apply: boolean;
  readonly lang: Lang;
  /** Print the whole report as JSON instead of lines. */
  readonly json: boolean;
}

/** Options of `school-diary-server export`. */
export interface ExportOptions {
  readonly db: string;
  readonly school: string;
  readonly to: string;
  readonly format: 'csv' | 'xlsx' | 'oneroster';
  /** Write the classes' repeating weeks (the timetable template) instead of the roster. */
  readonly timetable: boolean;
}

const IMPORT_FLAGS = {
  db: { type: 'string' },
  school: { type: 'string' },
  apply: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  lang: { type: 'string', default: 'ru' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const EXPORT_FLAGS = {
  db: { type: 'string' },
  school: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  timetable: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Runs `work`, turning a command-line parse failure into a usage error. */
function parsed<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Parses `import --school CODE FILE [--apply] [--dry-run] [--lang ru|en] [--json]`; null: help. */
export function parseImportArgs(args: readonly string[], fallbackDb: string): ImportOptions | null {
  const { values, positionals } = parsed(() =>
    parseArgs({ args: [...args], options: IMPORT_FLAGS, strict: true, allowPositionals: true }),
  );
  if (values.help) return null;
  if (!values.school) throw new CliUsageError('import needs --school CODE');
  if (positionals.length !== 1) throw new CliUsageError('import needs one FILE to read');
  if (values.apply && values['dry-run'])
    throw new CliUsageError('--apply and --dry-run exclude each other');
  if (values.lang !== 'ru' && values.lang !== 'en') throw new CliUsageError('--lang: ru or en');
  return {
    db: values.db ?? fallbackDb,
    school: values.school,
    file: positionals[0] ?? '',
    apply: values.apply === true,
    lang: values.lang,
    json: values.json === true,
  };
}

/** Parses `export --school CODE --to FILE [--format csv|xlsx|oneroster] [--timetable]`; null: help. */
export function parseExportArgs(args: readonly string[], fallbackDb: string): ExportOptions | null {
  const { values } = parsed(() =>
    parseArgs({ args: [...args], options: EXPORT_FLAGS, strict: true }),
  );
  if (values.help) return null;
  if (!values.school) throw new CliUsageError('export needs --school CODE');
  if (!values.to) throw new CliUsageError('export needs --to FILE');
  const byName = values.to.endsWith('.xlsx')
    ? 'xlsx'
    : values.to.endsWith('.zip')
      ? 'oneroster'
      : 'csv';
  const format = values.format ?? byName;
  if (format !== 'csv' && format !== 'xlsx' && format !== 'oneroster')
    throw new CliUsageError('--format: csv, xlsx or oneroster');
  const timetable = values.timetable === true;
  if (timetable && format === 'oneroster')
    throw new CliUsageError('--timetable: csv or xlsx, not oneroster');
  return { db: values.db ?? fallbackDb, school: values.school, to: values.to, format, timetable };
}

async function withSchool<T>(
  db: string,
  code: string,
  work: (database: Awaited<ReturnType<typeof openDatabase>>, schoolId: string) => Promise<T>,
): Promise<T> {
  const database = await openDatabase(db);
  try {
    const school = await database.db
      .selectFrom('schools')
      .select('id')
      .where('code', '=', code.replace(/\s+/g, ''))
      .executeTakeFirst();
    if (!school) throw new CliError(`no school has code ${code}`, 'not_found');
    return await work(database, school.id);
  } finally {
    await database.close();
  }
}

const STAGES: Record<ImportProgress['stage'], string> = {
  read: 'read',
  planned: 'compared with the school',
  applying: 'writing',
  applied: 'applied',
};

/**
 * `import`: previews (or with `--apply` applies, in one transaction) a roster file into a school,
 * reading it as a stream; progress lines go to `progress` (the terminal's standard error). An
 * aborted `signal` (Ctrl-C) stops it, and an apply stopped before its commit writes nothing.
 */
export async function importFile(
  options: ImportOptions,
  progress: (line: string) => void,
  signal?: AbortSignal,
): Promise<ImportReport> {
  await access(options.file).catch(() => {
    throw new CliError(`cannot read ${options.file}`, 'not_found');
  });
  return withSchool(options.db, options.school, async (database, schoolId) => {
    try {
      return await runImport(
        {
          db: database.db,
          clock: systemClock,
          ids: randomIds,
          // Invitations wait in the outbox for the server's delivery worker.
          gateway: new OutboxGateway(database.db, systemClock),
        },
        {
          schoolId,
          file: { name: basename(options.file), path: options.file },
          lang: options.lang,
          apply: options.apply,
          ...(signal ? { signal } : {}),
          progress: (p) =>
            progress(
              `${STAGES[p.stage]}: ${p.rowsRead} lines read, ${p.errors} errors, ${p.applied} records written so far`,
            ),
          audit: (trx, detail) =>
            trx
              .insertInto('audit')
              .values({
                id: randomIds('aud'),
                at: systemClock.now().toISOString(),
                actor_id: null,
                actor_role: 'operator',
                school_id: schoolId,
                action: 'import.apply',
                target: basename(options.file),
                detail: `cli ${detail}`,
                outcome: 'success',
                ip: 'cli',
              })
              .execute()
              .then(() => undefined),
        },
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'import_cancelled')
        throw new CliError('cancelled: nothing was changed', 'cancelled');
      if (error instanceof DomainError)
        throw new CliError(
          `${options.file}: not a roster or timetable file (CSV, XLSX or a OneRoster ZIP)`,
          'format',
        );
      throw error;
    }
  });
}

const ACTIONS = {
  create: 'to create',
  update: 'to change',
  unchanged: 'unchanged',
  error: 'error',
};

/**
 * The lines printed after `import`: every error, the school years and periods it creates or
 * changes, then the counts and what happened.
 */
export function describeImport(options: ImportOptions, report: ImportReport): string {
  if (options.json) return JSON.stringify(report, null, 2);
  const lines = report.errors.map(
    (e) => `${e.file}:${e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message}`,
  );
  for (const r of report.rows)
    if ((r.kind === 'school_year' || r.kind === 'period') && r.action !== 'unchanged')
      lines.push(
        `${r.kind === 'school_year' ? 'school year' : 'period'} ${r.label} (${r.key}): ` +
          `${ACTIONS[r.action]}${r.changes ? ` ${r.changes.join(', ')}` : ''}`,
      );
  const { create, update, unchanged, error } = report.counts;
  lines.push(
    `${report.format}: ${report.rowsRead} lines; ${create} to create, ${update} to change, ` +
      `${unchanged} unchanged, ${error} with errors.`,
  );
  if (report.applied) lines.push('Applied.');
  else if (options.apply) lines.push('Nothing was changed: fix the errors and run it again.');
  else lines.push('Preview only: run again with --apply to write it.');
  return lines.join('\n');
}

/**
 * `export`: the school's roster as the import template (CSV or XLSX) or a OneRoster bundle, or with
 * `timetable` its classes' repeating weeks as the timetable template (CSV or XLSX).
 */
export async function exportRoster(options: ExportOptions): Promise<string> {
  if (options.timetable) return exportTimetable(options);
  const count = await withSchool(options.db, options.school, async (database, schoolId) => {
    const write = { csv: rosterCsv, xlsx: rosterXlsx, oneroster: rosterOneRoster }[options.format];
    const data = await write(database.db, schoolId);
    await writeFile(options.to, data);
    return (
      await database.db
        .selectFrom('roster')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('school_id', '=', schoolId)
        .where('left_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n;
  });
  return `Wrote ${Number(count)} pupils to ${options.to}.`;
}

/** `export --timetable`: the classes' repeating weeks as the timetable template. */
async function exportTimetable(options: ExportOptions): Promise<string> {
  const lessons = await withSchool(options.db, options.school, async (database, schoolId) => {
    const write = options.format === 'xlsx' ? timetableXlsx : timetableCsv;
    await writeFile(options.to, await write(database.db, schoolId));
    return (await timetableTable(database.db, schoolId)).length - 1;
  });
  return `Wrote ${lessons} lessons to ${options.to}.`;
}
