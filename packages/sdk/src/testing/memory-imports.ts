import {
  CsvParseError,
  errorMessage,
  isTimetableTemplateHeader,
  missingRosterTemplateColumns,
  parseCsv,
  readRosterTemplateLine,
  rosterTemplateLayout,
  ROSTER_TEMPLATE_HEADER,
  rosterTemplateRow,
  todayIn,
  toCsv,
  type ImportError,
  type ImportJob,
  type ImportReport,
  type ImportRow,
  type Lang,
  type RosterTemplatePupil,
  type SchoolClass,
} from '@school-diary/core';
import { notFound, type MemoryHandler, type MemoryRequest } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';
import { adminOf, setupState, type SetupState } from './memory-setup-state';
import { newRosterId } from './memory-setup';
import { applyTimetableCsv, planTimetableCsv, timetableCsvOf } from './memory-import-timetable';
import { memoryOneRoster } from './memory-oneroster';

type RosterEntry = SetupState['roster'][number];

/** A pupil of the file with where it is, the class it goes to and what it changes. */
interface Planned {
  readonly pupil: RosterTemplatePupil;
  readonly row: number;
  readonly cls: SchoolClass;
  readonly existing: RosterEntry | undefined;
  readonly changes: string[];
}

const jobs = new WeakMap<MemoryDiary, Map<string, ImportJob>>();

/** The memory diary's import jobs, by school and job id. */
function jobsOf(diary: MemoryDiary): Map<string, ImportJob> {
  const known = jobs.get(diary) ?? new Map<string, ImportJob>();
  jobs.set(diary, known);
  return known;
}

/** The uploaded CSV's text; the memory client reads the templates as CSV only. */
function csvOf(body: Record<string, unknown>): { name: string; rows: string[][] } {
  const name = String(body.name ?? 'import.csv');
  const text = typeof body.text === 'string' ? body.text.replace(/^\uFEFF/, '') : '';
  if (/\.(xlsx|zip)$/i.test(name) || text.startsWith('PK'))
    throw new MemoryApiError(415, 'unsupported_media_type', [{ path: 'file', code: 'file_type' }]);
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.split(';').length > first.split(',').length ? ';' : ',';
  try {
    return { name, rows: parseCsv(text, { delimiter }) };
  } catch (error) {
    if (error instanceof CsvParseError)
      throw new MemoryApiError(400, 'validation_failed', [{ path: 'file', code: 'format' }]);
    throw error;
  }
}

const personKey = (p: { lastName: string; firstName: string; birthDate: string }) =>
  [p.lastName, p.firstName, p.birthDate].join('|').toLowerCase();

function changesOf(p: RosterTemplatePupil, e: RosterEntry, classId: string): string[] {
  const changes: string[] = [];
  if (p.lastName !== e.lastName) changes.push('lastName');
  if (p.firstName !== e.firstName) changes.push('firstName');
  if ((p.middleName ?? undefined) !== e.middleName) changes.push('middleName');
  if (p.birthDate !== e.birthDate) changes.push('birthDate');
  if (classId !== e.classId) changes.push('classId');
  if (p.listNumber !== undefined && p.listNumber !== e.listNumber) changes.push('listNumber');
  if (p.externalId !== undefined && p.externalId !== e.externalId) changes.push('externalId');
  return changes;
}

/**
 * Reads the roster template with core's column rules and compares it with the school's roster:
 * each pupil to create, change or leave alone, or an error (a class the school does not have, a
 * pupil twice in the file), as the server's import does.
 */
function plan(diary: MemoryDiary, schoolId: string, file: string, rows: string[][], lang: Lang) {
  const state = setupState(diary);
  const errors: ImportError[] = [];
  const report: ImportRow[] = [];
  const planned: Planned[] = [];
  const [header = [], ...lines] = rows;
  const layout = rosterTemplateLayout(header);
  const missing = missingRosterTemplateColumns(layout);
  for (const column of missing)
    errors.push({
      file,
      row: 0,
      column,
      code: 'missing_column',
      message: errorMessage('missing_column', { lang, params: { column } }),
    });
  if (missing.length > 0) return { errors, rows: report, planned, rowsRead: 0 };
  const today = todayIn(diary.now());
  const classes = state.classes.filter((c) => c.schoolId === schoolId);
  const roster = state.roster.filter((r) => r.schoolId === schoolId);
  const seen = new Map<string, number>();
  let rowsRead = 0;
  lines.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    rowsRead += 1;
    const read = readRosterTemplateLine(cells, layout, { lang, today });
    if (!read.ok) {
      for (const e of read.errors) errors.push({ file, row, ...e });
      return;
    }
    const { pupil } = read;
    const key = pupil.externalId ?? personKey(pupil);
    const label = [pupil.lastName, pupil.firstName, pupil.middleName].filter(Boolean).join(' ');
    const first = seen.get(key);
    const fail = (column: string, code: 'duplicate' | 'unknown_reference', field?: string) => {
      const params: Record<string, string | number> =
        code === 'duplicate' ? { row: first ?? 0 } : { value: pupil.className };
      const message = errorMessage(code, { lang, params, ...(field ? { field } : {}) });
      errors.push({ file, row, column, code, message });
      report.push({ file, row, kind: 'pupil', action: 'error', key, label });
    };
    if (first !== undefined) return fail(pupil.columns.externalId, 'duplicate');
    seen.set(key, row);
    const cls = classes
      .filter(
        (c) =>
          c.name === pupil.className && (!pupil.schoolYear || c.schoolYear === pupil.schoolYear),
      )
      .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear))
      .at(-1);
    if (!cls) return fail(pupil.columns.className, 'unknown_reference', 'className');
    const existing = pupil.externalId
      ? roster.find((r) => r.externalId === pupil.externalId)
      : roster.find((r) => personKey(r) === personKey(pupil));
    const changes = existing ? changesOf(pupil, existing, cls.id) : [];
    planned.push({ pupil, row, cls, existing, changes });
    const action = !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    report.push({
      file,
      row,
      kind: 'pupil',
      action,
      key,
      label,
      ...(action === 'update' ? { changes } : {}),
    });
  });
  return { errors, rows: report, planned, rowsRead };
}

