import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPath, routes, type RouteSpec } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { createChatFixtures, type ChatFixtures } from '../testing/chat-fixtures';
import { createJournalFixtures, type JournalFixtures } from '../testing/journal-fixtures';
import { startTestServer, type TestServer } from '../testing/harness';

/** Who calls: nobody, the owning family, a stranger family, staff of the school, staff elsewhere. */
const ACTORS = [
  'anon',
  'owner',
  'stranger',
  'student',
  'teacher',
  'otherTeacher',
  'admin',
  'otherAdmin',
] as const;
type Actor = (typeof ACTORS)[number];
/** `ok`: authorised (any answer but 401/403/404); a number: that exact denial. */
type Outcome = 'ok' | 401 | 403 | 404;
type Expect = Record<Actor, Outcome>;

const U = DEMO.users;
const PHONES: Record<Exclude<Actor, 'anon'>, string> = {
  owner: U.parentIvanova.phone,
  stranger: U.parentPetrov.phone,
  student: U.studentMaria.phone,
  teacher: U.teacherMath.phone,
  otherTeacher: U.teacherLyceum.phone,
  admin: U.admin42.phone,
  otherAdmin: U.admin17.phone,
};

// Shorthands for the common shapes of access.
const everyone: Expect = {
  anon: 'ok',
  owner: 'ok',
  stranger: 'ok',
  student: 'ok',
  teacher: 'ok',
  otherTeacher: 'ok',
  admin: 'ok',
  otherAdmin: 'ok',
};
const signedIn: Expect = { ...everyone, anon: 401 };
const parentsOnly: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 'ok',
  student: 403,
  teacher: 403,
  otherTeacher: 403,
  admin: 403,
  otherAdmin: 403,
};
const ownerParentOnly: Expect = { ...parentsOnly, stranger: 404 };
const familyOfChild: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 404,
  student: 'ok',
  teacher: 403,
  otherTeacher: 403,
  admin: 403,
  otherAdmin: 403,
};
const anyoneWhoSeesChild: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 404,
  student: 'ok',
  teacher: 'ok',
  otherTeacher: 404,
  admin: 'ok',
  otherAdmin: 404,
};
const staff: Expect = {
  anon: 401,
  owner: 403,
  stranger: 403,
  student: 403,
  teacher: 'ok',
  otherTeacher: 'ok',
  admin: 'ok',
  otherAdmin: 'ok',
};
const staffOfClass: Expect = { ...staff, otherTeacher: 404, otherAdmin: 404 };
const admins: Expect = {
  anon: 401,
  owner: 403,
  stranger: 403,
  student: 403,
  teacher: 403,
  otherTeacher: 403,
  admin: 'ok',
  otherAdmin: 'ok',
};
const adminOfSchool: Expect = { ...admins, otherAdmin: 404 };
/** A school's own setup: another school's admin is refused outright (the school is public). */
const ownSchoolAdmin: Expect = { ...admins, otherAdmin: 403 };
const parentsAndAdmins: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 'ok',
  student: 403,
  teacher: 403,
  otherTeacher: 403,
  admin: 'ok',
  otherAdmin: 'ok',
};
const ownerOrSchoolAdmin: Expect = { ...parentsAndAdmins, stranger: 404, otherAdmin: 404 };
const authorOrSchoolAdmin: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 404,
  student: 404,
  teacher: 404,
  otherTeacher: 404,
  admin: 'ok',
  otherAdmin: 404,
};
const ownerOnly: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 404,
  student: 404,
  teacher: 404,
  otherTeacher: 404,
  admin: 404,
  otherAdmin: 404,
};
const chatUsers: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 'ok',
  student: 'ok',
  teacher: 'ok',
  otherTeacher: 'ok',
  admin: 403,
  otherAdmin: 403,
};
const threadMembers: Expect = { ...chatUsers, stranger: 404, student: 404, otherTeacher: 404 };
const membersOfSchool: Expect = {
  anon: 401,
  owner: 'ok',
  stranger: 404,
  student: 'ok',
  teacher: 'ok',
  otherTeacher: 404,
  admin: 'ok',
  otherAdmin: 404,
};
const teacherOfClass: Expect = {
  anon: 401,
  owner: 403,
  stranger: 403,
  student: 403,
  teacher: 'ok',
  otherTeacher: 404,
  admin: 403,
  otherAdmin: 403,
};
const seesClass: Expect = anyoneWhoSeesChild;

