import { markValueText, roundAverage, weightedAverage, type Mark } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import { familyMembers, familyOf } from './families';
import { markValue, russianDate, workKindLabel } from './journal-views';
import { notify, type NotifyInput } from './notify';
import type { DateRange, PeriodRow } from './school-calendar';
import { bumpVersions } from '../read-cache/versions';

type Db = Kysely<Database>;

/** A mark write and the state around it, for {@link announceMarkChange}. */
export interface MarkChange {
  readonly type: 'mark.created' | 'mark.updated' | 'mark.deleted';
  readonly mark: Mark;
  readonly childFirstName: string;
  /** The current period, where thresholds are checked; none outside a school year. */
  readonly period: PeriodRow | undefined;
  /** The subject's average in the period before the write (see {@link periodAverage}). */
  readonly before: number | null;
  /** A corrected mark's value before the correction: the notification says «4 → 5». */
  readonly previous?: Mark['value'] | undefined;
}

const TITLES: Record<MarkChange['type'], string> = {
  'mark.created': 'Новая оценка',
  'mark.updated': 'Оценка исправлена',
  'mark.deleted': 'Оценка удалена',
};

const TITLES_EN: Record<MarkChange['type'], string> = {
  'mark.created': 'New mark',
  'mark.updated': 'Mark corrected',
  'mark.deleted': 'Mark removed',
};

const EN_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-11-24` as an English reader writes it: `24 Nov 2026`. */
function englishDate(date: string): string {
  return EN_DATE.format(new Date(`${date}T00:00:00Z`));
}

/**
 * A mark value as a Russian parent reads it.
 *
 * @example
 * spokenValue('pass'); // 'зачёт'
 */
export function spokenValue(value: Mark['value']): string {
  return markValueText('ru', value);
}

function decimal(x: number): string {
  return x.toFixed(2).replace('.', ',');
}

/**
 * A child's weighted average in one subject over a range, rounded to 2 digits as parents see it;
 * `null` when no mark counts (or there is no range).
 *
 * @example
 * await periodAverage(trx, child.id, subjectId, periodRange(period)); // 4.33
 */
export async function periodAverage(
  db: Db,
  childId: string,
  subjectId: string,
  range: DateRange | undefined,
): Promise<number | null> {
  if (!range) return null;
  const rows = await db
    .selectFrom('marks')
    .select(['value', 'weight'])
    .where('child_id', '=', childId)
    .where('subject_id', '=', subjectId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .execute();
  const average = weightedAverage(
    rows.map((r) => ({ value: markValue(r.value), weight: r.weight })),
  );
  return average === null ? null : roundAverage(average);
}

/**
 * Each parent's threshold for a subject: their subject-specific one, else their all-subjects one.
 *
 * @example
 * await effectiveThresholds(trx, childId, subjectId); // Map { 'usr_parent_ivanova' => 3.5 }
 */
export async function effectiveThresholds(
  db: Db,
  childId: string,
  subjectId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('thresholds')
    .select(['parent_id', 'subject_id', 'threshold'])
    .where('child_id', '=', childId)
    .where((eb) => eb.or([eb('subject_id', '=', subjectId), eb('subject_id', 'is', null)]))
    .execute();
  const byParent = new Map<string, number>();
  for (const row of rows.filter((r) => r.subject_id === null)) {
    byParent.set(row.parent_id, row.threshold);
  }
  for (const row of rows.filter((r) => r.subject_id !== null)) {
    byParent.set(row.parent_id, row.threshold);
  }
  return byParent;
}

/**
 * The alerts due to parents whose threshold the period average has just fallen below: it is
 * below now and was not before the write.
 */
async function thresholdAlerts(trx: Db, change: MarkChange): Promise<NotifyInput[]> {
  const { mark, period, before } = change;
  if (!period) return [];
  const range = { from: period.start_date, to: period.end_date };
  const after = await periodAverage(trx, mark.childId, mark.subjectId, range);
  if (after === null) return [];
  const alerts: NotifyInput[] = [];
  const thresholds = await effectiveThresholds(trx, mark.childId, mark.subjectId);
  for (const [parentId, threshold] of thresholds) {
    const wasBelow = before !== null && before < threshold;
    if (after >= threshold || wasBelow) continue;
    alerts.push({
      userId: parentId,
      kind: 'threshold',
      title: `Средний балл ниже ${decimal(threshold)}`,
      body: `${change.childFirstName}, ${mark.subjectName}: средний балл за ${period.name} — ${decimal(after)}, ниже порога ${decimal(threshold)}`,
      en: {
        title: `Average below ${threshold.toFixed(2)}`,
        body: `${change.childFirstName}, ${mark.subjectName}: the average for ${period.name} is ${after.toFixed(2)}, below the threshold of ${threshold.toFixed(2)}`,
      },
      childId: mark.childId,
      targetId: mark.subjectId,
    });
  }
  return alerts;
}

/**
 * Everything a mark write sets off inside its transaction: in-app notifications to the child's
 * parents and student (through the channels each chose), a live event to the same people, and
 * the child's data version. Returns the threshold alerts due (see {@link thresholdAlerts}); send
 * them with {@link sendAlerts} after the commit.
 *
 * @example
 * const alerts = await announceMarkChange(s, trx, { type: 'mark.created', mark, childFirstName, period, before });
 */
export async function announceMarkChange(
  s: Services,
  trx: Db,
  change: MarkChange,
): Promise<NotifyInput[]> {
  const { mark, type } = change;
  const family = await familyOf(trx, mark.childId);
  const recipients = familyMembers(family);
  const was = type === 'mark.updated' ? change.previous : undefined;
  const value = (lang: 'ru' | 'en') =>
    was === undefined || was === mark.value
      ? markValueText(lang, mark.value)
      : `${markValueText(lang, was)} → ${markValueText(lang, mark.value)}`;
  const what = `${value('ru')} — ${workKindLabel(mark.kind)}, ${russianDate(mark.date)}`;
  const whatEn = `${value('en')} — ${workKindLabel(mark.kind, 'en')}, ${englishDate(mark.date)}`;
  for (const userId of recipients) {
    await notify(s, trx, {
      userId,
      kind: 'mark',
      title: `${TITLES[type]}: ${mark.subjectName}`,
      body: `${change.childFirstName}: ${what}`,
      en: {
        title: `${TITLES_EN[type]}: ${mark.subjectName}`,
        body: `${change.childFirstName}: ${whatEn}`,
      },
      childId: mark.childId,
      targetId: mark.id,
    });
  }
  if (type === 'mark.deleted') {
    const data = { id: mark.id, childId: mark.childId, subjectId: mark.subjectId };
    await s.live.publish(trx, { recipients, type, childId: mark.childId, data });
  } else {
    await s.live.publish(trx, { recipients, type, childId: mark.childId, data: mark });
  }
  await bumpVersions(trx, [`child:${mark.childId}`]);
  return thresholdAlerts(trx, change);
}

/**
 * Sends the threshold alerts; after the write's transaction has committed.
 *
 * @example
 * await sendAlerts(s, alerts);
 */
export async function sendAlerts(s: Services, alerts: readonly NotifyInput[]): Promise<void> {
  for (const alert of alerts) await notify(s, s.db, alert);
}
