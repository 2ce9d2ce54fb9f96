import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { VersionScope } from '../../read-cache/versions';
import type { IdGenerator } from '../../ids';
import type { PlannedYear } from './import-plan-calendar';

/**
 * Writes the planned school years in the caller's transaction: a new year with its periods
 * (numbered in order, of the year's kind), a matched year's and its periods' changed dates, names
 * and `sourcedId`s. Periods keep their ids, so marks and final marks stay attached. Returns the
 * classes whose calendar changed, for their cached reads.
 */
export async function applyCalendar(
  trx: Kysely<Database>,
  years: readonly PlannedYear[],
  context: { schoolId: string; ids: IdGenerator },
): Promise<VersionScope[]> {
  const scopes: VersionScope[] = [];
  for (const { record, existing, changes, periods } of years) {
    if (!existing) {
      const id = context.ids('sy');
      await trx
        .insertInto('school_years')
        .values({
          id,
          school_id: context.schoolId,
          name: record.name,
          start_date: record.startDate,
          end_date: record.endDate,
          period_kind: record.periodKind,
          external_id: record.externalId,
        })
        .execute();
      await trx
        .insertInto('periods')
        .values(
          record.periods.map((p, i) => ({
            id: context.ids('per'),
            school_year_id: id,
            kind: record.periodKind,
            number: i + 1,
            name: p.name,
            start_date: p.startDate,
            end_date: p.endDate,
            external_id: p.externalId,
          })),
        )
        .execute();
      continue;
    }
    const touched = changes.length > 0 || periods.some((p) => p.changes.length > 0);
    if (changes.length > 0)
      await trx
        .updateTable('school_years')
        .set({
          start_date: record.startDate,
          end_date: record.endDate,
          external_id: record.externalId,
        })
        .where('id', '=', existing.id)
        .execute();
    for (const p of periods)
      if (p.existing && p.changes.length > 0)
        await trx
          .updateTable('periods')
          .set({
            name: p.record.name,
            start_date: p.record.startDate,
            end_date: p.record.endDate,
            external_id: p.record.externalId,
          })
          .where('id', '=', p.existing.id)
          .execute();
    if (!touched) continue;
    const classes = await trx
      .selectFrom('classes')
      .select('id')
      .where('school_id', '=', context.schoolId)
      .where('school_year', '=', existing.name)
      .execute();
    scopes.push(...classes.map((c) => `class:${c.id}` as const));
  }
  return scopes;
}
