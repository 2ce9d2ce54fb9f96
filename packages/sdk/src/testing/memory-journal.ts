import {
  type Attachment,
  compareWithPreviousYear,
  type FinalMark,
  type Homework,
  type Thread,
  type Threshold,
} from '@school-diary/core';
import {
  inRange,
  notFound,
  signedIn,
  visibleChild,
  type MemoryHandler,
  type MemoryRequest,
} from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

const fullName = (u: { lastName: string; firstName: string; middleName?: string | undefined }) =>
  [u.lastName, u.firstName, u.middleName].filter(Boolean).join(' ');

/** The previous school year's name: `2026/2027` -> `2025/2026`. */
function previousYearName(name: string): string {
  const [start] = name.split('/');
  const year = Number(start);
  return Number.isInteger(year) ? `${year - 1}/${year}` : name;
}

/** A teacher's own homework, or a 404. */
function ownHomework(diary: MemoryDiary, request: MemoryRequest): Homework {
  const user = signedIn(request);
  const found = diary.data.homework.find((h) => h.id === request.params.homeworkId);
  if (!found || found.teacherId !== user.id) throw notFound();
  return found;
}

/**
 * The files of a homework write: those it already has, and the caller's own unattached uploads
 * (claimed now); anything else is a 400 on `attachmentIds`, as the server answers.
 */
function homeworkFiles(
  diary: MemoryDiary,
  request: MemoryRequest,
  ids: readonly string[],
  had: readonly Attachment[] = [],
): Attachment[] {
  const user = signedIn(request);
  const wanted = [...new Set(ids)];
  const fresh = wanted.filter((id) => !had.some((a) => a.id === id));
  const uploads = fresh.map((id) =>
    diary.data.uploads.find((u) => u.id === id && u.ownerId === user.id && !u.attached),
  );
  if (uploads.some((u) => !u))
    throw new MemoryApiError(400, 'validation_failed', [
      { path: 'attachmentIds', code: 'invalid_option' },
    ]);
  for (const upload of uploads) if (upload) upload.attached = true;
  for (const gone of had.filter((a) => !wanted.includes(a.id))) {
    const upload = diary.data.uploads.find((u) => u.id === gone.id);
    if (upload) upload.attached = false;
  }
  return wanted.flatMap((id) => {
    const known = had.find((a) => a.id === id) ?? diary.data.uploads.find((u) => u.id === id);
    return known
      ? [{ id: known.id, name: known.name, size: known.size, contentType: known.contentType }]
      : [];
  });
}

/** Keeps a lesson's copy of its homework in step with the homework list. */
function syncLessonHomework(diary: MemoryDiary, homework: Homework, removed = false): void {
  for (const lesson of diary.data.lessons) {
    const others = lesson.homework.filter((h) => h.id !== homework.id);
    lesson.homework.splice(0, lesson.homework.length, ...others);
    if (!removed && lesson.id === homework.lessonId) lesson.homework.push(homework);
  }
}

function subjectName(diary: MemoryDiary, subjectId: string): string | undefined {
  for (const teacher of diary.data.teachers)
    for (const subject of teacher.subjects) if (subject.id === subjectId) return subject.name;
  return diary.data.lessons.find((l) => l.subjectId === subjectId)?.subjectName;
}

/**
 * The memory client's answers for the diary beyond plain reads: the comparison with last year,
 * final marks, alert thresholds, substitution history, homework entry and opening a thread.
 */
