import { addDays, type AbsenceNotice } from '@school-diary/core';
import { signedIn, visibleChild, type MemoryHandler } from './memory-access';
import { MemoryApiError } from './memory-diary';

const MAX_DAYS = 31;

/**
 * The memory client's answers for absences reported ahead: a parent reports one for their own
 * child (dates checked as the server checks them) and the family lists them. Teachers acknowledge
 * them through `client.memory.acknowledgeNotice`; files are not kept (uploads answer 501).
 */
export const ABSENCE_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'absences.report': (diary, request) => {
    const user = signedIn(request);
    if (user.role !== 'parent') throw new MemoryApiError(403, 'forbidden');
    const child = visibleChild(diary, request);
    const body = request.body as {
      from: string;
      to?: string;
      reason: AbsenceNotice['reason'];
      comment?: string;
      lessonIds?: string[];
    };
    const today = diary.now().toISOString().slice(0, 10);
    const invalid = (path: string, code: string, params?: Record<string, string>) =>
      new MemoryApiError(400, 'validation_failed', [{ path, code, ...(params ? { params } : {}) }]);
    if (body.from < today) throw invalid('from', 'past_date');
    const to = body.to ?? body.from;
    const last = addDays(body.from, MAX_DAYS - 1);
    if (to > last) throw invalid('to', 'too_big', { maximum: last });
    const days = diary.data.lessons.filter(
      (l) => l.classId === child.classId && l.date >= body.from && l.date <= to,
    );
    const chosen = body.lessonIds ?? days.map((l) => l.id);
    const lessons = chosen.map((id, i) => {
      const lesson = days.find((l) => l.id === id);
      if (!lesson) throw invalid(`lessonIds.${i}`, 'invalid_option');
      return {
        lessonId: lesson.id,
        date: lesson.date,
        number: lesson.number,
        subjectName: lesson.subjectName,
      };
    });
    const notice: AbsenceNotice = {
      id: diary.id('abs'),
      childId: child.id,
      from: body.from,
      to,
      reason: body.reason,
      ...(body.comment?.trim() ? { comment: body.comment.trim() } : {}),
      lessons,
      chosenLessons: body.lessonIds !== undefined,
      status: 'submitted',
      createdAt: diary.now().toISOString(),
    };
    diary.data.absenceNotices.push(notice);
    return notice;
  },
  'absences.list': (diary, request) => {
    const child = visibleChild(diary, request);
    return {
      items: diary.data.absenceNotices
        .filter((n) => n.childId === child.id)
        .sort((a, b) => b.from.localeCompare(a.from) || b.createdAt.localeCompare(a.createdAt)),
    };
  },
};
