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
    register: routeInfo('POST /auth/register', 'public', {
      rateLimit: 'auth',
      status: 201,
      body: true,
    }),
    confirmIdentity: routeInfo('POST /auth/identity/confirm', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    login: routeInfo('POST /auth/login', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    verify: routeInfo('POST /auth/verify', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    resend: routeInfo('POST /auth/resend', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    refresh: routeInfo('POST /auth/refresh', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    logout: routeInfo('POST /auth/logout', EVERYONE, {
      responseType: 'none',
      status: 204,
      body: true,
      idempotent: true,
    }),
    me: routeInfo('GET /auth/me', EVERYONE),
    updateMe: routeInfo('PATCH /auth/me', EVERYONE, { body: true }),
    changePhone: routeInfo('POST /auth/me/phone', EVERYONE, { rateLimit: 'auth', body: true }),
    confirmPhone: routeInfo('POST /auth/me/phone/confirm', EVERYONE, {
      rateLimit: 'auth',
      body: true,
    }),
    recoveryStart: routeInfo('POST /auth/recovery', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    sessions: routeInfo('GET /auth/sessions', EVERYONE),
    revokeSession: routeInfo('DELETE /auth/sessions/{sessionId}', EVERYONE, {
      responseType: 'none',
      status: 204,
    }),
    revokeOtherSessions: routeInfo('POST /auth/sessions/revoke-others', EVERYONE, {
      responseType: 'none',
      status: 204,
      idempotent: true,
    }),
    changePassword: routeInfo('POST /auth/password', EVERYONE, {
      rateLimit: 'auth',
      body: true,
      responseType: 'none',
      status: 204,
    }),
    recoveryComplete: routeInfo('POST /auth/recovery/complete', 'public', {
      rateLimit: 'auth',
      body: true,
      responseType: 'none',
      status: 204,
    }),
    createHandoff: routeInfo('POST /auth/handoffs', EVERYONE, { status: 201 }),
    handoff: routeInfo('GET /auth/handoffs/{handoffId}', EVERYONE),
    decideHandoff: routeInfo('POST /auth/handoffs/{handoffId}/decision', EVERYONE, {
      body: true,
    }),
    claimHandoff: routeInfo('POST /auth/handoff/claim', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    redeemHandoff: routeInfo('POST /auth/handoff/redeem', 'public', { body: true }),
    providers: routeInfo('GET /auth/providers', 'public'),
    oidcStart: routeInfo('POST /auth/oidc/start', 'public', { rateLimit: 'auth', body: true }),
    oidcComplete: routeInfo('POST /auth/oidc/complete', 'public', {
      rateLimit: 'auth',
      body: true,
    }),
    oidcLink: routeInfo('POST /auth/oidc/link', 'public', { rateLimit: 'auth', body: true }),
    identities: routeInfo('GET /auth/identities', EVERYONE),
    unlinkIdentity: routeInfo('DELETE /auth/identities/{provider}', EVERYONE, {
      responseType: 'none',
      status: 204,
    }),
  },
  admin: {
    confirmIdentityInPerson: routeInfo('POST /admin/users/{userId}/identity', ['school_admin'], {
      body: true,
    }),
    findUser: routeInfo('GET /admin/users', ['school_admin'], {
      query: ['phone', 'snils'],
    }),
    guardianClaims: routeInfo('GET /admin/guardian-claims', ['school_admin']),
    approveGuardian: routeInfo('POST /admin/guardian-claims/{claimId}/approve', ['school_admin']),
  },
  setup: {
    updateProfile: routeInfo('PATCH /schools/{schoolId}/profile', ['school_admin'], { body: true }),
    schoolYears: routeInfo('GET /schools/{schoolId}/school-years', ['school_admin']),
    createSchoolYear: routeInfo('POST /schools/{schoolId}/school-years', ['school_admin'], {
      status: 201,
      body: true,
    }),
    createClass: routeInfo('POST /schools/{schoolId}/classes', ['school_admin'], {
      status: 201,
      body: true,
    }),
    subjects: routeInfo('GET /schools/{schoolId}/subjects', ['school_admin']),
    createSubject: routeInfo('POST /schools/{schoolId}/subjects', ['school_admin'], {
      status: 201,
      body: true,
    }),
    setTeaching: routeInfo('PUT /classes/{classId}/teaching', ['school_admin'], { body: true }),
    roster: routeInfo('GET /schools/{schoolId}/roster', ['school_admin']),
    addToRoster: routeInfo('POST /schools/{schoolId}/roster', ['school_admin'], {
      status: 201,
      body: true,
    }),
    moveOnRoster: routeInfo('POST /roster/{entryId}/move', ['school_admin'], { body: true }),
    leaveRoster: routeInfo('POST /roster/{entryId}/leave', ['school_admin'], { body: true }),
    inviteStaff: routeInfo('POST /schools/{schoolId}/staff', ['school_admin'], {
      status: 201,
      body: true,
    }),
    staff: routeInfo('GET /schools/{schoolId}/staff', ['school_admin']),
    updateClass: routeInfo('PATCH /classes/{classId}', ['school_admin'], { body: true }),
    removeClass: routeInfo('DELETE /classes/{classId}', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
    updateSubject: routeInfo('PATCH /subjects/{subjectId}', ['school_admin'], { body: true }),
    removeSubject: routeInfo('DELETE /subjects/{subjectId}', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
    updateSchoolYear: routeInfo('PUT /school-years/{schoolYearId}', ['school_admin'], {
      body: true,
    }),
    removeSchoolYear: routeInfo('DELETE /school-years/{schoolYearId}', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
    holidays: routeInfo('GET /school-years/{schoolYearId}/holidays', ['school_admin']),
    setHolidays: routeInfo('PUT /school-years/{schoolYearId}/holidays', ['school_admin'], {
      body: true,
    }),
    bells: routeInfo('GET /schools/{schoolId}/bells', ['school_admin']),
    setBells: routeInfo('PUT /schools/{schoolId}/bells', ['school_admin'], { body: true }),
    rounding: routeInfo('GET /schools/{schoolId}/final-mark-rounding', ['school_admin']),
    setRounding: routeInfo('PUT /schools/{schoolId}/final-mark-rounding', ['school_admin'], {
      body: true,
    }),
    timetableTemplate: routeInfo('GET /classes/{classId}/timetable-template', ['school_admin']),
    setTimetableTemplate: routeInfo('PUT /classes/{classId}/timetable-template', ['school_admin'], {
      body: true,
    }),
    generateTimetable: routeInfo(
      'POST /classes/{classId}/timetable-template/generate',
      ['school_admin'],
      { body: true },
    ),
  },
  imports: {
    preview: routeInfo('POST /schools/{schoolId}/imports/preview', ['school_admin'], {
      upload: true,
      idempotent: true,
      query: ['job'],
    }),
    apply: routeInfo('POST /schools/{schoolId}/imports/apply', ['school_admin'], {
      upload: true,
      idempotent: true,
      query: ['job'],
    }),
    status: routeInfo('GET /schools/{schoolId}/imports/jobs/{jobId}', ['school_admin']),
    cancel: routeInfo('POST /schools/{schoolId}/imports/jobs/{jobId}/cancel', ['school_admin'], {
      idempotent: true,
    }),
    exportRoster: routeInfo('GET /schools/{schoolId}/exports/roster.csv', ['school_admin'], {
      responseType: 'csv',
    }),
    exportTimetable: routeInfo('GET /schools/{schoolId}/exports/timetable.csv', ['school_admin'], {
      responseType: 'csv',
    }),
    exportOneRoster: routeInfo('GET /schools/{schoolId}/exports/oneroster.zip', ['school_admin'], {
      responseType: 'file',
    }),
  },
  children: {
    list: routeInfo('GET /children', FAMILY),
    search: routeInfo('GET /children/search', ['parent'], {
      query: ['lastName', 'firstName', 'birthDate'],
    }),
    create: routeInfo('POST /children', ['parent'], { status: 201, body: true }),
    get: routeInfo('GET /children/{childId}', EVERYONE),
    update: routeInfo('PATCH /children/{childId}', ['parent'], { body: true }),
    confirm: routeInfo('POST /children/{childId}/confirm', ['parent'], {
      rateLimit: 'auth',
      body: true,
    }),
    schoolLinks: routeInfo('GET /children/{childId}/school-links', FAMILY),
    history: routeInfo('GET /children/{childId}/history', FAMILY),
    linkSchool: routeInfo('POST /children/{childId}/school-links', ['parent'], {
      status: 201,
      body: true,
    }),
    startSchoolChange: routeInfo('POST /children/{childId}/school-change', ['parent'], {
      rateLimit: 'auth',
      body: true,
    }),
    confirmSchoolChange: routeInfo('POST /children/{childId}/school-change/confirm', ['parent'], {
      rateLimit: 'auth',
      body: true,
    }),
    teachers: routeInfo('GET /children/{childId}/teachers', FAMILY),
    periods: routeInfo('GET /children/{childId}/periods', EVERYONE),
  },
  schools: {
    search: routeInfo('GET /schools', 'public', {
      query: ['q', 'region', 'level', 'profile', 'page', 'pageSize'],
    }),
    get: routeInfo('GET /schools/{schoolId}', 'public'),
  },
  classes: {
    list: routeInfo('GET /classes', STAFF),
    students: routeInfo('GET /classes/{classId}/students', STAFF),
    marks: routeInfo('GET /classes/{classId}/marks', STAFF, {
      query: ['subjectId', 'from', 'to'],
    }),
  },
  applications: {
    create: routeInfo('POST /applications', ['parent'], {
      status: 201,
      body: true,
    }),
    list: routeInfo('GET /applications', ['parent', 'school_admin'], {
      query: ['status', 'childId'],
    }),
    get: routeInfo('GET /applications/{applicationId}', ['parent', 'school_admin']),
    setStatus: routeInfo('POST /applications/{applicationId}/status', ['school_admin'], {
      body: true,
    }),
    activate: routeInfo('POST /applications/{applicationId}/activate', ['parent'], {
      idempotent: true,
    }),
  },
  grades: {
    list: routeInfo('GET /children/{childId}/grades', EVERYONE, {
      query: ['from', 'to', 'subjectId', 'kind', 'periodId'],
    }),
    summary: routeInfo('GET /children/{childId}/grades/summary', EVERYONE, {
      query: ['from', 'to', 'periodId'],
    }),
    comparison: routeInfo('GET /children/{childId}/grades/comparison', FAMILY),
    csv: routeInfo('GET /children/{childId}/grades.csv', FAMILY, {
      query: ['from', 'to', 'subjectId', 'kind', 'periodId', 'delimiter'],
      responseType: 'csv',
    }),
    reportCard: routeInfo('GET /children/{childId}/report.pdf', EVERYONE, {
      query: ['periodId', 'lang'],
      responseType: 'file',
    }),
    finalMarks: routeInfo('GET /children/{childId}/final-marks', EVERYONE),
    create: routeInfo('POST /marks', ['teacher'], { status: 201, body: true }),
    update: routeInfo('PATCH /marks/{markId}', ['teacher'], { body: true }),
    distribution: routeInfo('GET /marks/{markId}/distribution', EVERYONE),
    history: routeInfo('GET /marks/{markId}/history', EVERYONE),
    remove: routeInfo('DELETE /marks/{markId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
    setFinal: routeInfo('PUT /final-marks', ['teacher'], { body: true }),
  },
  thresholds: {
    list: routeInfo('GET /children/{childId}/thresholds', ['parent']),
    set: routeInfo('PUT /children/{childId}/thresholds', ['parent'], {
      body: true,
    }),
    remove: routeInfo('DELETE /children/{childId}/thresholds/{thresholdId}', ['parent'], {
      responseType: 'none',
      status: 204,
    }),
  },
  schedule: {
    week: routeInfo('GET /classes/{classId}/timetable', EVERYONE, {
      query: ['week'],
    }),
    setWeek: routeInfo('PUT /classes/{classId}/timetable', ['school_admin'], {
      query: ['week'],
      body: true,
    }),
    substitute: routeInfo('PUT /lessons/{lessonId}/substitution', ['school_admin'], { body: true }),
    cancelSubstitution: routeInfo('DELETE /lessons/{lessonId}/substitution', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
    substitutions: routeInfo('GET /classes/{classId}/substitutions', EVERYONE, {
      query: ['from', 'to'],
    }),
  },
  homework: {
    list: routeInfo('GET /children/{childId}/homework', EVERYONE, {
      query: ['from', 'to'],
    }),
    create: routeInfo('POST /homework', ['teacher'], { status: 201, body: true }),
    update: routeInfo('PATCH /homework/{homeworkId}', ['teacher'], { body: true }),
    remove: routeInfo('DELETE /homework/{homeworkId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
    setDone: routeInfo('PUT /children/{childId}/homework/{homeworkId}/done', FAMILY, {
      body: true,
    }),
  },
  assessments: {
    upcoming: routeInfo('GET /children/{childId}/assessments', FAMILY, {
      query: ['from', 'to'],
    }),
    forClass: routeInfo('GET /classes/{classId}/assessments', STAFF, {
      query: ['subjectId', 'from', 'to'],
    }),
    create: routeInfo('POST /classes/{classId}/assessments', ['teacher'], {
      status: 201,
      body: true,
    }),
    update: routeInfo('PATCH /assessments/{assessmentId}', ['teacher'], { body: true }),
    cancel: routeInfo('DELETE /assessments/{assessmentId}', ['teacher'], {
      responseType: 'none',
      status: 204,
    }),
  },
  attendance: {
    list: routeInfo('GET /children/{childId}/attendance', EVERYONE, {
      query: ['from', 'to', 'periodId'],
    }),
    record: routeInfo('PUT /lessons/{lessonId}/attendance', ['teacher'], {
      body: true,
    }),
    sheet: routeInfo('GET /lessons/{lessonId}/attendance', ['teacher']),
  },
  absences: {
    report: routeInfo('POST /children/{childId}/absence-notices', ['parent'], {
      status: 201,
      body: true,
    }),
    list: routeInfo('GET /children/{childId}/absence-notices', FAMILY),
    incoming: routeInfo('GET /absence-notices', ['teacher'], { query: ['from', 'to'] }),
    acknowledge: routeInfo('POST /absence-notices/{noticeId}/acknowledge', ['teacher'], {
      idempotent: true,
    }),
  },
  journal: {
    get: routeInfo('GET /classes/{classId}/journal', STAFF, {
      query: ['subjectId', 'from', 'to', 'periodId'],
    }),
    save: routeInfo('PUT /classes/{classId}/journal', ['teacher'], { body: true }),
  },
  threads: {
    list: routeInfo('GET /threads', ['parent', 'student', 'teacher'], {
      query: ['childId'],
    }),
    create: routeInfo('POST /threads', FAMILY, { status: 201, body: true }),
    messages: routeInfo('GET /threads/{threadId}/messages', ['parent', 'student', 'teacher'], {
      query: ['before', 'limit'],
    }),
    send: routeInfo('POST /threads/{threadId}/messages', ['parent', 'student', 'teacher'], {
      body: true,
      status: 201,
      idempotent: true,
    }),
    read: routeInfo('POST /threads/{threadId}/read', ['parent', 'student', 'teacher'], {
      body: true,
      idempotent: true,
    }),
    unread: routeInfo('GET /threads/unread', ['parent', 'student', 'teacher']),
  },
  attachments: {
    upload: routeInfo('POST /attachments', EVERYONE, { upload: true, status: 201 }),
    download: routeInfo('GET /attachments/{attachmentId}', EVERYONE, {
      responseType: 'file',
    }),
  },
  notifications: {
    list: routeInfo('GET /notifications', EVERYONE, {
      query: ['unread', 'page', 'pageSize'],
    }),
    markRead: routeInfo('POST /notifications/{notificationId}/read', EVERYONE, {
      idempotent: true,
    }),
    markAllRead: routeInfo('POST /notifications/read-all', EVERYONE, {
      idempotent: true,
    }),
    settings: routeInfo('GET /notification-settings', EVERYONE),
    updateSettings: routeInfo('PATCH /notification-settings', EVERYONE, {
      body: true,
      idempotent: true,
    }),
  },
  portfolio: {
    list: routeInfo('GET /children/{childId}/portfolio', EVERYONE, {
      query: ['subjectId', 'periodId', 'level', 'kind', 'q'],
    }),
    create: routeInfo('POST /children/{childId}/portfolio', ['parent', 'student', 'teacher'], {
      status: 201,
      body: true,
    }),
    update: routeInfo('PATCH /portfolio/{itemId}', ['parent', 'student', 'teacher'], {
      body: true,
    }),
    remove: routeInfo('DELETE /portfolio/{itemId}', ['parent', 'teacher'], {
      responseType: 'none',
      status: 204,
    }),
    comment: routeInfo('POST /portfolio/{itemId}/comments', ['teacher', 'school_admin'], {
      status: 201,
      body: true,
    }),
  },
  news: {
    list: routeInfo('GET /schools/{schoolId}/news', EVERYONE, {
      query: ['kind', 'page', 'pageSize'],
    }),
    publish: routeInfo('POST /schools/{schoolId}/news', ['school_admin'], {
      status: 201,
      body: true,
    }),
    get: routeInfo('GET /news/{newsId}', EVERYONE),
    remove: routeInfo('DELETE /news/{newsId}', ['school_admin'], {
      responseType: 'none',
      status: 204,
    }),
  },
  notes: {
    list: routeInfo('GET /children/{childId}/notes', ['parent']),
    create: routeInfo('POST /children/{childId}/notes', ['parent'], {
      status: 201,
      body: true,
    }),
    update: routeInfo('PATCH /notes/{noteId}', ['parent'], { body: true }),
    remove: routeInfo('DELETE /notes/{noteId}', ['parent'], {
      responseType: 'none',
      status: 204,
    }),
  },
  support: {
    create: routeInfo('POST /support/tickets', EVERYONE, {
      status: 201,
      body: true,
    }),
    list: routeInfo('GET /support/tickets', EVERYONE),
    get: routeInfo('GET /support/tickets/{ticketId}', EVERYONE),
    reply: routeInfo('POST /support/tickets/{ticketId}/replies', EVERYONE, {
      body: true,
    }),
    setStatus: routeInfo('POST /support/tickets/{ticketId}/status', ['school_admin'], {
      body: true,
    }),
  },
  audit: {
    list: routeInfo('GET /schools/{schoolId}/audit', ['school_admin'], {
      query: ['from', 'to', 'action', 'outcome', 'page', 'pageSize'],
    }),
  },
  events: {
    stream: routeInfo('GET /events', EVERYONE, { responseType: 'event-stream' }),
  },
  dev: {
    sentMessages: routeInfo('GET /dev/outbox', 'public', { devOnly: true }),
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