/**
 * Routes whose answer is not a request/response the matrix can read: `events.stream` stays open
 * until the client leaves (the matrix would wait forever on each allowed call). Its access — a
 * stream only for a signed-in user, of only their own events, 401 without or with a bad token —
 * is tested in routes/events.test.ts.
 */
// grades.distribution: routes/grades-distribution.test.ts (it needs a lesson's work marked).
const TESTED_ELSEWHERE = new Set(['events.stream', 'grades.distribution']);

interface Case {
  readonly route: RouteSpec;
  readonly expect: Expect;
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: (actor: Actor) => unknown;
}

const child = { childId: DEMO.children.maria.id };
const school42 = { schoolId: DEMO.schools.school42.id };
let ticketId = '';
let notificationId = '';
let noticeId = '';
let assessmentId = '';
/** A hand-off the owner's session showed (the QR code), for its owner-only routes. */
let handoffId = '';
let phoneSeq = 0;
let chat: ChatFixtures = {
  threadId: '',
  messageId: '',
  attachmentId: '',
  itemId: '',
  newsId: '',
  noteId: '',
};
let journal: JournalFixtures = { markId: '', homeworkId: '', thresholdId: '', lessonId: '' };
const c5a = { classId: DEMO.classes.c5a.id };
const mark = () => ({
  childId: DEMO.children.maria.id,
  subjectId: 'sub_42_math',
  value: 5,
  kind: 'oral',
  date: '2026-11-24',
});

