import type { ImportError, ImportRow, Lang } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { PeriodRow, SchoolYearRow } from '../school-calendar';
import { cellError, type PeriodRecord, type SchoolYearRecord } from './import-records';
import { planRow, type Planned } from './import-plan';

/** A school year as it will be written: new, or matched with its periods paired in order. */
export interface PlannedYear extends Planned<SchoolYearRecord, SchoolYearRow> {
  readonly periods: readonly Planned<PeriodRecord, PeriodRow>[];
}

/** What changes on a matched row: the columns whose values differ, by the record's names. */
function changesOf(
  record: { externalId: string; name: string; startDate: string; endDate: string },
  row: { external_id: string | null; name: string; start_date: string; end_date: string },
): string[] {
  const changes: string[] = [];
  if (record.name !== row.name) changes.push('name');
  if (record.startDate !== row.start_date) changes.push('startDate');
  if (record.endDate !== row.end_date) changes.push('endDate');
  if (record.externalId !== row.external_id) changes.push('externalId');
  return changes;
}

/**
 * Compares the file's school years with the school's: a year is matched by its `sourcedId`, else
 * by its name when the school entered it by hand (no `sourcedId` yet), and its periods are paired
 * in order. Errors: a year whose name differs from the one its `sourcedId` has in the diary (an
 * import does not rename), one overlapping another year of the school, and a matched year
 * divided into another number of periods (marks and final marks hang on its periods). Pushes a
 * row for each year and period, and each error, to `out`.
 */
export async function planCalendar(
  db: Kysely<Database>,
  schoolId: string,
  records: readonly SchoolYearRecord[],
  lang: Lang,
  out: { errors: ImportError[]; rows: ImportRow[] },
): Promise<PlannedYear[]> {
  if (records.length === 0) return [];
  const years = await db
    .selectFrom('school_years')
    .selectAll()
    .where('school_id', '=', schoolId)
    .execute();
  const periods =
    years.length === 0
      ? []
      : await db
          .selectFrom('periods')
          .selectAll()
          .where(
            'school_year_id',
            'in',
            years.map((y) => y.id),
          )
          .orderBy('start_date')
          .execute();
  const planned: PlannedYear[] = [];
  for (const record of records) {
    const fail = (column: string, error: Parameters<typeof cellError>[2], value: string) =>
      out.errors.push(
        cellError(lang, { ...record, column }, error, {
          field: 'importedSchoolYear',
          params: { value },
        }),
      );
    const byId = years.find((y) => y.external_id === record.externalId);
    const byName = years.find((y) => y.name === record.name);
    const existing = byId ?? (byName && byName.external_id === null ? byName : undefined);
    if (byId && byId.name !== record.name) {
      fail('schoolYear', 'invalid_option', byId.name);
      continue;
    }
    const clash = years.find(
      (y) =>
        y !== existing &&
        (y.name === record.name ||
          (y.start_date <= record.endDate && y.end_date >= record.startDate)),
    );
    if (clash) {
      fail('sourcedId', 'already_registered', clash.name);
      continue;
    }
    const own = existing ? periods.filter((p) => p.school_year_id === existing.id) : [];
    if (existing && own.length !== record.periods.length) {
      out.errors.push(
        cellError(lang, { ...record, column: 'sourcedId' }, 'invalid_option', {
          field: 'periodCount',
          params: { year: existing.name, count: own.length, found: record.periods.length },
        }),
      );
      continue;
    }
    const year: PlannedYear = {
      record,
      existing,
      changes: existing ? changesOf(record, existing) : [],
      periods: record.periods.map((p, i) => {
        const row = own[i];
        return { record: p, existing: row, changes: row ? changesOf(p, row) : [] };
      }),
    };
    planned.push(year);
    out.rows.push(planRow(record, 'school_year', record.externalId, record.name, year));
    for (const p of year.periods)
      out.rows.push(planRow(p.record, 'period', p.record.externalId, p.record.name, p));
  }
  return planned;
}
