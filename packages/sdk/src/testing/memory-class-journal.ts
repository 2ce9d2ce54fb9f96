import {
  errorMessage,
  finalMark,
  roundAverage,
  weightedAverage,
  type Attendance,
  type Child,
  type Journal,
  type JournalBatch,
  type JournalBatchResult,
  type JournalCell,
  type JournalLesson,
  type JournalRowResult,
  type JournalStudent,
  type Lesson,
  type Mark,
  type User,
  type WorkKind,
} from '@school-diary/core';
import { notFound, signedIn, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

/** What the memory server keeps of the journal beyond the fixtures: lesson settings, batches. */
interface JournalState {
  readonly lessons: Map<string, { topic?: string; weight?: number; kind?: WorkKind }>;
  readonly batches: Map<string, JournalBatchResult>;
  readonly recorded: Map<string, string>;
}

const states = new WeakMap<MemoryDiary, JournalState>();

function stateOf(diary: MemoryDiary): JournalState {
  let state = states.get(diary);
  if (!state) {
    state = { lessons: new Map(), batches: new Map(), recorded: new Map() };
    states.set(diary, state);
  }
  return state;
}

const forbidden = () => new MemoryApiError(403, 'forbidden');

/** The caller's right to a class's journal in a subject: the subject's teacher writes, the admin reads. */
function access(diary: MemoryDiary, user: User, classId: string, subjectId: string): boolean {
  const pupil = diary.data.children.find((c) => c.classId === classId);
  if (!pupil || user.schoolId !== pupil.schoolId) throw notFound();
  if (user.role === 'school_admin') return false;
  const teacher = diary.data.teachers.find((t) => t.id === user.id);
  if (user.role !== 'teacher') throw forbidden();
  // As the server says it: a teacher of the school, but not of this subject.
  if (!teacher?.subjects.some((s) => s.id === subjectId))
    throw new MemoryApiError(403, 'not_teaching');
  return true;
}

const subjectOf = (lesson: Lesson) => lesson.substitution?.subjectId ?? lesson.subjectId;
const rosterOf = (diary: MemoryDiary, classId: string): Child[] =>
  diary.data.children
    .filter((c) => c.classId === classId)
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName, 'ru') || a.firstName.localeCompare(b.firstName, 'ru'),
    );
const cellMarks = (diary: MemoryDiary, subjectId: string, lessonId: string, childId: string) =>
  diary.data.marks.filter(
    (m) => m.lessonId === lessonId && m.childId === childId && m.subjectId === subjectId,
  );
const absenceOf = (a: Attendance | undefined) => (a && a.status !== 'present' ? a.status : null);

function cellOf(
  diary: MemoryDiary,
  subjectId: string,
  lessonId: string,
  childId: string,
): JournalCell {
  const marks = cellMarks(diary, subjectId, lessonId, childId);
  const attendance = diary.data.attendance.find(
    (a) => a.lessonId === lessonId && a.childId === childId,
  );
  const times = [
    ...marks.map((m) => m.updatedAt),
    ...(attendance ? [stateOf(diary).recorded.get(attendance.id) ?? ''] : []),
  ];
  const last = times.reduce((a, b) => (a > b ? a : b), '');
  return {
    childId,
    lessonId,
    marks: marks.map((m) => ({ id: m.id, value: m.value, weight: m.weight, kind: m.kind })),
    absence: absenceOf(attendance),
    version:
      times.length === 0
        ? null
        : `${last}|${marks.map((m) => m.value).join('/')}|${attendance?.status ?? ''}`,
  };
}

function lessonOf(diary: MemoryDiary, lesson: Lesson, subjectId: string): JournalLesson {
  const set = stateOf(diary).lessons.get(lesson.id) ?? {};
  const first = diary.data.marks.find((m) => m.lessonId === lesson.id && m.subjectId === subjectId);
  return {
    id: lesson.id,
    date: lesson.date,
    number: lesson.number,
    ...(set.topic ? { topic: set.topic } : {}),
    homework: lesson.homework.map((h) => h.text),
    homeworkIds: lesson.homework.map((h) => h.id),
    homeworkFiles: lesson.homework.map((h) => h.attachments),
    weight: set.weight ?? first?.weight ?? 1,
    kind: set.kind ?? first?.kind ?? 'classwork',
  };
}

function studentsOf(
  diary: MemoryDiary,
  pupils: readonly Child[],
  subjectId: string,
  range: { from: string; to: string; periodId?: string | undefined },
): JournalStudent[] {
  return pupils.map((p) => {
    const marks = diary.data.marks.filter(
      (m) =>
        m.childId === p.id &&
        m.subjectId === subjectId &&
        m.date >= range.from &&
        m.date <= range.to,
    );
    const raw = weightedAverage(marks);
    const average = raw === null ? null : roundAverage(raw);
    const final = diary.data.finalMarks.find(
      (f) => f.childId === p.id && f.subjectId === subjectId && f.periodId === range.periodId,
    );
    return {
      id: p.id,
      lastName: p.lastName,
      firstName: p.firstName,
      ...(p.middleName ? { middleName: p.middleName } : {}),
      average,
      suggestedFinal: finalMark(average),
      ...(final ? { final: final.value } : {}),
    };
  });
}