const cases = (): Record<string, Case> => ({
  'auth.me': { route: routes.auth.me, expect: signedIn },
  'auth.register': {
    route: routes.auth.register,
    expect: everyone,
    body: () => ({
      phone: `+7999777${String((phoneSeq += 1)).padStart(4, '0')}`,
      password: 'tikhiy-vecher-u-reki',
      lastName: 'Тестова',
      firstName: 'Анна',
      snils: '112-233-445 95',
      passport: '4512 345678',
    }),
  },
  'auth.createHandoff': { route: routes.auth.createHandoff, expect: signedIn },
  'auth.handoff': {
    route: routes.auth.handoff,
    expect: {
      ...signedIn,
      stranger: 404,
      student: 404,
      teacher: 404,
      otherTeacher: 404,
      admin: 404,
      otherAdmin: 404,
    },
    params: { handoffId },
  },
  'auth.decideHandoff': {
    route: routes.auth.decideHandoff,
    expect: {
      ...signedIn,
      stranger: 404,
      student: 404,
      teacher: 404,
      otherTeacher: 404,
      admin: 404,
      otherAdmin: 404,
    },
    params: { handoffId },
    body: () => ({ approve: false }),
  },
  'auth.claimHandoff': {
    route: routes.auth.claimHandoff,
    expect: everyone,
    body: () => ({ token: 'hof_unknown' }),
  },
  'auth.redeemHandoff': {
    route: routes.auth.redeemHandoff,
    expect: everyone,
    body: () => ({ id: 'hof_unknown', claimSecret: 'hcs_unknown' }),
  },
  'admin.confirmIdentityInPerson': {
    route: routes.admin.confirmIdentityInPerson,
    expect: admins,
    params: { userId: U.parentNew.id },
    body: () => ({ phone: U.parentNew.phone, snils: U.parentNew.snils, document: 'passport' }),
  },
  'admin.findUser': {
    route: routes.admin.findUser,
    expect: admins,
    query: { phone: U.parentNew.phone, snils: U.parentNew.snils },
  },
  'admin.guardianClaims': { route: routes.admin.guardianClaims, expect: admins },
  'setup.updateProfile': {
    route: routes.setup.updateProfile,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({ diaryConnected: true }),
  },
  'setup.schoolYears': {
    route: routes.setup.schoolYears,
    expect: ownSchoolAdmin,
    params: school42,
  },
  'setup.createSchoolYear': {
    route: routes.setup.createSchoolYear,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({
      name: '2030/2031',
      startDate: '2030-09-01',
      endDate: '2031-05-31',
      periodKind: 'half_year',
      periods: [
        { name: 'I полугодие', startDate: '2030-09-01', endDate: '2030-12-28' },
        { name: 'II полугодие', startDate: '2031-01-09', endDate: '2031-05-31' },
      ],
    }),
  },
  'setup.createClass': {
    route: routes.setup.createClass,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({ name: '11М', grade: 11, schoolYear: '2026/2027' }),
  },
  'setup.subjects': { route: routes.setup.subjects, expect: ownSchoolAdmin, params: school42 },
  'setup.createSubject': {
    route: routes.setup.createSubject,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({ name: 'Астрономия', shortName: 'Астр.' }),
  },
  'setup.setTeaching': {
    route: routes.setup.setTeaching,
    expect: ownSchoolAdmin,
    params: { classId: DEMO.classes.c5a.id },
    body: () => ({ items: [{ teacherId: U.teacherMath.id, subjectId: 'sub_42_math' }] }),
  },
  'setup.roster': { route: routes.setup.roster, expect: ownSchoolAdmin, params: school42 },
  'setup.addToRoster': {
    route: routes.setup.addToRoster,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({
      classId: DEMO.classes.c5a.id,
      lastName: 'Морозова',
      firstName: 'Алиса',
      birthDate: '2015-06-02',
    }),
  },
  'setup.moveOnRoster': {
    route: routes.setup.moveOnRoster,
    expect: ownSchoolAdmin,
    params: { entryId: 'ros_cls_42_8b_pupil_03' },
    body: () => ({ classId: DEMO.classes.c8b.id }),
  },
  'setup.leaveRoster': {
    route: routes.setup.leaveRoster,
    expect: ownSchoolAdmin,
    params: { entryId: 'ros_cls_42_8b_pupil_02' },
    body: () => ({}),
  },
  'setup.inviteStaff': {
    route: routes.setup.inviteStaff,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({ phone: '+79990007700', lastName: 'Зайцев', firstName: 'Олег', role: 'teacher' }),
  },
  'setup.staff': { route: routes.setup.staff, expect: ownSchoolAdmin, params: school42 },
  'setup.updateClass': {
    route: routes.setup.updateClass,
    expect: ownSchoolAdmin,
    params: { classId: DEMO.classes.c8b.id },
    body: () => ({ grade: 8 }),
  },
  // 5А has pupils and lessons: its admin gets 409 in_use, and nothing is deleted.
  'setup.removeClass': {
    route: routes.setup.removeClass,
    expect: ownSchoolAdmin,
    params: { classId: DEMO.classes.c5a.id },
  },
  'setup.updateSubject': {
    route: routes.setup.updateSubject,
    expect: ownSchoolAdmin,
    params: { subjectId: 'sub_42_math' },
    body: () => ({ shortName: 'Матем.' }),
  },
  'setup.removeSubject': {
    route: routes.setup.removeSubject,
    expect: ownSchoolAdmin,
    params: { subjectId: 'sub_42_math' },
  },
  'setup.updateSchoolYear': {
    route: routes.setup.updateSchoolYear,
    expect: ownSchoolAdmin,
    params: { schoolYearId: 'sy_42_2026' },
    body: () => ({
      name: '2026/2027',
      startDate: '2026-09-01',
      endDate: '2027-05-31',
      periods: [
        { name: 'I четверть', startDate: '2026-09-01', endDate: '2026-10-26' },
        { name: 'II четверть', startDate: '2026-11-05', endDate: '2026-12-28' },
        { name: 'III четверть', startDate: '2027-01-12', endDate: '2027-03-22' },
        { name: 'IV четверть', startDate: '2027-04-01', endDate: '2027-05-26' },
      ],
    }),
  },
  'setup.removeSchoolYear': {
    route: routes.setup.removeSchoolYear,
    expect: ownSchoolAdmin,
    params: { schoolYearId: 'sy_42_2026' },
  },
  'setup.holidays': {
    route: routes.setup.holidays,
    expect: ownSchoolAdmin,
    params: { schoolYearId: 'sy_42_2026' },
  },
  'setup.setHolidays': {
    route: routes.setup.setHolidays,
    expect: ownSchoolAdmin,
    params: { schoolYearId: 'sy_42_2026' },
    body: () => ({ items: [] }),
  },
  'setup.bells': { route: routes.setup.bells, expect: ownSchoolAdmin, params: school42 },
  'setup.setBells': {
    route: routes.setup.setBells,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({ items: [{ number: 1, startTime: '08:30', endTime: '09:15' }] }),
  },
  'setup.rounding': { route: routes.setup.rounding, expect: ownSchoolAdmin, params: school42 },
  'setup.setRounding': {
    route: routes.setup.setRounding,
    expect: ownSchoolAdmin,
    params: school42,
    body: () => ({ five: 4.5, four: 3.5, three: 2.5 }),
  },
  'setup.timetableTemplate': {
    route: routes.setup.timetableTemplate,
    expect: ownSchoolAdmin,
    params: { classId: DEMO.classes.c8b.id },
  },
  'setup.setTimetableTemplate': {
    route: routes.setup.setTimetableTemplate,
    expect: ownSchoolAdmin,
    params: { classId: DEMO.classes.c8b.id },
    body: () => ({ items: [], exceptions: [] }),
  },
  // A Sunday: the empty week makes and removes nothing.
  'setup.generateTimetable': {
    route: routes.setup.generateTimetable,
    expect: ownSchoolAdmin,
    params: { classId: DEMO.classes.c8b.id },
    body: () => ({ from: '2027-05-30', to: '2027-05-30' }),
  },
  // A JSON body is no upload: the owner admin gets 415 after the role check, which is what counts.
  'imports.preview': { route: routes.imports.preview, expect: ownSchoolAdmin, params: school42 },
  'imports.apply': { route: routes.imports.apply, expect: ownSchoolAdmin, params: school42 },
  // No such job: the owner admin reaches the job look-up (404), everyone else is refused first.
  'imports.status': {
    route: routes.imports.status,
    expect: { ...ownSchoolAdmin, admin: 404 },
    params: { ...school42, jobId: 'matrix-job' },
  },
  'imports.cancel': {
    route: routes.imports.cancel,
    expect: { ...ownSchoolAdmin, admin: 404 },
    params: { ...school42, jobId: 'matrix-job' },
  },
  'imports.exportRoster': {
    route: routes.imports.exportRoster,
    expect: ownSchoolAdmin,
    params: school42,
  },
  'imports.exportTimetable': {
    route: routes.imports.exportTimetable,
    expect: ownSchoolAdmin,
    params: school42,
  },
  'imports.exportOneRoster': {
    route: routes.imports.exportOneRoster,
    expect: ownSchoolAdmin,
    params: school42,
  },
  'admin.approveGuardian': {
    route: routes.admin.approveGuardian,
    expect: adminOfSchool,
    params: { claimId: 'gcl_matrix' },
  },
  'children.list': { route: routes.children.list, expect: { ...familyOfChild, stranger: 'ok' } },
  'children.search': {
    route: routes.children.search,
    expect: parentsOnly,
    query: { lastName: 'Иванова', firstName: 'Мария', birthDate: '2015-04-12' },
  },
  'children.create': {
    route: routes.children.create,
    expect: parentsOnly,
    body: () => ({
      lastName: 'Сидорова',
      firstName: 'Вера',
      birthDate: '2016-05-05',
      sex: 'female',
    }),
  },
  'children.get': { route: routes.children.get, expect: anyoneWhoSeesChild, params: child },
  'children.history': { route: routes.children.history, expect: familyOfChild, params: child },
  'children.update': {
    route: routes.children.update,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ sex: 'female' }),
  },
  'children.confirm': {
    route: routes.children.confirm,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ challengeId: 'chl_none', code: '123456' }),
  },
  'children.schoolLinks': {
    route: routes.children.schoolLinks,
    expect: familyOfChild,
    params: child,
  },
  'children.linkSchool': {
    route: routes.children.linkSchool,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ schoolCode: '770042', rosterId: 'R42-5A-01' }),
  },
  'children.startSchoolChange': {
    route: routes.children.startSchoolChange,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ kind: 'link', schoolCode: '770042', rosterId: 'R42-5A-01' }),
  },
  'children.confirmSchoolChange': {
    route: routes.children.confirmSchoolChange,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ challengeId: 'chl_none', code: '123456' }),
  },
  'children.teachers': { route: routes.children.teachers, expect: familyOfChild, params: child },
  'schools.search': { route: routes.schools.search, expect: everyone },
  'schools.get': {
    route: routes.schools.get,
    expect: everyone,
    params: { schoolId: DEMO.schools.school42.id },
  },
  'classes.list': { route: routes.classes.list, expect: staff },
  'classes.students': {
    route: routes.classes.students,
    expect: staffOfClass,
    params: { classId: DEMO.classes.c5a.id },
  },
  'applications.create': {
    route: routes.applications.create,
    expect: ownerParentOnly,
    body: () => ({ childId: DEMO.children.maria.id, schoolYear: DEMO.schoolYear }),
  },
  'applications.list': { route: routes.applications.list, expect: parentsAndAdmins },
  'applications.get': {
    route: routes.applications.get,
    expect: ownerOrSchoolAdmin,
    params: { applicationId: 'app_maria' },
  },
  'applications.setStatus': {
    route: routes.applications.setStatus,
    expect: adminOfSchool,
    params: { applicationId: 'app_maria' },
    body: () => ({ status: 'checking' }),
  },
  'applications.activate': {
    route: routes.applications.activate,
    expect: ownerParentOnly,
    params: { applicationId: 'app_maria' },
  },
  'support.create': {
    route: routes.support.create,
    expect: signedIn,
    body: () => ({ subject: 'Вопрос', text: 'Не приходит SMS' }),
  },
  'support.list': { route: routes.support.list, expect: signedIn },
  'support.get': { route: routes.support.get, expect: authorOrSchoolAdmin, params: { ticketId } },
  'support.reply': {
    route: routes.support.reply,
    expect: authorOrSchoolAdmin,
    params: { ticketId },
    body: () => ({ text: 'Уточнение' }),
  },
  'support.setStatus': {
    route: routes.support.setStatus,
    expect: adminOfSchool,
    params: { ticketId },
    body: () => ({ status: 'in_progress' }),
  },
  'audit.list': {
    route: routes.audit.list,
    expect: adminOfSchool,
    params: { schoolId: DEMO.schools.school42.id },
  },
  'notifications.list': { route: routes.notifications.list, expect: signedIn },
  'notifications.markRead': {
    route: routes.notifications.markRead,
    expect: ownerOnly,
    params: { notificationId },
  },
  'notifications.markAllRead': { route: routes.notifications.markAllRead, expect: signedIn },
  'notifications.settings': { route: routes.notifications.settings, expect: signedIn },
  'notifications.updateSettings': {
    route: routes.notifications.updateSettings,
    expect: signedIn,
    body: () => ({ kinds: { news: { email: false } } }),
  },
  'threads.list': { route: routes.threads.list, expect: chatUsers },
  'threads.unread': { route: routes.threads.unread, expect: chatUsers },
  'threads.create': {
    route: routes.threads.create,
    expect: familyOfChild,
    body: () => ({ childId: DEMO.children.maria.id, teacherId: U.teacherMath.id }),
  },
  'threads.messages': {
    route: routes.threads.messages,
    expect: threadMembers,
    params: { threadId: chat.threadId },
  },
  'threads.send': {
    route: routes.threads.send,
    expect: threadMembers,
    params: { threadId: chat.threadId },
    body: (actor) => ({ id: `msg_matrix_${actor}`, text: 'Добрый день' }),
  },
  'threads.read': {
    route: routes.threads.read,
    expect: threadMembers,
    params: { threadId: chat.threadId },
    body: () => ({ upToMessageId: chat.messageId }),
  },
  'attachments.upload': { route: routes.attachments.upload, expect: signedIn },
  'attachments.download': {
    route: routes.attachments.download,
    expect: { ...threadMembers, admin: 404, otherAdmin: 404 },
    params: { attachmentId: chat.attachmentId },
  },
  'portfolio.list': { route: routes.portfolio.list, expect: anyoneWhoSeesChild, params: child },
  'portfolio.create': {
    route: routes.portfolio.create,
    expect: { ...anyoneWhoSeesChild, admin: 403, otherAdmin: 403 },
    params: child,
    body: () => ({ kind: 'work', title: 'Рисунок', date: '2026-11-20' }),
  },
  'portfolio.comment': {
    route: routes.portfolio.comment,
    expect: staffOfClass,
    params: { itemId: chat.itemId },
    body: () => ({ text: 'Молодец' }),
  },
  'portfolio.update': {
    route: routes.portfolio.update,
    expect: {
      anon: 401,
      owner: 'ok',
      stranger: 404,
      student: 404,
      teacher: 404,
      otherTeacher: 404,
      admin: 403,
      otherAdmin: 403,
    },
    params: { itemId: chat.itemId },
    body: () => ({ title: 'Поделка из шишек' }),
  },
  'portfolio.remove': {
    route: routes.portfolio.remove,
    expect: {
      anon: 401,
      owner: 'ok',
      stranger: 404,
      student: 403,
      teacher: 404,
      otherTeacher: 404,
      admin: 403,
      otherAdmin: 403,
    },
    params: { itemId: chat.itemId },
  },
  'news.list': {
    route: routes.news.list,
    expect: membersOfSchool,
    params: { schoolId: DEMO.schools.school42.id },
  },
  'news.publish': {
    route: routes.news.publish,
    expect: adminOfSchool,
    params: { schoolId: DEMO.schools.school42.id },
    body: () => ({ kind: 'news', title: 'Новость', body: 'Текст' }),
  },
  'news.get': {
    route: routes.news.get,
    expect: membersOfSchool,
    params: { newsId: chat.newsId },
  },
  'news.remove': {
    route: routes.news.remove,
    expect: adminOfSchool,
    params: { newsId: chat.newsId },
  },
  'notes.list': { route: routes.notes.list, expect: ownerParentOnly, params: child },
  'notes.create': {
    route: routes.notes.create,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ date: '2026-11-20', kind: 'success', text: 'Заметка' }),
  },
  'notes.update': {
    route: routes.notes.update,
    expect: ownerParentOnly,
    params: { noteId: chat.noteId },
    body: () => ({ text: 'Исправлено' }),
  },
  'notes.remove': {
    route: routes.notes.remove,
    expect: ownerParentOnly,
    params: { noteId: chat.noteId },
  },
  'children.periods': { route: routes.children.periods, expect: anyoneWhoSeesChild, params: child },
  'classes.marks': {
    route: routes.classes.marks,
    expect: staffOfClass,
    params: c5a,
    query: { subjectId: 'sub_42_math' },
  },
  'grades.list': { route: routes.grades.list, expect: anyoneWhoSeesChild, params: child },
  'grades.summary': { route: routes.grades.summary, expect: anyoneWhoSeesChild, params: child },
  'grades.comparison': { route: routes.grades.comparison, expect: familyOfChild, params: child },
  'grades.csv': {
    route: routes.grades.csv,
    expect: familyOfChild,
    params: child,
    query: { delimiter: ';' },
  },
  'grades.reportCard': {
    route: routes.grades.reportCard,
    expect: anyoneWhoSeesChild,
    params: child,
    query: { periodId: 'per_42_2026_q2' },
  },
  'grades.finalMarks': {
    route: routes.grades.finalMarks,
    expect: anyoneWhoSeesChild,
    params: child,
  },
  'grades.create': { route: routes.grades.create, expect: teacherOfClass, body: () => mark() },
  'grades.update': {
    route: routes.grades.update,
    expect: teacherOfClass,
    params: { markId: journal.markId },
    body: () => ({ value: 4 }),
  },
  'grades.history': {
    route: routes.grades.history,
    expect: anyoneWhoSeesChild,
    params: { markId: journal.markId },
  },
  'grades.remove': {
    route: routes.grades.remove,
    expect: teacherOfClass,
    params: { markId: journal.markId },
  },
  'grades.setFinal': {
    route: routes.grades.setFinal,
    expect: teacherOfClass,
    body: () => ({
      childId: DEMO.children.maria.id,
      subjectId: 'sub_42_math',
      periodId: 'per_42_2026_q2',
      value: 5,
    }),
  },
  'thresholds.list': { route: routes.thresholds.list, expect: ownerParentOnly, params: child },
  'thresholds.set': {
    route: routes.thresholds.set,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ subjectId: 'sub_42_math', threshold: 3.5 }),
  },
  'thresholds.remove': {
    route: routes.thresholds.remove,
    expect: ownerParentOnly,
    params: { ...child, thresholdId: journal.thresholdId },
  },
  'schedule.week': {
    route: routes.schedule.week,
    expect: seesClass,
    params: c5a,
    query: { week: '2026-W48' },
  },
  'schedule.setWeek': {
    route: routes.schedule.setWeek,
    expect: adminOfSchool,
    params: c5a,
    query: { week: '2027-W20' },
    body: () => ({ lessons: [] }),
  },
  'schedule.substitute': {
    route: routes.schedule.substitute,
    expect: adminOfSchool,
    // A lesson still ahead: a substitution for one already held is refused.
    params: { lessonId: 'les_42_5a_20261127_1' },
    body: () => ({ substituteTeacherId: U.teacherRussian.id, reason: 'Болезнь учителя' }),
  },
  'schedule.cancelSubstitution': {
    route: routes.schedule.cancelSubstitution,
    expect: adminOfSchool,
    params: { lessonId: 'les_42_5a_20261127_1' },
  },
  'schedule.substitutions': {
    route: routes.schedule.substitutions,
    expect: seesClass,
    params: c5a,
  },
  'homework.list': { route: routes.homework.list, expect: anyoneWhoSeesChild, params: child },
  'homework.setDone': {
    route: routes.homework.setDone,
    expect: familyOfChild,
    params: { ...child, homeworkId: journal.homeworkId },
    body: () => ({ done: true }),
  },
  'homework.create': {
    route: routes.homework.create,
    expect: teacherOfClass,
    body: () => ({
      classId: DEMO.classes.c5a.id,
      subjectId: 'sub_42_math',
      text: '№ 1',
      assignedDate: '2026-11-24',
      dueDate: '2026-11-25',
    }),
  },
  'homework.update': {
    route: routes.homework.update,
    expect: teacherOfClass,
    params: { homeworkId: journal.homeworkId },
    body: () => ({ text: '№ 2' }),
  },
  'homework.remove': {
    route: routes.homework.remove,
    expect: teacherOfClass,
    params: { homeworkId: journal.homeworkId },
  },
  'assessments.upcoming': {
    route: routes.assessments.upcoming,
    expect: familyOfChild,
    params: child,
  },
  'assessments.forClass': { route: routes.assessments.forClass, expect: staffOfClass, params: c5a },
  'assessments.create': {
    route: routes.assessments.create,
    expect: teacherOfClass,
    params: c5a,
    body: () => ({ subjectId: 'sub_42_math', date: '2026-11-30', kind: 'check', topic: 'Дроби' }),
  },
  'assessments.update': {
    route: routes.assessments.update,
    expect: teacherOfClass,
    params: { assessmentId },
    body: () => ({ topic: 'Дроби и проценты' }),
  },
  'assessments.cancel': {
    route: routes.assessments.cancel,
    expect: teacherOfClass,
    params: { assessmentId },
  },
  'attendance.list': { route: routes.attendance.list, expect: anyoneWhoSeesChild, params: child },
  'attendance.record': {
    route: routes.attendance.record,
    expect: teacherOfClass,
    params: { lessonId: journal.lessonId },
    body: () => ({ entries: [{ childId: DEMO.children.maria.id, status: 'present' }] }),
  },
  'attendance.sheet': {
    route: routes.attendance.sheet,
    expect: teacherOfClass,
    params: { lessonId: journal.lessonId },
  },
  'absences.report': {
    route: routes.absences.report,
    expect: ownerParentOnly,
    params: child,
    body: () => ({ from: '2026-12-01', reason: 'ill' }),
  },
  'absences.list': { route: routes.absences.list, expect: familyOfChild, params: child },
  'absences.incoming': {
    route: routes.absences.incoming,
    expect: { ...teacherOfClass, otherTeacher: 'ok' },
  },
  'absences.acknowledge': {
    route: routes.absences.acknowledge,
    expect: teacherOfClass,
    params: { noticeId },
  },
  'journal.get': {
    route: routes.journal.get,
    expect: { ...staff, teacher: 'ok', admin: 'ok', otherTeacher: 404, otherAdmin: 404 },
    params: c5a,
    query: { subjectId: 'sub_42_math' },
  },
  'journal.save': {
    route: routes.journal.save,
    expect: { ...teacherOfClass, admin: 403, otherAdmin: 403 },
    params: c5a,
    body: () => ({
      batchId: `bat_matrix_${(phoneSeq += 1)}`,
      subjectId: 'sub_42_math',
      lessonId: journal.lessonId,
      rows: [],
    }),
  },
  'dev.sentMessages': { route: routes.dev.sentMessages, expect: everyone },
});

