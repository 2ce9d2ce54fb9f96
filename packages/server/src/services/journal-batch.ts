import {
  errorMessage,
  type JournalBatchResult,
  type JournalRowInput,
  type JournalRowResult,
  type Lang,
  type Mark,
  type OutputOf,
  type Routes,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError, fieldError, type RawFieldError } from './domain-error';
import type { Services } from './context';
import {
  absenceOf,
  cellVersion,
  cellView,
  columnOf,
  journalAccess,
  lessonAttendance,
  lessonMarks,
  lessonView,
  studentViews,
  subjectLessons,
  type CellMarkRow,
} from './journal-cells';
import { lessonHomework } from './journal-queries';
import { publishRecorded } from './attendance-live';
import { rosterOf } from './journal-read';
import { markValue, markView } from './journal-views';
import { announceMarkChange, periodAverage, sendAlerts } from './mark-effects';
import { assertMarkDate, oneMark, type Caller } from './mark-writes';
import type { NotifyInput } from './notify';
import { auditAs } from './policy';
import { classCalendar, currentPeriod, periodOn, periodRange } from './school-calendar';
import { bumpVersions } from '../read-cache/versions';

type Db = Kysely<Database>;
type Batch = OutputOf<Routes['journal']['save']['body']>;
type Column = { weight: number; kind: string };

/** What one batch writes inside its transaction, shared by its rows. */
interface BatchWrite {
  readonly s: Services;
  readonly trx: Db;
  readonly caller: Caller;
  readonly batch: Batch;
  readonly lessonDate: string;
  readonly column: Column;
  readonly schoolId: string;
  readonly periods: Parameters<typeof markView>[1];
  readonly alerts: NotifyInput[];
  readonly current: ReturnType<typeof currentPeriod>;
  /** Each pupil's period average before the batch, for the parents' threshold alerts. */
  readonly befores: ReadonlyMap<string, number | null>;
}

const SEEN_BATCH = 'batch:';

const AUDIT_ACTIONS = {
  'mark.created': 'marks.create',
  'mark.updated': 'marks.update',
  'mark.deleted': 'marks.delete',
} as const;

/** 400 naming each row whose pupil appears twice. */
function assertDistinctRows(rows: readonly JournalRowInput[]): void {
  const seen = new Set<string>();
  const fields: RawFieldError[] = [];
  rows.forEach((row, i) => {
    if (seen.has(row.childId))
      fields.push({ path: `rows.${i}.childId`, code: 'already_registered' });
    seen.add(row.childId);
  });
  if (fields.length > 0) throw new DomainError('validation_failed', { fields });
}

const sameContent = (marks: readonly CellMarkRow[], absence: string | null, row: JournalRowInput) =>
  marks.map((m) => m.value).join('/') === row.marks.map(String).join('/') &&
  absence === row.absence;

/**
 * Announces one mark change: its audit entry, notifications and live event; `previous` is a
 * corrected mark's value before, kept in the audit and told to the family («4 → 5»).
 */
async function announce(
  w: BatchWrite,
  child: { id: string; first_name: string },
  type: 'mark.created' | 'mark.updated' | 'mark.deleted',
  mark: Mark,
  previous?: Mark['value'],
): Promise<void> {
  const { s, trx, caller, batch } = w;
  const detail = JSON.stringify({
    childId: child.id,
    subjectId: batch.subjectId,
    lessonId: batch.lessonId,
    batchId: batch.batchId,
    [type === 'mark.deleted' ? 'old' : 'new']: {
      value: mark.value,
      weight: mark.weight,
      kind: mark.kind,
      date: mark.date,
    },
    ...(previous === undefined ? {} : { old: { value: previous } }),
  });
  const target = { target: mark.id, schoolId: w.schoolId, detail };
  await auditAs(s, trx, caller, { action: AUDIT_ACTIONS[type], ...target });
  const before = w.befores.get(child.id) ?? null;
  const change = {
    ...{ type, mark, childFirstName: child.first_name, period: w.current, before },
    previous,
  };
  w.alerts.push(...(await announceMarkChange(s, trx, change)));
}

/** The view of a stored mark, to announce. */
const viewOf = async (w: BatchWrite, markId: string): Promise<Mark> =>
  markView(await oneMark(w.trx, markId), w.periods);

