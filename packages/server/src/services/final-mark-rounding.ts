import { DEFAULT_FINAL_MARK_THRESHOLDS, type FinalMarkThresholds } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * A school's final-mark thresholds: what its admin set (`setup.setRounding`), else core's
 * defaults. `null` (a child without a school) gives the defaults too.
 */
export async function schoolRounding(
  db: Kysely<Database>,
  schoolId: string | null,
): Promise<FinalMarkThresholds> {
  if (!schoolId) return DEFAULT_FINAL_MARK_THRESHOLDS;
  const row = await db
    .selectFrom('final_mark_rounding')
    .selectAll()
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  return row ? { 5: row.five, 4: row.four, 3: row.three } : DEFAULT_FINAL_MARK_THRESHOLDS;
}

/** The thresholds of the school a child is in (core's defaults without one). */
export async function childRounding(
  db: Kysely<Database>,
  childId: string | undefined,
): Promise<FinalMarkThresholds> {
  if (!childId) return DEFAULT_FINAL_MARK_THRESHOLDS;
  const child = await db
    .selectFrom('children')
    .select('school_id')
    .where('id', '=', childId)
    .executeTakeFirst();
  return schoolRounding(db, child?.school_id ?? null);
}
