import {
  errorMessage,
  headerKey,
  missingTimetableTemplateColumns,
  readTimetableTemplateLine,
  TIMETABLE_TEMPLATE_HEADER,
  timetableLessonChange,
  timetableLessonKey,
  timetableTeacherKey,
  timetableTeacherKeys,
  timetableTemplateLayout,
  timetableTemplateRow,
  todayIn,
  toCsv,
  weeksOf,
  withTimetableLessons,
  type ErrorCode,
  type ImportError,
  type ImportRow,
  type Lang,
  type MessageParams,
  type TemplateLesson,
} from '@school-diary/core';
import type { MemoryDiary } from './memory-diary';
import { setupState } from './memory-setup-state';

/** A lesson of the file as it will go into its class's week, and what it changes there. */
export interface PlannedTimetableLesson {
  readonly classId: string;
  readonly lesson: TemplateLesson;
  readonly existing: TemplateLesson | undefined;
  readonly changes: readonly string[];
}

/** What a timetable file would do to the memory school: rows, errors and lessons to write. */
export interface TimetableCsvPlan {
  readonly errors: ImportError[];
  readonly rows: ImportRow[];
  readonly planned: PlannedTimetableLesson[];
  readonly rowsRead: number;
}

/** The school's staff by each way the template may name them. */
function staffOf(diary: MemoryDiary, schoolId: string): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const u of diary.data.users) {
    if (u.schoolId !== schoolId || (u.role !== 'teacher' && u.role !== 'school_admin')) continue;
    for (const key of new Set(timetableTeacherKeys(u)))
      byKey.set(key, [...(byKey.get(key) ?? []), u.id]);
  }
  return byKey;
}

/**
 * Reads the timetable template with core's line rules and compares it with the memory school's
 * classes' weeks, as the server's timetable import does: each lesson to create, change or leave
 * alone (odd and even weeks each in their own week), or an error — a class, subject or teacher
 * the school does not have, a name two staff members share, a lesson number without a bell, two
 * lessons of a class at one time of one week. (Whether a teacher is in two rooms at once is for
 * the server to say.)
 */