describe('authorization matrix: every route as every role, owner and stranger', () => {
  let server: TestServer;
  const tokens = new Map<Actor, string>();

  before(async () => {
    server = await startTestServer();
    for (const [actor, phone] of Object.entries(PHONES))
      tokens.set(actor as Actor, (await server.login(phone)).accessToken);
    const owner = tokens.get('owner');
    const ticket = await server.call<{ id: string }>('POST', '/api/v1/support/tickets', {
      token: owner,
      body: { subject: 'Доступ', text: 'Нет оценок' },
    });
    ticketId = ticket.body.id;
    const handoff = await server.call<{ id: string }>('POST', '/api/v1/auth/handoffs', {
      token: owner,
    });
    handoffId = handoff.body.id;
    await server.call('POST', '/api/v1/applications/app_petr/activate', { token: owner });
    const feed = await server.call<{ items: { id: string }[] }>('GET', '/api/v1/notifications', {
      token: owner,
    });
    notificationId = feed.body.items[0]?.id ?? '';
    assert.ok(ticketId && notificationId, 'fixtures for owner-only routes');
    chat = await createChatFixtures(server, { owner, admin: tokens.get('admin') });
    journal = await createJournalFixtures(server, { owner });
    const notice = await server.call<{ id: string }>(
      'POST',
      `/api/v1/children/${DEMO.children.maria.id}/absence-notices`,
      { token: owner, body: { from: '2026-11-25', reason: 'absent_excused' } },
    );
    noticeId = notice.body.id;
    const assessment = await server.call<{ id: string }>(
      'POST',
      `/api/v1/classes/${DEMO.classes.c5a.id}/assessments`,
      {
        token: tokens.get('teacher'),
        body: { subjectId: 'sub_42_math', date: '2026-12-01', kind: 'test', topic: 'Дроби' },
      },
    );
    assessmentId = assessment.body.id;
    // A second parent's claim to a 5А pupil, for the school's admin to approve.
    await server.database.db
      .insertInto('guardian_claims')
      .values({
        id: 'gcl_matrix',
        child_id: `chd_${DEMO.classes.c5a.id}_pupil_02`,
        parent_id: U.parentNew.id,
        status: 'pending',
        created_at: '2026-11-24T09:00:00.000Z',
        decided_by: null,
        decided_at: null,
      })
      .execute();
  });
  after(() => server.close());

  it('lists every registered route', () => {
    const covered = new Set(Object.keys(cases()));
    const missing = server.diary.routes.filter(
      (id) => !covered.has(id) && !id.startsWith('auth.') && !TESTED_ELSEWHERE.has(id),
    );
    assert.deepEqual(missing, [], 'each registered route needs a row in the matrix');
  });

  it('gives each caller exactly the allowed or denied outcome', async () => {
    const failures: string[] = [];
    for (const [id, c] of Object.entries(cases())) {
      for (const actor of ACTORS) {
        const res = await server.call(c.route.method, buildPath(c.route.path, c.params), {
          token: tokens.get(actor),
          query: c.query,
          body: c.body?.(actor) ?? (c.route.method === 'GET' ? undefined : {}),
        });
        const outcome: Outcome = [401, 403, 404].includes(res.status)
          ? (res.status as 401 | 403 | 404)
          : 'ok';
        if (res.status >= 500) failures.push(`${id} as ${actor}: ${res.status} ${res.text}`);
        else if (outcome !== c.expect[actor])
          failures.push(
            `${id} as ${actor}: expected ${c.expect[actor]}, got ${res.status} ${res.text.slice(0, 160)}`,
          );
        if (outcome === 404 && c.params?.childId)
          assert.doesNotMatch(res.text, /Мария|Иванова/, 'a denial never carries the data');
      }
    }
    assert.deepEqual(failures, []);
  });
});
