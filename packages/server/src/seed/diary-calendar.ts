import { datesBetween, isoDayOfWeek } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HOLIDAYS, QUARTERS } from './data/diary';

// The demo schools' calendars: school years, quarters, lesson times and working days.

export function endTime(start: string): string {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const minutes = h * 60 + m + 45;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A Moscow wall-clock time (UTC+3 all year) as an ISO instant. */
export function moscow(date: string, time: string): string {
  return new Date(`${date}T${time}:00+03:00`).toISOString();
}

/** The working days of a school year's quarters, `startYear` being 2026 for 2026/2027. */
export function schoolDays(startYear: number): string[] {
  return QUARTERS.flatMap(([, from, to], i) => {
    const year = i < 2 ? startYear : startYear + 1;
    return datesBetween(`${year}-${from}`, `${year}-${to}`);
  }).filter((d) => isoDayOfWeek(d) <= 5 && !HOLIDAYS.has(d));
}

/** School years 2025/2026 and 2026/2027 with their quarters, for both demo schools. */
export async function insertCalendars(trx: Kysely<Database>): Promise<void> {
  for (const school of ['sch_42', 'sch_17']) {
    for (const start of [2025, 2026]) {
      const id = `sy_${school.slice(4)}_${start}`;
      await trx
        .insertInto('school_years')
        .values({
          id,
          school_id: school,
          name: `${start}/${start + 1}`,
          start_date: `${start}-09-01`,
          end_date: `${start + 1}-05-31`,
          period_kind: 'quarter',
        })
        .execute();
      await trx
        .insertInto('periods')
        .values(
          QUARTERS.map(([name, from, to], i) => ({
            id: `per_${school.slice(4)}_${start}_q${i + 1}`,
            school_year_id: id,
            kind: 'quarter',
            number: i + 1,
            name,
            start_date: `${i < 2 ? start : start + 1}-${from}`,
            end_date: `${i < 2 ? start : start + 1}-${to}`,
          })),
        )
        .execute();
    }
  }
}