/** Writes a plan without errors: new pupils with a roster id, changed pupils. */
function apply(diary: MemoryDiary, schoolId: string, planned: readonly Planned[]): number {
  const state = setupState(diary);
  const code = diary.data.schools.find((s) => s.id === schoolId)?.code ?? '000';
  let written = 0;
  for (const { pupil, cls, existing, changes } of planned) {
    const fields = {
      classId: cls.id,
      lastName: pupil.lastName,
      firstName: pupil.firstName,
      birthDate: pupil.birthDate,
      ...(pupil.middleName ? { middleName: pupil.middleName } : {}),
      ...(pupil.listNumber === undefined ? {} : { listNumber: pupil.listNumber }),
      ...(pupil.externalId === undefined ? {} : { externalId: pupil.externalId }),
    };
    if (existing && changes.length === 0) continue;
    if (existing) Object.assign(existing, fields);
    else
      state.roster.push({ id: diary.id('ros'), schoolId, rosterId: newRosterId(code), ...fields });
    written += 1;
  }
  return written;
}

/** A CSV file read as the template its header names, and how to write it. */
function readImport(
  diary: MemoryDiary,
  schoolId: string,
  name: string,
  rows: string[][],
  lang: Lang,
): Pick<ImportReport, 'format' | 'rows' | 'errors' | 'rowsRead'> & { write: () => number } {
  if (isTimetableTemplateHeader(rows[0] ?? [])) {
    const read = planTimetableCsv(diary, schoolId, name, rows, lang);
    return {
      ...read,
      format: 'timetable_csv',
      write: () => applyTimetableCsv(diary, read.planned),
    };
  }
  const read = plan(diary, schoolId, name, rows, lang);
  return { ...read, format: 'roster_csv', write: () => apply(diary, schoolId, read.planned) };
}

/** Runs a preview or an apply of the uploaded template, followed by its job id. */
function run(step: ImportJob['step']): MemoryHandler {
  return (diary, request: MemoryRequest) => {
    adminOf(request, request.params.schoolId);
    const schoolId = String(request.params.schoolId);
    const { name, rows } = csvOf(request.body);
    const result = readImport(diary, schoolId, name, rows, request.lang);
    const applied = step === 'apply' && result.errors.length === 0;
    const written = applied ? result.write() : 0;
    const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const r of result.rows) if (r.action !== 'error') counts[r.action] += 1;
    counts.error = new Set(result.errors.map((e) => `${e.file}|${e.row}`)).size;
    const at = diary.now().toISOString();
    const job = request.query.job;
    if (typeof job === 'string')
      jobsOf(diary).set(`${schoolId}|${job}`, {
        id: job,
        step,
        state: 'done',
        stage: applied ? 'applied' : 'planned',
        rowsRead: result.rowsRead,
        errors: result.errors.length,
        applied: written,
        fileName: name,
        startedAt: at,
        finishedAt: at,
      });
    const report: ImportReport = {
      format: result.format,
      applied,
      rowsRead: result.rowsRead,
      counts,
      rows: result.rows,
      errors: result.errors,
    };
    return report;
  };
}

/** An import job of the caller's school, or a 404. */
function jobOf(diary: MemoryDiary, request: MemoryRequest): ImportJob {
  adminOf(request, request.params.schoolId);
  const job = jobsOf(diary).get(`${request.params.schoolId}|${request.params.jobId}`);
  if (!job) throw notFound();
  return job;
}

/**
 * The memory client's imports, for a school's own admin: the roster and timetable templates as
 * CSV (UTF-8, `;` or `,`) read with core's column rules, previewed and applied to the memory
 * roster and classes' weeks as the server does (XLSX and OneRoster bundles answer 415 here; test
 * them against the server), jobs followed by their id (an import
 * here is over by the time it answers), and the roster and timetable exported as the templates
 * and the roster as a OneRoster bundle ({@link memoryOneRoster}).
 */
export const IMPORT_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'imports.preview': run('preview'),
  'imports.apply': run('apply'),
  'imports.status': (diary, request) => jobOf(diary, request),
  'imports.cancel': (diary, request) => jobOf(diary, request),
  'imports.exportTimetable': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return timetableCsvOf(diary, String(request.params.schoolId));
  },
  'imports.exportOneRoster': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return memoryOneRoster(diary, String(request.params.schoolId));
  },
  'imports.exportRoster': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const state = setupState(diary);
    const classes = new Map(state.classes.map((c) => [c.id, c]));
    return toCsv(
      [
        [...ROSTER_TEMPLATE_HEADER],
        ...state.roster
          .filter((r) => r.schoolId === request.params.schoolId && !r.leftAt)
          .map((r) => {
            const cls = classes.get(r.classId);
            return rosterTemplateRow({
              ...r,
              className: cls?.name ?? '',
              schoolYear: cls?.schoolYear ?? '',
            });
          }),
      ],
      { delimiter: ';' },
    );
  },
};
