import { ASSESSMENT_KINDS, type AssessmentKind, type PlannedAssessment } from '@school-diary/core';
import { inRange, notFound, signedIn, visibleChild, type MemoryHandler } from './memory-access';
import { MemoryApiError, type MemoryDiary } from './memory-diary';

type AssessmentBody = Partial<{
  subjectId: string;
  date: string;
  lessonId: string | null;
  kind: AssessmentKind;
  topic: string;
  weight: number;
}>;

const invalid = (path: string, code: string) =>
  new MemoryApiError(400, 'validation_failed', [{ path, code }]);

const byDate = (a: PlannedAssessment, b: PlannedAssessment) =>
  a.date.localeCompare(b.date) || (a.lessonNumber ?? 0) - (b.lessonNumber ?? 0);

/** The teacher's subject in the class: some lesson of it they teach; 404 otherwise. */
function taught(diary: MemoryDiary, userId: string, classId: string, subjectId: string) {
  const lesson = diary.data.lessons.find(
    (l) => l.classId === classId && l.subjectId === subjectId && l.teacherId === userId,
  );
  if (!lesson) throw notFound();
  return lesson;
}

/** Tells the families of the class's children live. */
function tellClass(
  diary: MemoryDiary,
  classId: string,
  publish: (people: string[], childId: string) => void,
) {
  for (const child of diary.data.children.filter((c) => c.classId === classId))
    publish(diary.familyOf(child.id), child.id);
}

/** The assessment with the body's changes, checked as the server checks them. */
function applied(
  diary: MemoryDiary,
  base: PlannedAssessment,
  body: AssessmentBody,
): PlannedAssessment {
  const today = diary.now().toISOString().slice(0, 10);
  const date = body.date ?? base.date;
  if (date !== base.date && date < today) throw invalid('date', 'past_date');
  if (body.kind !== undefined && !ASSESSMENT_KINDS.includes(body.kind))
    throw invalid('kind', 'invalid_option');
  const topic = body.topic?.trim() ?? base.topic;
  if (!topic) throw invalid('topic', 'required');
  const lessonId =
    body.lessonId !== undefined ? body.lessonId : date === base.date ? base.lessonId : null;
  const lesson = lessonId ? diary.data.lessons.find((l) => l.id === lessonId) : undefined;
  if (lessonId && (lesson?.classId !== base.classId || lesson.date !== date))
    throw invalid('lessonId', 'invalid_option');
  const { lessonId: _lesson, lessonNumber: _number, ...rest } = base;
  return {
    ...rest,
    date,
    kind: body.kind ?? base.kind,
    topic,
    weight: body.weight ?? base.weight,
    ...(lesson ? { lessonId: lesson.id, lessonNumber: lesson.number } : {}),
    updatedAt: diary.now().toISOString(),
  };
}

/** The assessment if the caller teaches its subject in its class. */
function own(diary: MemoryDiary, userId: string, id: string | undefined): PlannedAssessment {
  const found = diary.data.assessments.find((a) => a.id === id);
  if (!found) throw notFound();
  taught(diary, userId, found.classId, found.subjectId);
  return found;
}

/**
 * The memory client's answers for planned tests: the family reads a child's upcoming ones (from
 * the memory clock's today), the class's teachers all of the class's; a teacher of the class and
 * subject plans, changes and cancels them, and the families hear of it live.
 */
export const ASSESSMENT_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'assessments.upcoming': (diary, request) => {
    const child = visibleChild(diary, request);
    const from =
      (request.query.from as string | undefined) ?? diary.now().toISOString().slice(0, 10);
    return {
      items: diary.data.assessments
        .filter((a) => a.classId === child.classId && inRange(a.date, { ...request.query, from }))
        .sort(byDate),
    };
  },
  'assessments.forClass': (diary, request) => {
    signedIn(request);
    const { subjectId } = request.query as { subjectId?: string };
    return {
      items: diary.data.assessments
        .filter(
          (a) =>
            a.classId === request.params.classId &&
            (!subjectId || a.subjectId === subjectId) &&
            inRange(a.date, request.query),
        )
        .sort(byDate),
    };
  },
  'assessments.create': (diary, request) => {
    const user = signedIn(request);
    if (user.role !== 'teacher') throw new MemoryApiError(403, 'forbidden');
    const body = request.body as AssessmentBody & { subjectId: string; date: string };
    const classId = String(request.params.classId);
    const lesson = taught(diary, user.id, classId, body.subjectId);
    if (body.date < diary.now().toISOString().slice(0, 10)) throw invalid('date', 'past_date');
    const at = diary.now().toISOString();
    const base: PlannedAssessment = {
      id: diary.id('asm'),
      classId,
      subjectId: body.subjectId,
      subjectName: lesson.subjectName,
      teacherId: user.id,
      teacherName: lesson.teacherName,
      date: body.date,
      kind: body.kind ?? 'test',
      topic: '',
      weight: 2,
      createdAt: at,
      updatedAt: at,
    };
    const made = applied(diary, base, { ...body, date: undefined });
    diary.data.assessments.push(made);
    tellClass(diary, classId, (people, childId) =>
      diary.publish(people, 'assessment.planned', made, childId),
    );
    return made;
  },
  'assessments.update': (diary, request) => {
    const user = signedIn(request);
    const old = own(diary, user.id, request.params.assessmentId);
    const next = applied(diary, old, request.body as AssessmentBody);
    diary.data.assessments.splice(diary.data.assessments.indexOf(old), 1, next);
    tellClass(diary, old.classId, (people, childId) =>
      diary.publish(people, 'assessment.planned', next, childId),
    );
    return next;
  },
  'assessments.cancel': (diary, request) => {
    const user = signedIn(request);
    const old = own(diary, user.id, request.params.assessmentId);
    diary.data.assessments.splice(diary.data.assessments.indexOf(old), 1);
    const data = { id: old.id, classId: old.classId };
    tellClass(diary, old.classId, (people, childId) =>
      diary.publish(people, 'assessment.cancelled', data, childId),
    );
    return undefined;
  },
};
