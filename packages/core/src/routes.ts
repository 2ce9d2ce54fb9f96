import { z } from 'zod/mini';
import { route, type RouteSpec } from './route';
import {
  applicationInputSchema,
  applicationQuerySchema,
  applicationSchema,
  applicationStatusInputSchema,
} from './schemas/application';
import { attachmentSchema } from './schemas/attachment';
import {
  attendanceInputSchema,
  attendanceListSchema,
  attendanceQuerySchema,
} from './schemas/attendance';
import { schoolYearInfoSchema } from './schemas/calendar';
import {
  messageInputSchema,
  messagePageSchema,
  messageQuerySchema,
  messageSchema,
  readInputSchema,
  threadInputSchema,
  threadQuerySchema,
  threadSchema,
  unreadSchema,
} from './schemas/chat';
import {
  childCreatedSchema,
  childInputSchema,
  childSchema,
  childSearchQuerySchema,
} from './schemas/child';
import { idSchema, listOf, okSchema, pageOf } from './schemas/common';
import {
  classMarksQuerySchema,
  finalMarkInputSchema,
  finalMarkSchema,
  gradeSummaryQuerySchema,
  gradeSummarySchema,
  markCsvQuerySchema,
  markInputSchema,
  markPatchSchema,
  markQuerySchema,
  markSchema,
  thresholdInputSchema,
  thresholdSchema,
  yearComparisonSchema,
} from './schemas/mark';
import {
  journalNoteInputSchema,
  journalNotePatchSchema,
  journalNoteSchema,
  newsInputSchema,
  newsItemSchema,
  newsQuerySchema,
} from './schemas/news';
import {
  notificationQuerySchema,
  notificationSchema,
  notificationSettingsPatchSchema,
  notificationSettingsSchema,
} from './schemas/notification';
import {
  portfolioCommentInputSchema,
  portfolioInputSchema,
  portfolioItemSchema,
} from './schemas/portfolio';
import {
  classSchema,
  schoolLinkInputSchema,
  schoolLinkSchema,
  schoolSchema,
  schoolSearchQuerySchema,
  teacherSchema,
} from './schemas/school';
import {
  auditEntrySchema,
  auditQuerySchema,
  outboxEntrySchema,
  ticketInputSchema,
  ticketReplyInputSchema,
  ticketSchema,
  ticketStatusInputSchema,
} from './schemas/support';
import {
  homeworkInputSchema,
  homeworkPatchSchema,
  homeworkQuerySchema,
  homeworkSchema,
  substitutionInputSchema,
  substitutionQuerySchema,
  substitutionSchema,
  weekQuerySchema,
  weekTimetableInputSchema,
  weekTimetableSchema,
} from './schemas/timetable';
import {
  challengeSchema,
  confirmInPersonInputSchema,
  loginInputSchema,
  logoutInputSchema,
  recoveryCompleteInputSchema,
  recoveryStartInputSchema,
  refreshInputSchema,
  registerInputSchema,
  registerResultSchema,
  resendInputSchema,
  sessionSchema,
  userSchema,
  verifyInputSchema,
} from './schemas/user';

const FAMILY = ['parent', 'student'] as const;
const STAFF = ['teacher', 'school_admin'] as const;
const EVERYONE = 'authenticated' as const;

/**
 * Every operation of the diary API, grouped by resource. The server registers its handlers from
 * this table, the SDK derives `client.<group>.<operation>()` from it, and `docs/openapi.json` is
 * written from it. Ownership (whose child, which class) is checked by the server on top of the
 * roles listed in `access`.
 */
