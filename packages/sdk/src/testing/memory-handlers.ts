import {
  ATTENDANCE_STATUSES,
  defaultNotificationSettings,
  marksToCsv,
  roundAverage,
  summarizeBySubject,
  type Attendance,
  type Child,
  type Mark,
  type Message,
  type NotificationKind,
  type NotificationSettings,
  type User,
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
import { CLASS_JOURNAL_HANDLERS } from './memory-class-journal';
import { CHILD_CARD_HANDLERS } from './memory-child-card';
import { CHILD_HISTORY_HANDLERS } from './memory-child-history';
import { ENROLMENT_HANDLERS } from './memory-enrolment';
import { JOURNAL_HANDLERS } from './memory-journal';
import { PORTFOLIO_HANDLERS } from './memory-portfolio';
import { SUPPORT_HANDLERS } from './memory-support';
import { ABSENCE_HANDLERS } from './memory-absences';
import { ASSESSMENT_HANDLERS } from './memory-assessments';
import { MARK_HANDLERS, recordMarkChange } from './memory-marks';
import { ACCOUNT_HANDLERS } from './memory-account';
import { HANDOFF_HANDLERS } from './memory-handoff';
import { NEWS_HANDLERS } from './memory-news';
import { AUDIT_HANDLERS } from './memory-audit';
import { ADMIN_HANDLERS } from './memory-admin';
import { SUBSTITUTION_HANDLERS } from './memory-substitutions';
import { SETUP_HANDLERS } from './memory-setup';
import { IMPORT_HANDLERS } from './memory-imports';

export type { MemoryHandler, MemoryRequest } from './memory-access';

function periodRange(diary: MemoryDiary, child: Child, query: Record<string, unknown>) {
  const year = diary.data.schoolYears.find((y) => y.schoolId === child.schoolId);
  const today = diary.now().toISOString().slice(0, 10);
  const period =
    year?.periods.find((p) => p.id === query.periodId) ??
    year?.periods.find((p) => p.startDate <= today && today <= p.endDate) ??
    year?.periods.at(-1);
  return {
    periodId: period?.id,
    from: (query.from as string | undefined) ?? period?.startDate ?? today,
    to: (query.to as string | undefined) ?? period?.endDate ?? today,
  };
}

/** A user's notification settings: what they changed, else core's defaults for their role. */
function settingsOf(diary: MemoryDiary, user: User): NotificationSettings {
  return diary.data.notificationSettings[user.id] ?? defaultNotificationSettings(user.role);
}

const byDate = (a: Mark, b: Mark) =>
  a.date.localeCompare(b.date) ||
  a.createdAt.localeCompare(b.createdAt) ||
  a.id.localeCompare(b.id);

function marksOf(diary: MemoryDiary, request: MemoryRequest): Mark[] {
  const child = visibleChild(diary, request);
  const q = request.query;
  return diary.data.marks
    .filter(
      (m) =>
        m.childId === child.id &&
        inRange(m.date, q) &&
        (!q.subjectId || m.subjectId === q.subjectId) &&
        (!q.kind || m.kind === q.kind) &&
        (!q.periodId || m.periodId === q.periodId),
    )
    .sort(byDate);
}

function ownMark(diary: MemoryDiary, request: MemoryRequest): Mark {
  const user = signedIn(request);
  const mark = diary.data.marks.find((m) => m.id === request.params.markId);
  if (!mark || mark.teacherId !== user.id) throw notFound();
  return mark;
}

function threadOf(diary: MemoryDiary, request: MemoryRequest) {
  const user = signedIn(request);
  const thread = diary.data.threads.find((t) => t.id === request.params.threadId);
  if (!thread || ![thread.teacherId, thread.participantId].includes(user.id)) throw notFound();
  return thread;
}

function unread(diary: MemoryDiary, user: User) {
  const threads = diary.data.threads
    .filter((t) => [t.teacherId, t.participantId].includes(user.id))
    .map((t) => ({
      threadId: t.id,
      unreadCount: diary.data.messages.filter(
        (m) =>
          m.threadId === t.id &&
          m.authorId !== user.id &&
          !m.readBy.some((r) => r.userId === user.id),
      ).length,
    }))
    .filter((t) => t.unreadCount > 0);
  return { total: threads.reduce((sum, t) => sum + t.unreadCount, 0), threads };
}

/**
 * The operations a memory client serves, by `group.name` of core's route table: every operation
 * the widgets call (sign-in and recovery, children and school links, the registry, applications,
 * marks, thresholds, timetable and substitutions (set and removed by the school admin), homework,
 * attendance and absences reported ahead, news (published and removed by the school admin), chat,
 * notifications, support, portfolio and uploads, a school's audit log, one's own account, the QR
 * hand-off to another device, and the school admin's `setup.*`: school years, holidays, classes,
 * subjects, staff, roster, bells, rounding and the repeating week; and the admin's identity desk:
 * `admin.*`, a parent found and confirmed in person, guardian claims approved). The rest (notes,
 * downloads) answer 501 naming the operation.
 */
export const MEMORY_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'auth.login': (diary, { body }) => diary.challenge(String(body.phone), String(body.password)),
  'auth.resend': (diary, { body }) => diary.resend(String(body.challengeId)),
  'auth.verify': (diary, { body }) => diary.verify(String(body.challengeId), String(body.code)),
  'auth.refresh': (diary, { body }) => diary.refresh(String(body.refreshToken)),
  'auth.logout': (diary, { family }) => {
    if (family) diary.revoke(family);
    return undefined;
  },
  'auth.me': (_diary, request) => signedIn(request),

  'children.list': (diary, request) => {
    const user = signedIn(request);
    const ids = diary.data.family.filter((f) => f.userId === user.id).map((f) => f.childId);
    return { items: diary.data.children.filter((c) => ids.includes(c.id)) };
  },
  'children.get': (diary, request) => visibleChild(diary, request),
  'children.periods': (diary, request) => {
    const child = visibleChild(diary, request);
    const year = diary.data.schoolYears.find((y) => y.schoolId === child.schoolId);
    if (!year) throw notFound();
    return year;
  },
  'children.teachers': (diary, request) => {
    const child = visibleChild(diary, request);
    const ids = new Set(
      diary.data.lessons.filter((l) => l.classId === child.classId).map((l) => l.teacherId),
    );
    return { items: diary.data.teachers.filter((t) => ids.has(t.id)) };
  },

  'grades.list': (diary, request) => ({ items: marksOf(diary, request) }),
  'grades.summary': (diary, request) => {
    const child = visibleChild(diary, request);
    const range = periodRange(diary, child, request.query);
    const marks = diary.data.marks.filter((m) => m.childId === child.id);
    const subjects = summarizeBySubject(marks, { from: range.from, to: range.to }).map((s) => {
      const fixed = diary.data.finalMarks.find(
        (f) =>
          f.childId === child.id &&
          f.periodId === range.periodId &&
          f.subjectName === s.subjectName,
      );
      return {
        subjectId: s.subjectId,
        subjectName: s.subjectName,
        count: s.count,
        arithmeticAverage: s.arithmeticAverage === null ? null : roundAverage(s.arithmeticAverage),
        weightedAverage: s.weightedAverage === null ? null : roundAverage(s.weightedAverage),
        finalMark: s.finalMark,
        ...(fixed ? { fixedFinalMark: fixed.value } : {}),
      };
    });
    return {
      childId: child.id,
      ...(range.periodId ? { periodId: range.periodId } : {}),
      from: range.from,
      to: range.to,
      subjects,
    };
  },
  'grades.finalMarks': (diary, request) => {
    const child = visibleChild(diary, request);
    return { items: diary.data.finalMarks.filter((f) => f.childId === child.id) };
  },
  'grades.csv': (diary, request) =>
    marksToCsv(
      marksOf(diary, request).map((m) => ({
        date: m.date,
        subject: m.subjectName,
        value: m.value,
        weight: m.weight,
        kind: m.kind,
        ...(m.comment ? { comment: m.comment } : {}),
        teacher: m.teacherName,
      })),
      { delimiter: request.query.delimiter === ';' ? ';' : ',', lang: request.lang },
    ),
  'grades.create': (diary, request) => {
    const user = signedIn(request);
    visibleChild(diary, request);
    const { body } = request;
    return diary.addMark({
      ...(body as Pick<Mark, 'childId' | 'subjectId' | 'value' | 'kind' | 'date' | 'weight'>),
      teacherId: user.id,
      teacherName: `${user.lastName} ${user.firstName.slice(0, 1)}.`,
    });
  },
  'grades.update': (diary, request) => {
    const mark = ownMark(diary, request);
    const changed: Mark = {
      ...mark,
      ...(request.body as Partial<Mark>),
      updatedAt: diary.now().toISOString(),
    };
    diary.data.marks.splice(diary.data.marks.indexOf(mark), 1, changed);
    if (changed.value !== mark.value)
      recordMarkChange(diary, changed, { action: 'updated', from: mark.value, to: changed.value });
    diary.publish(diary.familyOf(mark.childId), 'mark.updated', changed, mark.childId);
    return changed;
  },
  'grades.remove': (diary, request) => {
    const mark = ownMark(diary, request);
    diary.data.marks.splice(diary.data.marks.indexOf(mark), 1);
    recordMarkChange(diary, mark, { action: 'deleted', from: mark.value });
    const data = { id: mark.id, childId: mark.childId, subjectId: mark.subjectId };
    diary.publish(diary.familyOf(mark.childId), 'mark.deleted', data, mark.childId);
    return undefined;
  },

  'schedule.week': (diary, request) => {
    signedIn(request);
    const { classId } = request.params;
    const week = String(request.query.week);
    const lessons = diary.data.lessons.filter(
      (l) => l.classId === classId && isoWeekOf(l.date) === week,
    );
    const dates = [...new Set(lessons.map((l) => l.date))].sort();
    return {
      classId,
      week,
      days: dates.map((date) => ({
        date,
        lessons: lessons.filter((l) => l.date === date).sort((a, b) => a.number - b.number),
      })),
    };
  },
  'homework.list': (diary, request) => {
    const child = visibleChild(diary, request);
    return {
      items: diary.data.homework
        .filter((h) => h.classId === child.classId && inRange(h.dueDate, request.query))
        .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
        .map((h) => ({ ...h, done: isDone(diary, child.id, h.id) })),
    };
  },
  'homework.setDone': (diary, request) => {
    const user = signedIn(request);
    const child = visibleChild(diary, request);
    if (user.role !== 'parent' && user.role !== 'student')
      throw new MemoryApiError(403, 'forbidden');
    const { done } = request.body as { done?: unknown };
    if (typeof done !== 'boolean')
      throw new MemoryApiError(400, 'validation_failed', [{ path: 'done', code: 'format' }]);
    const found = diary.data.homework.find(
      (h) => h.id === request.params.homeworkId && h.classId === child.classId,
    );
    if (!found) throw notFound();
    const ticks = diary.data.homeworkDone;
    const at = ticks.findIndex((t) => t.childId === child.id && t.homeworkId === found.id);
    if (done && at < 0) ticks.push({ childId: child.id, homeworkId: found.id });
    if (!done && at >= 0) ticks.splice(at, 1);
    const ticked = { ...found, done };
    diary.publish(diary.familyOf(child.id), 'homework.done', ticked, child.id);
    return ticked;
  },
  'attendance.list': (diary, request) => {
    const child = visibleChild(diary, request);
    const items = diary.data.attendance.filter(
      (a) => a.childId === child.id && inRange(a.date, request.query),
    );
    const totals = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, 0])) as Record<
      Attendance['status'],
      number
    >;
    for (const a of items) totals[a.status] += 1;
    return { items, totals };
  },

  'threads.list': (diary, request) => {
    const user = signedIn(request);
    const counts = new Map(unread(diary, user).threads.map((t) => [t.threadId, t.unreadCount]));
    return {
      items: diary.data.threads
        .filter((t) => [t.teacherId, t.participantId].includes(user.id))
        .filter((t) => !request.query.childId || t.childId === request.query.childId)
        .map((t) => ({ ...t, unreadCount: counts.get(t.id) ?? 0 })),
    };
  },
  'threads.messages': (diary, request) => {
    const thread = threadOf(diary, request);
    const all = diary.data.messages.filter((m) => m.threadId === thread.id);
    const end = request.query.before
      ? all.findIndex((m) => m.id === request.query.before)
      : all.length;
    const limit = Number(request.query.limit ?? 50);
    const upTo = end < 0 ? all.length : end;
    return { items: all.slice(Math.max(0, upTo - limit), upTo), hasMore: upTo > limit };
  },
  'threads.send': (diary, request) => {
    const user = signedIn(request);
    const thread = threadOf(diary, request);
    const { id, text } = request.body as { id: string; text: string };
    const existing = diary.data.messages.find((m) => m.id === id);
    if (existing) return existing;
    const message: Message = {
      id,
      threadId: thread.id,
      authorId: user.id,
      authorName: [user.lastName, user.firstName, user.middleName].filter(Boolean).join(' '),
      authorRole: user.role,
      text,
      attachments: [],
      sentAt: diary.now().toISOString(),
      readBy: [],
    };
    return diary.addMessage(message);
  },
  'threads.read': (diary, request) => {
    const user = signedIn(request);
    const thread = threadOf(diary, request);
    for (const m of diary.data.messages)
      if (
        m.threadId === thread.id &&
        m.authorId !== user.id &&
        !m.readBy.some((r) => r.userId === user.id)
      )
        m.readBy.push({ userId: user.id, readAt: diary.now().toISOString() });
    return unread(diary, user);
  },
  'threads.unread': (diary, request) => unread(diary, signedIn(request)),

  'notifications.list': (diary, request) => {
    const user = signedIn(request);
    const page = Number(request.query.page ?? 1);
    const pageSize = Number(request.query.pageSize ?? 20);
    const all = diary.data.notifications
      .filter((n) => n.userId === user.id && (!request.query.unread || !n.readAt))
      .map(({ userId: _userId, ...n }) => n);
    return {
      items: all.slice((page - 1) * pageSize, page * pageSize),
      total: all.length,
      page,
      pageSize,
    };
  },
  'notifications.markRead': (diary, request) => {
    const user = signedIn(request);
    const found = diary.data.notifications.find(
      (n) => n.userId === user.id && n.id === request.params.notificationId,
    );
    if (!found) throw notFound();
    const read = { ...found, readAt: found.readAt ?? diary.now().toISOString() };
    diary.data.notifications.splice(diary.data.notifications.indexOf(found), 1, read);
    const { userId: _userId, ...notification } = read;
    return notification;
  },
  'notifications.markAllRead': (diary, request) => {
    const user = signedIn(request);
    const at = diary.now().toISOString();
    diary.data.notifications.forEach((n, i, all) => {
      if (n.userId === user.id && !n.readAt) all[i] = { ...n, readAt: at };
    });
    return { ok: true };
  },
  'notifications.settings': (diary, request) => settingsOf(diary, signedIn(request)),
  'notifications.updateSettings': (diary, request) => {
    const user = signedIn(request);
    const current = settingsOf(diary, user);
    const patch = request.body as {
      kinds?: Partial<
        Record<NotificationKind, Partial<NotificationSettings['kinds'][NotificationKind]>>
      >;
      digest?: NotificationSettings['digest'];
      quietHours?: NotificationSettings['quietHours'] | null;
      assessmentReminderDays?: number;
    };
    const kinds = { ...current.kinds };
    for (const [kind, change] of Object.entries(patch.kinds ?? {}))
      kinds[kind as NotificationKind] = { ...kinds[kind as NotificationKind], ...change };
    const quietHours = patch.quietHours === undefined ? current.quietHours : patch.quietHours;
    const next: NotificationSettings = {
      kinds,
      digest: patch.digest ?? current.digest,
      ...(quietHours ? { quietHours } : {}),
      assessmentReminderDays: patch.assessmentReminderDays ?? current.assessmentReminderDays,
    };
    diary.data.notificationSettings[user.id] = next;
    return next;
  },

  ...ENROLMENT_HANDLERS,
  ...CHILD_CARD_HANDLERS,
  ...CHILD_HISTORY_HANDLERS,
  ...JOURNAL_HANDLERS,
  ...CLASS_JOURNAL_HANDLERS,
  ...SUPPORT_HANDLERS,
  ...ABSENCE_HANDLERS,
  ...ASSESSMENT_HANDLERS,
  ...MARK_HANDLERS,
  ...NEWS_HANDLERS,
  ...AUDIT_HANDLERS,
  ...ACCOUNT_HANDLERS,
  ...HANDOFF_HANDLERS,
  ...PORTFOLIO_HANDLERS,
  ...SETUP_HANDLERS,
  ...IMPORT_HANDLERS,
  ...ADMIN_HANDLERS,
  ...SUBSTITUTION_HANDLERS,
};

/** Whether a child's family ticked homework «сделано». */
function isDone(diary: MemoryDiary, childId: string, homeworkId: string): boolean {
  return diary.data.homeworkDone.some((t) => t.childId === childId && t.homeworkId === homeworkId);
}

/** The ISO week (`2026-W48`) of a date. */
function isoWeekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const firstJan = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - firstJan) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