function periodOf(
  diary: MemoryDiary,
  schoolId: string | undefined,
  query: Record<string, unknown>,
) {
  const year = diary.data.schoolYears.find((y) => y.schoolId === schoolId);
  const today = diary.now().toISOString().slice(0, 10);
  const dated = query.from !== undefined || query.to !== undefined;
  const period = query.periodId
    ? year?.periods.find((p) => p.id === query.periodId)
    : dated
      ? undefined
      : ([...(year?.periods ?? [])].reverse().find((p) => p.startDate <= today) ??
        year?.periods[0]);
  return {
    periodId: period?.id,
    from: (query.from as string | undefined) ?? period?.startDate ?? year?.startDate ?? today,
    to: (query.to as string | undefined) ?? period?.endDate ?? year?.endDate ?? today,
  };
}

/** Makes a cell hold the row's marks and absence, announcing each mark to the family. */
function writeCell(
  diary: MemoryDiary,
  user: User,
  batch: JournalBatch,
  lesson: JournalLesson,
  row: JournalBatch['rows'][number],
): void {
  const old = cellMarks(diary, batch.subjectId, batch.lessonId, row.childId);
  const at = diary.now().toISOString();
  const family = diary.familyOf(row.childId);
  for (let i = 0; i < Math.max(old.length, row.marks.length); i += 1) {
    const was = old[i];
    const value = row.marks[i];
    if (was && value !== undefined) {
      if (was.value === value) continue;
      const changed: Mark = { ...was, value, updatedAt: at };
      diary.data.marks.splice(diary.data.marks.indexOf(was), 1, changed);
      diary.publish(family, 'mark.updated', changed, row.childId);
    } else if (value !== undefined) {
      diary.addMark({
        childId: row.childId,
        subjectId: batch.subjectId,
        value,
        kind: lesson.kind,
        weight: lesson.weight,
        date: lesson.date,
        lessonId: lesson.id,
        teacherId: user.id,
        teacherName: `${user.lastName} ${user.firstName.slice(0, 1)}.`,
        createdAt: new Date(Date.parse(at) + i).toISOString(),
      });
    } else if (was) {
      diary.data.marks.splice(diary.data.marks.indexOf(was), 1);
      const data = { id: was.id, childId: was.childId, subjectId: was.subjectId };
      diary.publish(family, 'mark.deleted', data, row.childId);
    }
  }
  const had = diary.data.attendance.find(
    (a) => a.lessonId === batch.lessonId && a.childId === row.childId,
  );
  if (absenceOf(had) === row.absence) return;
  const entry: Attendance = had
    ? { ...had, status: row.absence ?? 'present' }
    : {
        id: diary.id('att'),
        childId: row.childId,
        lessonId: lesson.id,
        date: lesson.date,
        lessonNumber: lesson.number,
        subjectId: batch.subjectId,
        subjectName:
          diary.data.lessons.find((l) => l.id === lesson.id)?.subjectName ?? batch.subjectId,
        status: row.absence ?? 'present',
      };
  if (had) diary.data.attendance.splice(diary.data.attendance.indexOf(had), 1, entry);
  else diary.data.attendance.push(entry);
  stateOf(diary).recorded.set(entry.id, at);
}

/** The version a row was written against (`batch:<id>`: as the teacher's earlier batch left it). */
function seenVersion(
  state: JournalState,
  user: User,
  row: JournalBatch['rows'][number],
): string | null | undefined {
  if (!row.seen?.startsWith('batch:')) return row.seen;
  const earlier = state.batches.get(`${user.id}#${row.seen.slice('batch:'.length)}`);
  const result = earlier?.rows.find((r) => r.childId === row.childId);
  const wrote = result?.status === 'saved' || result?.status === 'unchanged';
  return wrote ? result.cell?.version : undefined;
}