/** Makes a cell's marks the row's: keeps marks in place, changes, adds and removes the rest. */
async function writeMarks(
  w: BatchWrite,
  child: { id: string; first_name: string },
  old: readonly CellMarkRow[],
  values: readonly JournalRowInput['marks'][number][],
): Promise<void> {
  const clock = w.s.clock.now().getTime();
  const now = new Date(clock).toISOString();
  for (let i = 0; i < Math.max(old.length, values.length); i += 1) {
    const was = old[i];
    const value = values[i];
    if (was && value !== undefined) {
      if (was.value === String(value)) continue;
      await w.trx
        .updateTable('marks')
        .set({ value: String(value), updated_at: now })
        .where('id', '=', was.id)
        .execute();
      await announce(w, child, 'mark.updated', await viewOf(w, was.id), markValue(was.value));
    } else if (value !== undefined) {
      const id = w.s.ids('mrk');
      await w.trx
        .insertInto('marks')
        .values({
          id,
          child_id: child.id,
          subject_id: w.batch.subjectId,
          teacher_id: w.caller.user.id,
          lesson_id: w.batch.lessonId,
          value: String(value),
          weight: w.column.weight,
          kind: w.column.kind,
          date: w.lessonDate,
          comment: null,
          // A cell's marks read in the order they were typed («4/5»), within one tick too.
          created_at: new Date(clock + i).toISOString(),
          updated_at: now,
        })
        .execute();
      await announce(w, child, 'mark.created', await viewOf(w, id));
    } else if (was) {
      const gone = await viewOf(w, was.id);
      await w.trx.deleteFrom('marks').where('id', '=', was.id).execute();
      await announce(w, child, 'mark.deleted', gone);
    }
  }
}

/** Makes a cell's absence the row's; clearing one records presence. */
async function writeAbsence(
  w: BatchWrite,
  childId: string,
  had: string | undefined,
  absence: JournalRowInput['absence'],
): Promise<void> {
  if (absenceOf(had) === absence) return;
  const values = {
    status: absence ?? 'present',
    reason: null,
    minutes_late: null,
    recorded_by: w.caller.user.id,
    recorded_at: w.s.clock.now().toISOString(),
  };
  const key = { lesson_id: w.batch.lessonId, child_id: childId, date: w.lessonDate };
  await w.trx
    .insertInto('attendance')
    .values({ id: w.s.ids('att'), ...key, ...values })
    .onConflict((oc) => oc.columns(['lesson_id', 'child_id']).doUpdateSet(values))
    .execute();
  await publishRecorded(w.s, w.trx, { id: w.batch.lessonId, date: w.lessonDate }, childId);
  await bumpVersions(w.trx, [`child:${childId}`]);
}

/** Gives every mark of the lesson the column's weight and kind. */
async function applyColumn(
  w: BatchWrite,
  marks: readonly CellMarkRow[],
  firstNames: Map<string, string>,
) {
  const now = w.s.clock.now().toISOString();
  for (const mark of marks) {
    if (mark.weight === w.column.weight && mark.kind === w.column.kind) continue;
    await w.trx
      .updateTable('marks')
      .set({ weight: w.column.weight, kind: w.column.kind, updated_at: now })
      .where('id', '=', mark.id)
      .execute();
    const child = { id: mark.child_id, first_name: firstNames.get(mark.child_id) ?? '' };
    await announce(w, child, 'mark.updated', await viewOf(w, mark.id));
  }
}

/**
 * Saves a lesson's marks and absences as one batch: each row sets one pupil's cell whole. A row
 * whose cell changed since the version it `saw` is a conflict and answers the current cell; a
 * row whose cell already holds it is unchanged; a pupil of another class is invalid. The answer
 * is kept by the batch's id, so the same batch sent again answers the same and writes nothing.
 *
 * @example
 * await saveJournalBatch(s, { user, ip }, 'cls_42_5a', body, 'ru');
 */