export const routes = {
  auth: {
    register: /* @__PURE__ */ route('POST /auth/register', 'public', {
      rateLimit: 'auth',
      status: 201,
      body: registerInputSchema,
      response: registerResultSchema,
    }),
    confirmIdentity: /* @__PURE__ */ route('POST /auth/identity/confirm', 'public', {
      rateLimit: 'auth',
      body: verifyInputSchema,
      response: userSchema,
    }),
    login: /* @__PURE__ */ route('POST /auth/login', 'public', {
      rateLimit: 'auth',
      body: loginInputSchema,
      response: challengeSchema,
    }),
    verify: /* @__PURE__ */ route('POST /auth/verify', 'public', {
      rateLimit: 'auth',
      body: verifyInputSchema,
      response: sessionSchema,
    }),
    resend: /* @__PURE__ */ route('POST /auth/resend', 'public', {
      rateLimit: 'auth',
      body: resendInputSchema,
      response: challengeSchema,
    }),
    refresh: /* @__PURE__ */ route('POST /auth/refresh', 'public', {
      rateLimit: 'auth',
      body: refreshInputSchema,
      response: sessionSchema,
    }),
    logout: /* @__PURE__ */ route('POST /auth/logout', EVERYONE, {
      responseType: 'none',
      status: 204,
      body: logoutInputSchema,
      idempotent: true,
    }),
    me: /* @__PURE__ */ route('GET /auth/me', EVERYONE, {
      response: userSchema,
    }),
    recoveryStart: /* @__PURE__ */ route('POST /auth/recovery', 'public', {
      rateLimit: 'auth',
      body: recoveryStartInputSchema,
      response: challengeSchema,
    }),
    recoveryComplete: /* @__PURE__ */ route('POST /auth/recovery/complete', 'public', {
      rateLimit: 'auth',
      body: recoveryCompleteInputSchema,
      responseType: 'none',
      status: 204,
    }),
  },
  admin: {
    confirmIdentityInPerson: /* @__PURE__ */ route(
      'POST /admin/users/{userId}/identity',
      ['school_admin'],
      {
        body: confirmInPersonInputSchema,
        response: userSchema,
      },
    ),
    findUser: /* @__PURE__ */ route('GET /admin/users', ['school_admin'], {
      query: /* @__PURE__ */ z.object({ phone: loginInputSchema.shape.phone }),
      response: /* @__PURE__ */ listOf(userSchema),
    }),
  },
  children: {
    list: /* @__PURE__ */ route('GET /children', FAMILY, {
      response: /* @__PURE__ */ listOf(childSchema),
    }),
    search: /* @__PURE__ */ route('GET /children/search', ['parent'], {
      query: childSearchQuerySchema,
      response: /* @__PURE__ */ listOf(childSchema),
    }),
    create: /* @__PURE__ */ route('POST /children', ['parent'], {
      status: 201,
      body: childInputSchema,
      response: childCreatedSchema,
    }),
    get: /* @__PURE__ */ route('GET /children/{childId}', EVERYONE, {
      response: childSchema,
    }),
    confirm: /* @__PURE__ */ route('POST /children/{childId}/confirm', ['parent'], {
      rateLimit: 'auth',
      body: /* @__PURE__ */ z.object({ challengeId: idSchema, code: verifyInputSchema.shape.code }),
      response: childSchema,
    }),
    schoolLinks: /* @__PURE__ */ route('GET /children/{childId}/school-links', FAMILY, {
      response: /* @__PURE__ */ listOf(schoolLinkSchema),
    }),
    linkSchool: /* @__PURE__ */ route('POST /children/{childId}/school-links', ['parent'], {
      status: 201,
      body: schoolLinkInputSchema,
      response: schoolLinkSchema,
    }),
    teachers: /* @__PURE__ */ route('GET /children/{childId}/teachers', FAMILY, {
      response: /* @__PURE__ */ listOf(teacherSchema),
    }),
    periods: /* @__PURE__ */ route('GET /children/{childId}/periods', EVERYONE, {
      response: schoolYearInfoSchema,
    }),
  },
  schools: {
    search: /* @__PURE__ */ route('GET /schools', 'public', {
      query: schoolSearchQuerySchema,
      response: /* @__PURE__ */ pageOf(schoolSchema),
    }),
    get: /* @__PURE__ */ route('GET /schools/{schoolId}', 'public', {
      response: schoolSchema,
    }),
  },
  classes: {
    list: /* @__PURE__ */ route('GET /classes', STAFF, {
      response: /* @__PURE__ */ listOf(classSchema),
    }),
    students: /* @__PURE__ */ route('GET /classes/{classId}/students', STAFF, {
      response: /* @__PURE__ */ listOf(childSchema),
    }),
    marks: /* @__PURE__ */ route('GET /classes/{classId}/marks', STAFF, {
      query: classMarksQuerySchema,
      response: /* @__PURE__ */ listOf(markSchema),
    }),
  },
  applications: {
    create: /* @__PURE__ */ route('POST /applications', ['parent'], {
      status: 201,
      body: applicationInputSchema,
      response: applicationSchema,
    }),
    list: /* @__PURE__ */ route('GET /applications', ['parent', 'school_admin'], {
      query: applicationQuerySchema,
      response: /* @__PURE__ */ listOf(applicationSchema),
    }),
    get: /* @__PURE__ */ route('GET /applications/{applicationId}', ['parent', 'school_admin'], {
      response: applicationSchema,
    }),
    setStatus: /* @__PURE__ */ route(
      'POST /applications/{applicationId}/status',
      ['school_admin'],
      {
        body: applicationStatusInputSchema,
        response: applicationSchema,
      },
    ),
    activate: /* @__PURE__ */ route('POST /applications/{applicationId}/activate', ['parent'], {
      response: applicationSchema,
      idempotent: true,
    }),
  },
  grades: {
    list: /* @__PURE__ */ route('GET /children/{childId}/grades', EVERYONE, {
      query: markQuerySchema,
      response: /* @__PURE__ */ listOf(markSchema),
    }),
    summary: /* @__PURE__ */ route('GET /children/{childId}/grades/summary', EVERYONE, {
      query: gradeSummaryQuerySchema,
      response: gradeSummarySchema,
    }),
    comparison: /* @__PURE__ */ route('GET /children/{childId}/grades/comparison', FAMILY, {
      response: yearComparisonSchema,
    }),
    csv: /* @__PURE__ */ route('GET /children/{childId}/grades.csv', FAMILY, {
      query: markCsvQuerySchema,
      responseType: 'csv',
    }),
    finalMarks: /* @__PURE__ */ route('GET /children/{childId}/final-marks', EVERYONE, {
      response: /* @__PURE__ */ listOf(finalMarkSchema),
    }),
    create: /* @__PURE__ */ route('POST /marks', ['teacher'], {
      status: 201,
      body: markInputSchema,
      response: markSchema,
    }),
    update: /* @__PURE__ */ route('PATCH /marks/{markId}', ['teacher'], {
      body: markPatchSchema,
      response: markSchema,
    }),
    remove: /* @__PURE__ */ route('DELETE /marks/{markId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
    setFinal: /* @__PURE__ */ route('PUT /final-marks', ['teacher'], {
      body: finalMarkInputSchema,
      response: finalMarkSchema,
    }),
  },
  thresholds: {
    list: /* @__PURE__ */ route('GET /children/{childId}/thresholds', ['parent'], {
      response: /* @__PURE__ */ listOf(thresholdSchema),
    }),
    set: /* @__PURE__ */ route('PUT /children/{childId}/thresholds', ['parent'], {
      body: thresholdInputSchema,
      response: thresholdSchema,
    }),
    remove: /* @__PURE__ */ route(
      'DELETE /children/{childId}/thresholds/{thresholdId}',
      ['parent'],
      {
        responseType: 'none',
        status: 204,
      },
    ),
  },
  schedule: {
    week: /* @__PURE__ */ route('GET /classes/{classId}/timetable', EVERYONE, {
      query: weekQuerySchema,
      response: weekTimetableSchema,
    }),
    setWeek: /* @__PURE__ */ route('PUT /classes/{classId}/timetable', ['school_admin'], {
      query: weekQuerySchema,
      body: weekTimetableInputSchema,
      response: weekTimetableSchema,
    }),
    substitute: /* @__PURE__ */ route('PUT /lessons/{lessonId}/substitution', ['school_admin'], {
      body: substitutionInputSchema,
      response: substitutionSchema,
    }),
    cancelSubstitution: /* @__PURE__ */ route(
      'DELETE /lessons/{lessonId}/substitution',
      ['school_admin'],
      {
        responseType: 'none',
        status: 204,
      },
    ),
    substitutions: /* @__PURE__ */ route('GET /classes/{classId}/substitutions', EVERYONE, {
      query: substitutionQuerySchema,
      response: /* @__PURE__ */ listOf(substitutionSchema),
    }),
  },
  homework: {
    list: /* @__PURE__ */ route('GET /children/{childId}/homework', EVERYONE, {
      query: homeworkQuerySchema,
      response: /* @__PURE__ */ listOf(homeworkSchema),
    }),
    create: /* @__PURE__ */ route('POST /homework', ['teacher'], {
      status: 201,
      body: homeworkInputSchema,
      response: homeworkSchema,
    }),
    update: /* @__PURE__ */ route('PATCH /homework/{homeworkId}', ['teacher'], {
      body: homeworkPatchSchema,
      response: homeworkSchema,
    }),
    remove: /* @__PURE__ */ route('DELETE /homework/{homeworkId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
  },
  attendance: {
    list: /* @__PURE__ */ route('GET /children/{childId}/attendance', EVERYONE, {
      query: attendanceQuerySchema,
      response: attendanceListSchema,
    }),
    record: /* @__PURE__ */ route('PUT /lessons/{lessonId}/attendance', ['teacher'], {
      body: attendanceInputSchema,
      response: okSchema,
    }),
  },
  threads: {
    list: /* @__PURE__ */ route('GET /threads', ['parent', 'student', 'teacher'], {
      query: threadQuerySchema,
      response: /* @__PURE__ */ listOf(threadSchema),
    }),
    create: /* @__PURE__ */ route('POST /threads', FAMILY, {
      status: 201,
      body: threadInputSchema,
      response: threadSchema,
    }),
    messages: /* @__PURE__ */ route(
      'GET /threads/{threadId}/messages',
      ['parent', 'student', 'teacher'],
      {
        query: messageQuerySchema,
        response: messagePageSchema,
      },
    ),
    send: /* @__PURE__ */ route(
      'POST /threads/{threadId}/messages',
      ['parent', 'student', 'teacher'],
      {
        body: messageInputSchema,
        response: messageSchema,
        status: 201,
        idempotent: true,
      },
    ),
    read: /* @__PURE__ */ route('POST /threads/{threadId}/read', ['parent', 'student', 'teacher'], {
      body: readInputSchema,
      response: unreadSchema,
      idempotent: true,
    }),
    unread: /* @__PURE__ */ route('GET /threads/unread', ['parent', 'student', 'teacher'], {
      response: unreadSchema,
    }),
  },
  attachments: {
    upload: /* @__PURE__ */ route('POST /attachments', EVERYONE, {
      upload: true,
      status: 201,
      response: attachmentSchema,
    }),
    download: /* @__PURE__ */ route('GET /attachments/{attachmentId}', EVERYONE, {
      responseType: 'file',
    }),
  },
  notifications: {
    list: /* @__PURE__ */ route('GET /notifications', EVERYONE, {
      query: notificationQuerySchema,
      response: /* @__PURE__ */ pageOf(notificationSchema),
    }),
    markRead: /* @__PURE__ */ route('POST /notifications/{notificationId}/read', EVERYONE, {
      response: notificationSchema,
      idempotent: true,
    }),
    markAllRead: /* @__PURE__ */ route('POST /notifications/read-all', EVERYONE, {
      response: okSchema,
      idempotent: true,
    }),
    settings: /* @__PURE__ */ route('GET /notification-settings', EVERYONE, {
      response: notificationSettingsSchema,
    }),
    updateSettings: /* @__PURE__ */ route('PATCH /notification-settings', EVERYONE, {
      body: notificationSettingsPatchSchema,
      response: notificationSettingsSchema,
      idempotent: true,
    }),
  },
  portfolio: {
    list: /* @__PURE__ */ route('GET /children/{childId}/portfolio', EVERYONE, {
      response: /* @__PURE__ */ listOf(portfolioItemSchema),
    }),
    create: /* @__PURE__ */ route(
      'POST /children/{childId}/portfolio',
      ['parent', 'student', 'teacher'],
      {
        status: 201,
        body: portfolioInputSchema,
        response: portfolioItemSchema,
      },
    ),
    remove: /* @__PURE__ */ route('DELETE /portfolio/{itemId}', ['parent', 'teacher'], {
      responseType: 'none',
      status: 204,
    }),
    comment: /* @__PURE__ */ route('POST /portfolio/{itemId}/comments', ['teacher'], {
      status: 201,
      body: portfolioCommentInputSchema,
      response: portfolioItemSchema,
    }),
  },
  news: {
    list: /* @__PURE__ */ route('GET /schools/{schoolId}/news', EVERYONE, {
      query: newsQuerySchema,
      response: /* @__PURE__ */ pageOf(newsItemSchema),
    }),
    publish: /* @__PURE__ */ route('POST /schools/{schoolId}/news', ['school_admin'], {
      status: 201,
      body: newsInputSchema,
      response: newsItemSchema,
    }),
    remove: /* @__PURE__ */ route('DELETE /news/{newsId}', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
  },
  notes: {
    list: /* @__PURE__ */ route('GET /children/{childId}/notes', ['parent'], {
      response: /* @__PURE__ */ listOf(journalNoteSchema),
    }),
    create: /* @__PURE__ */ route('POST /children/{childId}/notes', ['parent'], {
      status: 201,
      body: journalNoteInputSchema,
      response: journalNoteSchema,
    }),
    update: /* @__PURE__ */ route('PATCH /notes/{noteId}', ['parent'], {
      body: journalNotePatchSchema,
      response: journalNoteSchema,
    }),
    remove: /* @__PURE__ */ route('DELETE /notes/{noteId}', ['parent'], {
      responseType: 'none',
      status: 204,
    }),
  },
  support: {
    create: /* @__PURE__ */ route('POST /support/tickets', EVERYONE, {
      status: 201,
      body: ticketInputSchema,
      response: ticketSchema,
    }),
    list: /* @__PURE__ */ route('GET /support/tickets', EVERYONE, {
      response: /* @__PURE__ */ listOf(ticketSchema),
    }),
    get: /* @__PURE__ */ route('GET /support/tickets/{ticketId}', EVERYONE, {
      response: ticketSchema,
    }),
    reply: /* @__PURE__ */ route('POST /support/tickets/{ticketId}/replies', EVERYONE, {
      body: ticketReplyInputSchema,
      response: ticketSchema,
    }),
    setStatus: /* @__PURE__ */ route('POST /support/tickets/{ticketId}/status', ['school_admin'], {
      body: ticketStatusInputSchema,
      response: ticketSchema,
    }),
  },
  audit: {
    list: /* @__PURE__ */ route('GET /schools/{schoolId}/audit', ['school_admin'], {
      query: auditQuerySchema,
      response: /* @__PURE__ */ pageOf(auditEntrySchema),
    }),
  },
  events: {
    stream: /* @__PURE__ */ route('GET /events', EVERYONE, {
      responseType: 'event-stream',
    }),
  },
  dev: {
    outbox: /* @__PURE__ */ route('GET /dev/outbox', 'public', {
      devOnly: true,
      response: /* @__PURE__ */ listOf(outboxEntrySchema),
    }),
  },
} as const;

/** The route table's type. */
export type Routes = typeof routes;
/** A group name of the route table. */
export type RouteGroup = keyof Routes;

/** Every route with its group and name, in table order. */
export function listRoutes(): { group: string; name: string; route: RouteSpec }[] {
  return Object.entries(routes).flatMap(([group, entries]) =>
    Object.entries(entries).map(([name, route]) => ({ group, name, route })),
  );
}