export const JOURNAL_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'grades.comparison': (diary, request) => {
    const child = visibleChild(diary, request);
    const year = diary.data.schoolYears.find((y) => y.schoolId === child.schoolId);
    if (!year) throw notFound();
    const current = diary.data.marks.filter(
      (m) => m.childId === child.id && m.date >= year.startDate && m.date <= year.endDate,
    );
    const previous = diary.data.previousYearMarks.filter((m) => m.childId === child.id);
    return {
      childId: child.id,
      currentYear: year.name,
      previousYear: previousYearName(year.name),
      subjects: compareWithPreviousYear(current, previous).map((c) => ({
        subjectName: c.subjectName,
        current: c.current,
        previous: c.previous,
        delta: c.delta,
      })),
    };
  },
  'grades.setFinal': (diary, request) => {
    const user = signedIn(request);
    visibleChild(diary, request);
    const body = request.body as Pick<FinalMark, 'childId' | 'subjectId' | 'periodId' | 'value'>;
    const name = subjectName(diary, body.subjectId);
    if (!name) throw new MemoryApiError(404, 'not_found');
    const existing = diary.data.finalMarks.find(
      (f) =>
        f.childId === body.childId &&
        f.subjectId === body.subjectId &&
        f.periodId === body.periodId,
    );
    const mark: FinalMark = {
      id: existing?.id ?? diary.id('fmk'),
      ...body,
      subjectName: name,
      teacherId: user.id,
      updatedAt: diary.now().toISOString(),
    };
    if (existing) diary.data.finalMarks.splice(diary.data.finalMarks.indexOf(existing), 1, mark);
    else diary.data.finalMarks.push(mark);
    return mark;
  },

  'thresholds.list': (diary, request) => {
    const child = visibleChild(diary, request);
    return { items: diary.data.thresholds.filter((t) => t.childId === child.id) };
  },
  'thresholds.set': (diary, request) => {
    const child = visibleChild(diary, request);
    const { subjectId, threshold } = request.body as { subjectId?: string; threshold: number };
    const existing = diary.data.thresholds.find(
      (t) => t.childId === child.id && t.subjectId === subjectId,
    );
    const row: Threshold = {
      id: existing?.id ?? diary.id('thr'),
      childId: child.id,
      ...(subjectId ? { subjectId } : {}),
      threshold,
    };
    if (existing) diary.data.thresholds.splice(diary.data.thresholds.indexOf(existing), 1, row);
    else diary.data.thresholds.push(row);
    return row;
  },
  'thresholds.remove': (diary, request) => {
    const child = visibleChild(diary, request);
    const row = diary.data.thresholds.find(
      (t) => t.id === request.params.thresholdId && t.childId === child.id,
    );
    if (!row) throw notFound();
    diary.data.thresholds.splice(diary.data.thresholds.indexOf(row), 1);
    return undefined;
  },

  'schedule.substitutions': (diary, request) => {
    signedIn(request);
    return {
      items: diary.data.lessons
        .filter((l) => l.classId === request.params.classId && l.substitution)
        .flatMap((l) => (l.substitution ? [l.substitution] : []))
        .filter((s) => inRange(s.date, request.query))
        .sort((a, b) => a.date.localeCompare(b.date) || a.lessonNumber - b.lessonNumber),
    };
  },

  'homework.create': (diary, request) => {
    const user = signedIn(request);
    const body = request.body as Omit<Homework, 'id' | 'subjectName' | 'teacherId'> & {
      attachmentIds?: readonly string[];
    };
    const name = subjectName(diary, body.subjectId);
    if (!name)
      throw new MemoryApiError(400, 'validation_failed', [{ path: 'subjectId', code: 'format' }]);
    const homework: Homework = {
      id: diary.id('hwk'),
      ...(body.lessonId ? { lessonId: body.lessonId } : {}),
      classId: body.classId,
      subjectId: body.subjectId,
      subjectName: name,
      teacherId: user.id,
      text: body.text,
      assignedDate: body.assignedDate,
      dueDate: body.dueDate,
      attachments: homeworkFiles(diary, request, body.attachmentIds ?? []),
    };
    diary.data.homework.push(homework);
    syncLessonHomework(diary, homework);
    for (const child of diary.data.children.filter((c) => c.classId === homework.classId))
      diary.publish(diary.familyOf(child.id), 'homework.created', homework, child.id);
    return homework;
  },
  'homework.update': (diary, request) => {
    const found = ownHomework(diary, request);
    const { attachmentIds, ...patch } = request.body as Partial<Homework> & {
      attachmentIds?: readonly string[];
    };
    const attachments = attachmentIds
      ? homeworkFiles(diary, request, attachmentIds, found.attachments)
      : found.attachments;
    const changed: Homework = { ...found, ...patch, attachments };
    diary.data.homework.splice(diary.data.homework.indexOf(found), 1, changed);
    syncLessonHomework(diary, changed);
    for (const child of diary.data.children.filter((c) => c.classId === changed.classId))
      diary.publish(diary.familyOf(child.id), 'homework.updated', changed, child.id);
    return changed;
  },
  'homework.remove': (diary, request) => {
    const found = ownHomework(diary, request);
    diary.data.homework.splice(diary.data.homework.indexOf(found), 1);
    syncLessonHomework(diary, found, true);
    return undefined;
  },

  'threads.create': (diary, request) => {
    const user = signedIn(request);
    const child = visibleChild(diary, request);
    const body = request.body as { teacherId: string; subjectId?: string; title?: string };
    const teacher = diary.data.teachers.find((t) => t.id === body.teacherId);
    const teachesChild = diary.data.lessons.some(
      (l) => l.classId === child.classId && l.teacherId === body.teacherId,
    );
    if (!teacher || !teachesChild)
      throw new MemoryApiError(400, 'validation_failed', [{ path: 'teacherId', code: 'format' }]);
    const existing = diary.data.threads.find(
      (t) =>
        t.childId === child.id &&
        t.teacherId === teacher.id &&
        t.participantId === user.id &&
        t.subjectId === body.subjectId,
    );
    if (existing) return existing;
    const subject = body.subjectId ? subjectName(diary, body.subjectId) : undefined;
    const thread: Thread = {
      id: diary.id('thr'),
      childId: child.id,
      teacherId: teacher.id,
      teacherName: fullName(diary.data.users.find((u) => u.id === teacher.id) ?? teacher),
      participantId: user.id,
      participantName: fullName(user),
      ...(body.subjectId ? { subjectId: body.subjectId } : {}),
      ...(subject ? { subjectName: subject } : {}),
      title: body.title ?? subject ?? fullName(teacher),
      createdAt: diary.now().toISOString(),
      unreadCount: 0,
    };
    diary.data.threads.push(thread);
    return thread;
  },
};