export async function saveJournalBatch(
  s: Services,
  caller: Caller,
  classId: string,
  batch: Batch,
  lang: Lang,
): Promise<JournalBatchResult> {
  const { user } = caller;
  const { cls } = await journalAccess(s, user, classId, batch.subjectId, 'write');
  const kept = await keptAnswer(s, user.id, batch.batchId);
  if (kept) return kept;
  assertDistinctRows(batch.rows);
  const [lesson] = await subjectLessons(s.db, {
    classId,
    subjectId: batch.subjectId,
    from: '0000-01-01',
    to: '9999-12-31',
    lessonId: batch.lessonId,
  });
  if (!lesson) throw fieldError('lessonId', 'invalid_option');
  const calendar = await classCalendar(s, s.db, classId);
  if (batch.rows.length > 0) assertMarkDate(calendar, lesson.date, 'lessonId');
  const pupils = await rosterOf(s, classId);
  const firstNames = new Map(pupils.map((p) => [p.id, p.first_name]));
  const current = calendar ? currentPeriod(calendar) : undefined;
  const range = current ? periodRange(current) : undefined;
  const befores = new Map<string, number | null>();
  for (const row of batch.rows)
    if (firstNames.has(row.childId))
      befores.set(row.childId, await periodAverage(s.db, row.childId, batch.subjectId, range));
  const alerts: NotifyInput[] = [];
  const write = s.db.transaction().execute(async (trx) => {
    const lessonMarksNow = await lessonMarks(trx, batch.subjectId, [lesson.id]);
    const settings = {
      ...(batch.topic !== undefined ? { topic: batch.topic.trim() || null } : {}),
      ...(batch.weight !== undefined ? { mark_weight: batch.weight } : {}),
      ...(batch.kind !== undefined ? { mark_kind: batch.kind } : {}),
    };
    if (Object.keys(settings).length > 0)
      await trx.updateTable('lessons').set(settings).where('id', '=', lesson.id).execute();
    const column = columnOf({ ...lesson, ...settings }, lessonMarksNow);
    const w: BatchWrite = {
      s,
      trx,
      caller,
      batch,
      lessonDate: lesson.date,
      column,
      schoolId: cls.school_id,
      periods: calendar?.periods,
      alerts,
      current,
      befores,
    };
    if (batch.weight !== undefined || batch.kind !== undefined)
      await applyColumn(w, lessonMarksNow, firstNames);
    const rows: JournalRowResult[] = [];
    for (const row of batch.rows) rows.push(await saveRow(w, row, firstNames, lang));
    const written = pupils.filter((p) =>
      rows.some((r) => r.childId === p.id && r.status === 'saved'),
    );
    const period = calendar ? periodOn(calendar.periods, lesson.date) : undefined;
    const students = await studentViews(trx, written, {
      subjectId: batch.subjectId,
      from: period?.start_date ?? calendar?.year.start_date ?? lesson.date,
      to: period?.end_date ?? calendar?.year.end_date ?? lesson.date,
      periodId: period?.id,
    });
    const [after] = await subjectLessons(trx, {
      classId,
      subjectId: batch.subjectId,
      from: lesson.date,
      to: lesson.date,
      lessonId: lesson.id,
    });
    const homework = await lessonHomework(trx, [lesson.id]);
    const lessonNow = lessonView(
      after ?? lesson,
      await lessonMarks(trx, batch.subjectId, [lesson.id]),
      homework,
    );
    const answer: JournalBatchResult = {
      batchId: batch.batchId,
      lesson: lessonNow,
      rows,
      students,
    };
    const lessonBefore = lessonView(lesson, lessonMarksNow, homework);
    const lessonChanged = JSON.stringify(lessonBefore) !== JSON.stringify(lessonNow);
    await publishUpdate(w, classId, answer, lessonChanged);
    await trx
      .insertInto('journal_batches')
      .values({
        teacher_id: user.id,
        id: batch.batchId,
        lesson_id: lesson.id,
        response: JSON.stringify(answer),
        created_at: s.clock.now().toISOString(),
      })
      .execute();
    return answer;
  });
  const result = await write.catch(async (error: unknown) => {
    // The same batch sent twice at once (a reloaded tab beside the old one, a retried request):
    // the other copy committed first and this one rolled back; both answer as it did.
    const first = await keptAnswer(s, user.id, batch.batchId);
    if (!first) throw error;
    alerts.length = 0;
    return first;
  });
  await sendAlerts(s, alerts);
  return result;
}