export function planTimetableCsv(
  diary: MemoryDiary,
  schoolId: string,
  file: string,
  table: readonly (readonly string[])[],
  lang: Lang,
): TimetableCsvPlan {
  const state = setupState(diary);
  const plan: TimetableCsvPlan = { errors: [], rows: [], planned: [], rowsRead: 0 };
  const [header = [], ...lines] = table;
  const layout = timetableTemplateLayout(header);
  const error = (
    row: number,
    column: string,
    code: ErrorCode,
    field?: string,
    params?: MessageParams,
  ) =>
    plan.errors.push({
      file,
      row,
      column,
      code,
      message: errorMessage(code, {
        lang,
        ...(field ? { field } : {}),
        ...(params ? { params } : {}),
      }),
    });
  const missing = missingTimetableTemplateColumns(layout);
  for (const column of missing) error(0, column, 'missing_column', undefined, { column });
  if (missing.length > 0) return plan;
  const today = todayIn(diary.now());
  const latest = new Map<string, (typeof state.classes)[number]>();
  for (const c of state.classes)
    if (c.schoolId === schoolId && (latest.get(c.name)?.schoolYear ?? '') < c.schoolYear)
      latest.set(c.name, c);
  const subjects = new Map<string, string>();
  for (const s of state.subjects.filter((x) => x.schoolId === schoolId)) {
    subjects.set(headerKey(s.shortName), s.id);
    subjects.set(headerKey(s.name), s.id);
  }
  const staff = staffOf(diary, schoolId);
  const bells = (state.bells.get(schoolId) ?? []).map((b) => b.number);
  const seen = new Map<string, number>();
  let rowsRead = 0;
  lines.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    rowsRead += 1;
    const read = readTimetableTemplateLine(cells, layout, { lang, today });
    if (!read.ok) {
      for (const e of read.errors) plan.errors.push({ file, row, ...e });
      return;
    }
    const { lesson: line } = read;
    if (!line.inForce) return;
    const key = timetableLessonKey(line);
    const before = plan.errors.length;
    const cls = latest.get(line.className);
    if (!cls)
      error(row, line.columns.className, 'unknown_reference', 'className', {
        value: line.className,
      });
    const subjectId = subjects.get(headerKey(line.subject));
    if (!subjectId)
      error(row, line.columns.subject, 'unknown_reference', 'subject', { value: line.subject });
    const teachers = staff.get(timetableTeacherKey(line.teacher)) ?? [];
    if (teachers.length !== 1)
      error(
        row,
        line.columns.teacher,
        teachers.length === 0 ? 'unknown_reference' : 'duplicate',
        'teacher',
        {
          value: line.teacher,
        },
      );
    if (bells.length > 0 && !bells.includes(line.number))
      error(row, line.columns.number, 'too_big', 'lessonNumber', {
        value: line.number,
        maximum: Math.max(...bells),
      });
    const halves = weeksOf(line).map((w) => `${cls?.id}|${line.weekday}|${line.number}|${w}`);
    const first = halves.map((h) => seen.get(h)).find((r) => r !== undefined);
    if (cls && first !== undefined)
      error(row, line.columns.number, 'duplicate', 'lessonSlot', { value: cls.name, row: first });
    const [teacherId] = teachers;
    if (plan.errors.length > before || !cls || !subjectId || !teacherId) {
      plan.rows.push({ file, row, kind: 'lesson', action: 'error', key, label: key });
      return;
    }
    for (const h of halves) seen.set(h, row);
    const lesson: TemplateLesson = {
      weekday: line.weekday,
      number: line.number,
      subjectId,
      teacherId,
      room: line.room,
      ...(line.week ? { week: line.week } : {}),
    };
    const { existing, changes } = timetableLessonChange(
      lesson,
      state.templates.get(cls.id)?.items ?? [],
    );
    plan.planned.push({ classId: cls.id, lesson, existing, changes });
    const action = !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    plan.rows.push({
      file,
      row,
      kind: 'lesson',
      action,
      key,
      label: `${key} ${line.subject}`,
      ...(action === 'update' ? { changes: [...changes] } : {}),
    });
  });
  return { ...plan, rowsRead };
}

/** Writes a timetable plan without errors into the classes' weeks; answers the lessons written. */
export function applyTimetableCsv(
  diary: MemoryDiary,
  planned: readonly PlannedTimetableLesson[],
): number {
  const state = setupState(diary);
  const changed = new Map<string, TemplateLesson[]>();
  for (const p of planned)
    if (!p.existing || p.changes.length > 0)
      changed.set(p.classId, [...(changed.get(p.classId) ?? []), p.lesson]);
  let written = 0;
  for (const [classId, lessons] of changed) {
    const before = state.templates.get(classId) ?? { items: [], exceptions: [] };
    state.templates.set(classId, {
      items: withTimetableLessons(before.items, lessons),
      exceptions: before.exceptions,
    });
    written += lessons.length;
  }
  return written;
}

/** The memory school's classes' weeks as the timetable template (CSV for Excel, `;`). */
export function timetableCsvOf(diary: MemoryDiary, schoolId: string): string {
  const state = setupState(diary);
  const subject = new Map(state.subjects.map((s) => [s.id, s.name]));
  const teacher = new Map(
    diary.data.users.map((u) => [
      u.id,
      [u.lastName, u.firstName, u.middleName].filter(Boolean).join(' '),
    ]),
  );
  const classes = state.classes
    .filter((c) => c.schoolId === schoolId)
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const order = (l: TemplateLesson) =>
    l.weekday * 1000 + l.number * 10 + (l.week === 'even' ? 1 : 0);
  const lines = classes.flatMap((cls) =>
    [...(state.templates.get(cls.id)?.items ?? [])]
      .sort((a, b) => order(a) - order(b))
      .map((l) =>
        timetableTemplateRow({
          className: cls.name,
          weekday: l.weekday,
          number: l.number,
          subject: subject.get(l.subjectId) ?? '',
          teacher: teacher.get(l.teacherId) ?? '',
          room: l.room,
          week: l.week,
        }),
      ),
  );
  return toCsv([[...TIMETABLE_TEMPLATE_HEADER], ...lines], { delimiter: ';' });
}
