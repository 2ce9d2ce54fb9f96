import { routeInfo, type RouteInfo } from './route.js';

const FAMILY = ['parent', 'student'] as const;
const STAFF = ['teacher', 'school_admin'] as const;
const EVERYONE = 'authenticated' as const;

/**
 * Every operation of the diary API without its schemas, grouped by resource: method, path, who
 * may call it, and whether it takes a query or a body. It carries no zod, so a client can build
 * its methods from it and load a group's schemas (`routeGroups`) on the group's first call. The
 * full table, `routes`, is this manifest completed by those schemas.
 *
 * @example
 * routeManifest.grades.list.path; // '/api/v1/children/{childId}/grades'
 */
export const routeManifest = {
  auth: {
    register: /* @__PURE__ */ routeInfo('POST /auth/register', 'public', {
      rateLimit: 'auth',
      status: 201,
      body: true,
    }),
    confirmIdentity: /* @__PURE__ */ routeInfo('POST /auth/identity/confirm', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    login: /* @__PURE__ */ routeInfo('POST /auth/login', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    verify: /* @__PURE__ */ routeInfo('POST /auth/verify', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    resend: /* @__PURE__ */ routeInfo('POST /auth/resend', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    refresh: /* @__PURE__ */ routeInfo('POST /auth/refresh', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    logout: /* @__PURE__ */ routeInfo('POST /auth/logout', EVERYONE, {
      responseType: 'none',
      status: 204,
      body: true,
      idempotent: true,
    }),
    me: /* @__PURE__ */ routeInfo('GET /auth/me', EVERYONE),
    recoveryStart: /* @__PURE__ */ routeInfo('POST /auth/recovery', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    sessions: /* @__PURE__ */ routeInfo('GET /auth/sessions', EVERYONE),
    revokeSession: /* @__PURE__ */ routeInfo('DELETE /auth/sessions/{sessionId}', EVERYONE, {
      responseType: 'none',
      status: 204,
    }),
    changePassword: /* @__PURE__ */ routeInfo('POST /auth/password', EVERYONE, {
      rateLimit: 'auth',
      body: true,
      responseType: 'none',
      status: 204,
    }),
    recoveryComplete: /* @__PURE__ */ routeInfo('POST /auth/recovery/complete', 'public', {
      rateLimit: 'auth',
      body: true,
      responseType: 'none',
      status: 204,
    }),
  },
  admin: {
    confirmIdentityInPerson: /* @__PURE__ */ routeInfo(
      'POST /admin/users/{userId}/identity',
      ['school_admin'],
      { body: true },
    ),
    findUser: /* @__PURE__ */ routeInfo('GET /admin/users', ['school_admin'], {
      query: ['phone', 'snils'],
    }),
    guardianClaims: /* @__PURE__ */ routeInfo('GET /admin/guardian-claims', ['school_admin']),
    approveGuardian: /* @__PURE__ */ routeInfo('POST /admin/guardian-claims/{claimId}/approve', [
      'school_admin',
    ]),
  },
  children: {
    list: /* @__PURE__ */ routeInfo('GET /children', FAMILY),
    search: /* @__PURE__ */ routeInfo('GET /children/search', ['parent'], {
      query: ['lastName', 'firstName', 'birthDate'],
    }),
    create: /* @__PURE__ */ routeInfo('POST /children', ['parent'], { status: 201, body: true }),
    get: /* @__PURE__ */ routeInfo('GET /children/{childId}', EVERYONE),
    confirm: /* @__PURE__ */ routeInfo('POST /children/{childId}/confirm', ['parent'], {
      rateLimit: 'auth',
      body: true,
    }),
    schoolLinks: /* @__PURE__ */ routeInfo('GET /children/{childId}/school-links', FAMILY),
    linkSchool: /* @__PURE__ */ routeInfo('POST /children/{childId}/school-links', ['parent'], {
      status: 201,
      body: true,
    }),
    teachers: /* @__PURE__ */ routeInfo('GET /children/{childId}/teachers', FAMILY),
    periods: /* @__PURE__ */ routeInfo('GET /children/{childId}/periods', EVERYONE),
  },
  schools: {
    search: /* @__PURE__ */ routeInfo('GET /schools', 'public', {
      query: ['q', 'region', 'level', 'profile', 'page', 'pageSize'],
    }),
    get: /* @__PURE__ */ routeInfo('GET /schools/{schoolId}', 'public'),
  },
  classes: {
    list: /* @__PURE__ */ routeInfo('GET /classes', STAFF),
    students: /* @__PURE__ */ routeInfo('GET /classes/{classId}/students', STAFF),
    marks: /* @__PURE__ */ routeInfo('GET /classes/{classId}/marks', STAFF, {
      query: ['subjectId', 'from', 'to'],
    }),
  },
  applications: {
    create: /* @__PURE__ */ routeInfo('POST /applications', ['parent'], {
      status: 201,
      body: true,
    }),
    list: /* @__PURE__ */ routeInfo('GET /applications', ['parent', 'school_admin'], {
      query: ['status', 'childId'],
    }),
    get: /* @__PURE__ */ routeInfo('GET /applications/{applicationId}', ['parent', 'school_admin']),
    setStatus: /* @__PURE__ */ routeInfo(
      'POST /applications/{applicationId}/status',
      ['school_admin'],
      { body: true },
    ),
    activate: /* @__PURE__ */ routeInfo('POST /applications/{applicationId}/activate', ['parent'], {
      idempotent: true,
    }),
  },
  grades: {
    list: /* @__PURE__ */ routeInfo('GET /children/{childId}/grades', EVERYONE, {
      query: ['from', 'to', 'subjectId', 'kind', 'periodId'],
    }),
    summary: /* @__PURE__ */ routeInfo('GET /children/{childId}/grades/summary', EVERYONE, {
      query: ['from', 'to', 'periodId'],
    }),
    comparison: /* @__PURE__ */ routeInfo('GET /children/{childId}/grades/comparison', FAMILY),
    csv: /* @__PURE__ */ routeInfo('GET /children/{childId}/grades.csv', FAMILY, {
      query: ['from', 'to', 'subjectId', 'kind', 'periodId', 'delimiter'],
      responseType: 'csv',
    }),
    finalMarks: /* @__PURE__ */ routeInfo('GET /children/{childId}/final-marks', EVERYONE),
    create: /* @__PURE__ */ routeInfo('POST /marks', ['teacher'], { status: 201, body: true }),
    update: /* @__PURE__ */ routeInfo('PATCH /marks/{markId}', ['teacher'], { body: true }),
    remove: /* @__PURE__ */ routeInfo('DELETE /marks/{markId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
    setFinal: /* @__PURE__ */ routeInfo('PUT /final-marks', ['teacher'], { body: true }),
  },
  thresholds: {
    list: /* @__PURE__ */ routeInfo('GET /children/{childId}/thresholds', ['parent']),
    set: /* @__PURE__ */ routeInfo('PUT /children/{childId}/thresholds', ['parent'], {
      body: true,
    }),
    remove: /* @__PURE__ */ routeInfo(
      'DELETE /children/{childId}/thresholds/{thresholdId}',
      ['parent'],
      { responseType: 'none', status: 204 },
    ),
  },
  schedule: {
    week: /* @__PURE__ */ routeInfo('GET /classes/{classId}/timetable', EVERYONE, {
      query: ['week'],
    }),
    setWeek: /* @__PURE__ */ routeInfo('PUT /classes/{classId}/timetable', ['school_admin'], {
      query: ['week'],
      body: true,
    }),
    substitute: /* @__PURE__ */ routeInfo(
      'PUT /lessons/{lessonId}/substitution',
      ['school_admin'],
      { body: true },
    ),
    cancelSubstitution: /* @__PURE__ */ routeInfo(
      'DELETE /lessons/{lessonId}/substitution',
      ['school_admin'],
      { responseType: 'none', status: 204 },
    ),
    substitutions: /* @__PURE__ */ routeInfo('GET /classes/{classId}/substitutions', EVERYONE, {
      query: ['from', 'to'],
    }),
  },
  homework: {
    list: /* @__PURE__ */ routeInfo('GET /children/{childId}/homework', EVERYONE, {
      query: ['from', 'to'],
    }),
    create: /* @__PURE__ */ routeInfo('POST /homework', ['teacher'], { status: 201, body: true }),
    update: /* @__PURE__ */ routeInfo('PATCH /homework/{homeworkId}', ['teacher'], { body: true }),
    remove: /* @__PURE__ */ routeInfo('DELETE /homework/{homeworkId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
  },
  attendance: {
    list: /* @__PURE__ */ routeInfo('GET /children/{childId}/attendance', EVERYONE, {
      query: ['from', 'to', 'periodId'],
    }),
    record: /* @__PURE__ */ routeInfo('PUT /lessons/{lessonId}/attendance', ['teacher'], {
      body: true,
    }),
  },
  threads: {
    list: /* @__PURE__ */ routeInfo('GET /threads', ['parent', 'student', 'teacher'], {
      query: ['childId'],
    }),
    create: /* @__PURE__ */ routeInfo('POST /threads', FAMILY, { status: 201, body: true }),
    messages: /* @__PURE__ */ routeInfo(
      'GET /threads/{threadId}/messages',
      ['parent', 'student', 'teacher'],
      { query: ['before', 'limit'] },
    ),
    send: /* @__PURE__ */ routeInfo(
      'POST /threads/{threadId}/messages',
      ['parent', 'student', 'teacher'],
      { body: true, status: 201, idempotent: true },
    ),
    read: /* @__PURE__ */ routeInfo(
      'POST /threads/{threadId}/read',
      ['parent', 'student', 'teacher'],
      { body: true, idempotent: true },
    ),
    unread: /* @__PURE__ */ routeInfo('GET /threads/unread', ['parent', 'student', 'teacher']),
  },
  attachments: {
    upload: /* @__PURE__ */ routeInfo('POST /attachments', EVERYONE, { upload: true, status: 201 }),
    download: /* @__PURE__ */ routeInfo('GET /attachments/{attachmentId}', EVERYONE, {
      responseType: 'file',
    }),
  },
  notifications: {
    list: /* @__PURE__ */ routeInfo('GET /notifications', EVERYONE, {
      query: ['unread', 'page', 'pageSize'],
    }),
    markRead: /* @__PURE__ */ routeInfo('POST /notifications/{notificationId}/read', EVERYONE, {
      idempotent: true,
    }),
    markAllRead: /* @__PURE__ */ routeInfo('POST /notifications/read-all', EVERYONE, {
      idempotent: true,
    }),
    settings: /* @__PURE__ */ routeInfo('GET /notification-settings', EVERYONE),
    updateSettings: /* @__PURE__ */ routeInfo('PATCH /notification-settings', EVERYONE, {
      body: true,
      idempotent: true,
    }),
  },
  portfolio: {
    list: /* @__PURE__ */ routeInfo('GET /children/{childId}/portfolio', EVERYONE),
    create: /* @__PURE__ */ routeInfo(
      'POST /children/{childId}/portfolio',
      ['parent', 'student', 'teacher'],
      { status: 201, body: true },
    ),
    remove: /* @__PURE__ */ routeInfo('DELETE /portfolio/{itemId}', ['parent', 'teacher'], {
      responseType: 'none',
      status: 204,
    }),
    comment: /* @__PURE__ */ routeInfo('POST /portfolio/{itemId}/comments', ['teacher'], {
      status: 201,
      body: true,
    }),
  },
  news: {
    list: /* @__PURE__ */ routeInfo('GET /schools/{schoolId}/news', EVERYONE, {
      query: ['kind', 'page', 'pageSize'],
    }),
    publish: /* @__PURE__ */ routeInfo('POST /schools/{schoolId}/news', ['school_admin'], {
      status: 201,
      body: true,
    }),
    remove: /* @__PURE__ */ routeInfo('DELETE /news/{newsId}', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
  },
  notes: {
    list: /* @__PURE__ */ routeInfo('GET /children/{childId}/notes', ['parent']),
    create: /* @__PURE__ */ routeInfo('POST /children/{childId}/notes', ['parent'], {
      status: 201,
      body: true,
    }),
    update: /* @__PURE__ */ routeInfo('PATCH /notes/{noteId}', ['parent'], { body: true }),
    remove: /* @__PURE__ */ routeInfo('DELETE /notes/{noteId}', ['parent'], {
      responseType: 'none',
      status: 204,
    }),
  },
  support: {
    create: /* @__PURE__ */ routeInfo('POST /support/tickets', EVERYONE, {
      status: 201,
      body: true,
    }),
    list: /* @__PURE__ */ routeInfo('GET /support/tickets', EVERYONE),
    get: /* @__PURE__ */ routeInfo('GET /support/tickets/{ticketId}', EVERYONE),
    reply: /* @__PURE__ */ routeInfo('POST /support/tickets/{ticketId}/replies', EVERYONE, {
      body: true,
    }),
    setStatus: /* @__PURE__ */ routeInfo(
      'POST /support/tickets/{ticketId}/status',
      ['school_admin'],
      { body: true },
    ),
  },
  audit: {
    list: /* @__PURE__ */ routeInfo('GET /schools/{schoolId}/audit', ['school_admin'], {
      query: ['from', 'to', 'action', 'outcome', 'page', 'pageSize'],
    }),
  },
  events: {
    stream: /* @__PURE__ */ routeInfo('GET /events', EVERYONE, { responseType: 'event-stream' }),
  },
  dev: {
    sentMessages: /* @__PURE__ */ routeInfo('GET /dev/outbox', 'public', { devOnly: true }),
  },
} as const;

/**
 * The manifest's type.
 *
 * @example
 * type Groups = keyof RouteManifest; // 'auth' | 'children' | 'grades' | …
 */
export type RouteManifest = typeof routeManifest;

/**
 * Every operation of the manifest with its group and name, in table order.
 *
 * @example
 * for (const { group, name, info } of listRouteInfos()) console.log(group, name, info.path);
 */
export function listRouteInfos(): { group: string; name: string; info: RouteInfo }[] {
  return Object.entries(routeManifest).flatMap(([group, entries]) =>
    Object.entries(entries).map(([name, info]) => ({ group, name, info: info as RouteInfo })),
  );
}