/** The answer kept for a batch the teacher already sent, if any. */
async function keptAnswer(
  s: Services,
  teacherId: string,
  batchId: string,
): Promise<JournalBatchResult | undefined> {
  const kept = await s.db
    .selectFrom('journal_batches')
    .select('response')
    .where('teacher_id', '=', teacherId)
    .where('id', '=', batchId)
    .executeTakeFirst();
  return kept ? (JSON.parse(kept.response) as JournalBatchResult) : undefined;
}

/**
 * Tells the teachers of the class and subject (the caller's other tabs too) what the batch
 * changed, as `journal.updated`; nothing when it changed nothing.
 */
async function publishUpdate(
  w: BatchWrite,
  classId: string,
  answer: JournalBatchResult,
  lessonChanged: boolean,
): Promise<void> {
  const cells = answer.rows.flatMap((r) => (r.status === 'saved' && r.cell ? [r.cell] : []));
  if (cells.length === 0 && !lessonChanged) return;
  const teachers = await w.trx
    .selectFrom('teaching')
    .select('teacher_id')
    .where('class_id', '=', classId)
    .where('subject_id', '=', w.batch.subjectId)
    .execute();
  await w.s.live.publish(w.trx, {
    recipients: [w.caller.user.id, ...teachers.map((t) => t.teacher_id)],
    type: 'journal.updated',
    data: {
      classId,
      subjectId: w.batch.subjectId,
      batchId: answer.batchId,
      lesson: answer.lesson,
      cells,
    },
  });
}

/**
 * The version a row was written against: as given, or for `batch:<id>` the version the
 * teacher's earlier batch left the cell at (edits queued offline one after another); `undefined`
 * when that batch did not write the cell, so the row is a conflict.
 */
async function seenVersion(
  w: BatchWrite,
  row: JournalRowInput,
): Promise<string | null | undefined> {
  if (!row.seen?.startsWith(SEEN_BATCH)) return row.seen;
  const earlier = await w.trx
    .selectFrom('journal_batches')
    .select('response')
    .where('teacher_id', '=', w.caller.user.id)
    .where('id', '=', row.seen.slice(SEEN_BATCH.length))
    .executeTakeFirst();
  const answer = earlier ? (JSON.parse(earlier.response) as JournalBatchResult) : undefined;
  const result = answer?.rows.find((r) => r.childId === row.childId);
  const wrote = result?.status === 'saved' || result?.status === 'unchanged';
  return wrote && result.cell ? result.cell.version : undefined;
}

/** One row of a batch: invalid, unchanged, a conflict, or saved. */
async function saveRow(
  w: BatchWrite,
  row: JournalRowInput,
  firstNames: ReadonlyMap<string, string>,
  lang: Lang,
): Promise<JournalRowResult> {
  const firstName = firstNames.get(row.childId);
  if (firstName === undefined) {
    const message = errorMessage('invalid_option', { lang, field: 'childId' });
    return {
      childId: row.childId,
      status: 'invalid',
      errors: [{ path: 'childId', code: 'invalid_option', message }],
    };
  }
  const lessonId = w.batch.lessonId;
  const marks = await lessonMarks(w.trx, w.batch.subjectId, [lessonId], [row.childId]);
  const [attendance] = await lessonAttendance(w.trx, [lessonId], [row.childId]);
  const cell = () => cellView(row.childId, lessonId, marks, attendance);
  if (sameContent(marks, absenceOf(attendance?.status), row))
    return { childId: row.childId, status: 'unchanged', cell: cell() };
  if (cellVersion(marks, attendance) !== (await seenVersion(w, row)))
    return { childId: row.childId, status: 'conflict', cell: cell() };
  const child = { id: row.childId, first_name: firstName };
  await writeMarks(w, child, marks, row.marks);
  await writeAbsence(w, row.childId, attendance?.status, row.absence);
  const marksNow = await lessonMarks(w.trx, w.batch.subjectId, [lessonId], [row.childId]);
  const [attendanceNow] = await lessonAttendance(w.trx, [lessonId], [row.childId]);
  return {
    childId: row.childId,
    status: 'saved',
    cell: cellView(row.childId, lessonId, marksNow, attendanceNow),
  };
}
