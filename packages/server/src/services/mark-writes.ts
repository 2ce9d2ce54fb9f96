import type { Mark, OutputOf, Routes } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { fieldError, notFound } from './domain-error';
import type { AuthUser, Services } from './context';
import { familyMembers, familyOf } from './families';
import { taughtChild } from './journal-access';
import { finalMarkRows, markRows } from './journal-queries';
import { finalMarkView, markView, type MarkRow } from './journal-views';
import { announceMarkChange, periodAverage, sendAlerts, spokenValue } from './mark-effects';
import { notify } from './notify';
import { auditAs, type ChildRow } from './policy';
import {
  classCalendar,
  currentPeriod,
  periodById,
  periodRange,
  type SchoolCalendar,
} from './school-calendar';
import { bumpVersions } from '../read-cache/versions';

/** Who writes, for the audit log. */
export type Caller = { readonly user: AuthUser; readonly ip: string };
type MarkPatch = OutputOf<Routes['grades']['update']['body']>;

const AUDIT_ACTIONS = {
  'mark.created': 'marks.create',
  'mark.updated': 'marks.update',
  'mark.deleted': 'marks.delete',
} as const;

/**
 * 400 on `path` unless the date lies in the school year and not after the school's today.
 *
 * @example
 * assertMarkDate(calendar, body.date);
 */
export function assertMarkDate(calendar: SchoolCalendar | null, date: string, path = 'date'): void {
  if (!calendar) throw fieldError(path, 'invalid_option');
  const { year, today } = calendar;
  if (date < year.start_date) throw fieldError(path, 'too_small', { minimum: year.start_date });
  if (date > year.end_date) throw fieldError(path, 'too_big', { maximum: year.end_date });
  if (date > today) throw fieldError(path, 'future_date');
}

/**
 * 400 unless the lesson is one of the class's in the subject (or substituted to it), on the
 * mark's date.
 *
 * @example
 * await assertMarkLesson(s, body.lessonId, { ...body, classId: child.class_id });
 */
export async function assertMarkLesson(
  s: Services,
  lessonId: string,
  mark: { classId: string; subjectId: string; date: string },
): Promise<void> {
  const lesson = await s.db
    .selectFrom('lessons')
    .leftJoin('substitutions', 'substitutions.lesson_id', 'lessons.id')
    .select([
      'lessons.class_id',
      'lessons.subject_id',
      'lessons.date',
      'substitutions.subject_id as sub',
    ])
    .where('lessons.id', '=', lessonId)
    .executeTakeFirst();
  const subject = lesson?.sub ?? lesson?.subject_id;
  if (!lesson || lesson.class_id !== mark.classId || subject !== mark.subjectId) {
    throw fieldError('lessonId', 'invalid_option');
  }
  if (lesson.date !== mark.date) throw fieldError('date', 'invalid_option');
}

/** A mark with its names, or 404. */
export async function oneMark(db: Kysely<Database>, markId: string): Promise<MarkRow> {
  const [row] = await markRows(db, { markId });
  if (!row) throw notFound();
  return row;
}

/** What an audit entry keeps of a mark: enough to show the correction history. */
export function auditedFields(
  row: Pick<MarkRow, 'value' | 'weight' | 'kind' | 'date' | 'comment'>,
) {
  return {
    value: row.value,
    weight: row.weight,
    kind: row.kind,
    date: row.date,
    comment: row.comment,
  };
}

/** The stored columns a correction changes; empty when it changes nothing. */
export function patchColumns(old: MarkRow, body: MarkPatch) {
  const next = {
    value: body.value === undefined ? old.value : String(body.value),
    weight: body.weight ?? old.weight,
    kind: body.kind ?? old.kind,
    date: body.date ?? old.date,
    comment: body.comment === undefined ? old.comment : body.comment.trim() || null,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== old[k]);
  return Object.fromEntries(changed.map((k) => [k, next[k]])) as Partial<typeof next>;
}

/**
 * A mark write in one transaction with its side effects: the audit entry (`detail` as given),
 * notifications, live events and the child's version, then the threshold alerts after the commit.
 *
 * @example
 * return writeMark(s, caller, { child, calendar, type: 'mark.created', markId, subjectId, detail, write });
 */
export async function writeMark(
  s: Services,
  caller: Caller,
  input: {
    child: ChildRow;
    calendar: SchoolCalendar | null;
    type: 'mark.created' | 'mark.updated' | 'mark.deleted';
    markId: string;
    subjectId: string;
    detail: unknown;
    write: (trx: Kysely<Database>) => Promise<unknown>;
    /** The view to announce when the mark no longer exists afterwards. */
    gone?: Mark;
    /** A corrected mark's value before the correction. */
    previous?: Mark['value'];
  },
): Promise<Mark> {
  const { child, calendar, type } = input;
  const period = calendar ? currentPeriod(calendar) : undefined;
  const range = period ? periodRange(period) : undefined;
  const { mark, alerts } = await s.db.transaction().execute(async (trx) => {
    const before = await periodAverage(trx, child.id, input.subjectId, range);
    await input.write(trx);
    const mark = input.gone ?? markView(await oneMark(trx, input.markId), calendar?.periods);
    const action = { action: AUDIT_ACTIONS[type], target: input.markId };
    const detail = JSON.stringify(input.detail);
    await auditAs(s, trx, caller, { ...action, schoolId: child.school_id, detail });
    const change = {
      ...{ type, mark, childFirstName: child.first_name, period, before },
      previous: input.previous,
    };
    return { mark, alerts: await announceMarkChange(s, trx, change) };
  });
  await sendAlerts(s, alerts);
  return mark;
}

/**
 * Sets (or changes) a final period mark, audited with the old and new value; tells the family.
 *
 * @example
 * await setFinalMark(s, { user, ip }, body);
 */
export async function setFinalMark(
  s: Services,
  caller: Caller,
  body: OutputOf<Routes['grades']['setFinal']['body']>,
) {
  const child = await taughtChild(s, caller.user, body.childId, body.subjectId);
  const period = periodById(await classCalendar(s, s.db, child.class_id), body.periodId);
  const key = { childId: child.id, subjectId: body.subjectId, periodId: period.id };
  const [old] = await finalMarkRows(s.db, key);
  const row = {
    id: old?.id ?? s.ids('fmk'),
    child_id: child.id,
    subject_id: body.subjectId,
    period_id: period.id,
    value: String(body.value),
    teacher_id: caller.user.id,
    updated_at: s.clock.now().toISOString(),
  };
  await s.db.transaction().execute(async (trx) => {
    if (old) await trx.updateTable('final_marks').set(row).where('id', '=', old.id).execute();
    else await trx.insertInto('final_marks').values(row).execute();
    const detail = JSON.stringify({ ...key, old: old?.value ?? null, new: row.value });
    const action = {
      action: 'final_marks.set',
      target: row.id,
      schoolId: child.school_id,
    } as const;
    await auditAs(s, trx, caller, { ...action, detail });
    const [saved] = await finalMarkRows(trx, key);
    const family = await familyOf(trx, child.id);
    for (const userId of familyMembers(family)) {
      await notify(s, trx, {
        userId,
        kind: 'mark',
        title: `Итоговая оценка: ${saved?.subject_name ?? ''}`,
        body: `${child.first_name}: ${spokenValue(body.value)} за ${period.name}`,
        childId: child.id,
        targetId: row.id,
      });
    }
    await bumpVersions(trx, [`child:${child.id}`]);
  });
  const [saved] = await finalMarkRows(s.db, key);
  if (!saved) throw notFound();
  return finalMarkView(saved);
}