/** The memory client's class journal: `journal.get` and `journal.save`, as the server answers them. */
export const CLASS_JOURNAL_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'journal.get': (diary, request): Journal => {
    const user = signedIn(request);
    const classId = request.params.classId ?? '';
    const subjectId = String(request.query.subjectId);
    const writable = access(diary, user, classId, subjectId);
    const pupils = rosterOf(diary, classId);
    const range = periodOf(diary, pupils[0]?.schoolId, request.query);
    const lessons = diary.data.lessons
      .filter(
        (l) =>
          l.classId === classId &&
          subjectOf(l) === subjectId &&
          l.date >= range.from &&
          l.date <= range.to,
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
    const cells = lessons.flatMap((l) =>
      pupils.map((p) => cellOf(diary, subjectId, l.id, p.id)).filter((c) => c.version !== null),
    );
    const subject = diary.data.teachers.flatMap((t) => t.subjects).find((s) => s.id === subjectId);
    return {
      classId,
      className: diary.data.roster.find((r) => r.classId === classId)?.className ?? classId,
      subjectId,
      subjectName: subject?.name ?? lessons[0]?.subjectName ?? subjectId,
      ...(range.periodId ? { periodId: range.periodId } : {}),
      from: range.from,
      to: range.to,
      writable,
      students: studentsOf(diary, pupils, subjectId, range),
      lessons: lessons.map((l) => lessonOf(diary, l, subjectId)),
      cells,
    };
  },

  'journal.save': (diary, request): JournalBatchResult => {
    const user = signedIn(request);
    const batch = request.body as unknown as JournalBatch;
    const classId = request.params.classId ?? '';
    if (!access(diary, user, classId, batch.subjectId)) throw forbidden();
    const state = stateOf(diary);
    const key = `${user.id}#${batch.batchId}`;
    const kept = state.batches.get(key);
    if (kept) return kept;
    const found = diary.data.lessons.find(
      (l) => l.id === batch.lessonId && l.classId === classId && subjectOf(l) === batch.subjectId,
    );
    if (!found)
      throw new MemoryApiError(400, 'validation_failed', [
        {
          path: 'lessonId',
          code: 'invalid_option',
          message: errorMessage('invalid_option', { lang: request.lang, field: 'lessonId' }),
        },
      ]);
    const settings = state.lessons.get(found.id) ?? {};
    state.lessons.set(found.id, {
      ...settings,
      ...(batch.topic !== undefined ? { topic: batch.topic.trim() } : {}),
      ...(batch.weight !== undefined ? { weight: batch.weight } : {}),
      ...(batch.kind !== undefined ? { kind: batch.kind } : {}),
    });
    const lesson = lessonOf(diary, found, batch.subjectId);
    if (batch.weight !== undefined || batch.kind !== undefined)
      for (const mark of diary.data.marks.filter((m) => m.lessonId === found.id)) {
        const changed = { ...mark, weight: lesson.weight, kind: lesson.kind };
        diary.data.marks.splice(diary.data.marks.indexOf(mark), 1, changed);
      }
    const pupils = rosterOf(diary, classId);
    const rows: JournalRowResult[] = batch.rows.map((row) => {
      if (!pupils.some((p) => p.id === row.childId)) {
        const message = errorMessage('invalid_option', { lang: request.lang, field: 'childId' });
        return {
          childId: row.childId,
          status: 'invalid',
          errors: [{ path: 'childId', code: 'invalid_option', message }],
        };
      }
      const cell = cellOf(diary, batch.subjectId, found.id, row.childId);
      const same =
        cell.marks.map((m) => m.value).join('/') === row.marks.join('/') &&
        cell.absence === row.absence;
      if (same) return { childId: row.childId, status: 'unchanged', cell };
      if (cell.version !== seenVersion(state, user, row))
        return { childId: row.childId, status: 'conflict', cell };
      writeCell(diary, user, batch, lesson, row);
      return {
        childId: row.childId,
        status: 'saved',
        cell: cellOf(diary, batch.subjectId, found.id, row.childId),
      };
    });
    const written = pupils.filter((p) =>
      rows.some((r) => r.childId === p.id && r.status === 'saved'),
    );
    const range = periodOf(diary, pupils[0]?.schoolId, { from: lesson.date, to: lesson.date });
    const year = diary.data.schoolYears.find((y) => y.schoolId === pupils[0]?.schoolId);
    const period = year?.periods.find(
      (p) => p.startDate <= lesson.date && lesson.date <= p.endDate,
    );
    const result: JournalBatchResult = {
      batchId: batch.batchId,
      lesson: lessonOf(diary, found, batch.subjectId),
      rows,
      students: studentsOf(diary, written, batch.subjectId, {
        from: period?.startDate ?? range.from,
        to: period?.endDate ?? range.to,
        periodId: period?.id,
      }),
    };
    state.batches.set(key, result);
    const cells = rows.flatMap((r) => (r.status === 'saved' && r.cell ? [r.cell] : []));
    const lessonChanged =
      batch.topic !== undefined || batch.weight !== undefined || batch.kind !== undefined;
    if (cells.length > 0 || lessonChanged) {
      // The teachers of the subject (and the caller's other tabs) hear of the change live.
      const teachers = diary.data.teachers
        .filter((t) => t.subjects.some((s) => s.id === batch.subjectId))
        .map((t) => t.id);
      const data = {
        classId,
        subjectId: batch.subjectId,
        batchId: batch.batchId,
        lesson: result.lesson,
        cells,
      };
      diary.publish([user.id, ...teachers.filter((t) => t !== user.id)], 'journal.updated', data);
    }
    return result;
  },
};
