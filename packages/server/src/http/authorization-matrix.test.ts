import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPath, routes, type RouteSpec } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

/** Who calls: nobody, the owning family, a stranger family, staff of the school, staff elsewhere. */
const ACTORS = ['anon', 'owner', 'stranger', 'student', 'teacher', 'otherTeacher', 'admin', 'otherAdmin'] as const;
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
const everyone: Expect = { anon: 'ok', owner: 'ok', stranger: 'ok', student: 'ok', teacher: 'ok', otherTeacher: 'ok', admin: 'ok', otherAdmin: 'ok' };
const signedIn: Expect = { ...everyone, anon: 401 };
const parentsOnly: Expect = { anon: 401, owner: 'ok', stranger: 'ok', student: 403, teacher: 403, otherTeacher: 403, admin: 403, otherAdmin: 403 };
const ownerParentOnly: Expect = { ...parentsOnly, stranger: 404 };
const familyOfChild: Expect = { anon: 401, owner: 'ok', stranger: 404, student: 'ok', teacher: 403, otherTeacher: 403, admin: 403, otherAdmin: 403 };
const anyoneWhoSeesChild: Expect = { anon: 401, owner: 'ok', stranger: 404, student: 'ok', teacher: 'ok', otherTeacher: 404, admin: 'ok', otherAdmin: 404 };
const staff: Expect = { anon: 401, owner: 403, stranger: 403, student: 403, teacher: 'ok', otherTeacher: 'ok', admin: 'ok', otherAdmin: 'ok' };
const staffOfClass: Expect = { ...staff, otherTeacher: 404, otherAdmin: 404 };
const admins: Expect = { anon: 401, owner: 403, stranger: 403, student: 403, teacher: 403, otherTeacher: 403, admin: 'ok', otherAdmin: 'ok' };
const adminOfSchool: Expect = { ...admins, otherAdmin: 404 };
const parentsAndAdmins: Expect = { anon: 401, owner: 'ok', stranger: 'ok', student: 403, teacher: 403, otherTeacher: 403, admin: 'ok', otherAdmin: 'ok' };
const ownerOrSchoolAdmin: Expect = { ...parentsAndAdmins, stranger: 404, otherAdmin: 404 };
const authorOrSchoolAdmin: Expect = { anon: 401, owner: 'ok', stranger: 404, student: 404, teacher: 404, otherTeacher: 404, admin: 'ok', otherAdmin: 404 };
const ownerOnly: Expect = { anon: 401, owner: 'ok', stranger: 404, student: 404, teacher: 404, otherTeacher: 404, admin: 404, otherAdmin: 404 };

interface Case {
  readonly route: RouteSpec;
  readonly expect: Expect;
  readonly params?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: (actor: Actor) => unknown;
}

const child = { childId: DEMO.children.maria.id };
let ticketId = '';
let notificationId = '';
let phoneSeq = 0;

const cases = (): Record<string, Case> => ({
  'auth.me': { route: routes.auth.me, expect: signedIn },
  'auth.register': {
    route: routes.auth.register,
    expect: everyone,
    body: () => ({ phone: `+7999777${String((phoneSeq += 1)).padStart(4, '0')}`, password: 'parol-2026', lastName: 'Тестова', firstName: 'Анна', snils: '112-233-445 95', passport: '4512 345678' }),
  },
  'admin.confirmIdentityInPerson': { route: routes.admin.confirmIdentityInPerson, expect: admins, params: { userId: U.parentNew.id }, body: () => ({ document: 'passport' }) },
  'admin.findUser': { route: routes.admin.findUser, expect: admins, query: { phone: U.parentNew.phone } },
  'children.list': { route: routes.children.list, expect: { ...familyOfChild, stranger: 'ok' } },
  'children.search': { route: routes.children.search, expect: parentsOnly, query: { lastName: 'Иванова', firstName: 'Мария', birthDate: '2015-04-12' } },
  'children.create': { route: routes.children.create, expect: parentsOnly, body: () => ({ lastName: 'Сидорова', firstName: 'Вера', birthDate: '2016-05-05', sex: 'female' }) },
  'children.get': { route: routes.children.get, expect: anyoneWhoSeesChild, params: child },
  'children.confirm': { route: routes.children.confirm, expect: ownerParentOnly, params: child, body: () => ({ challengeId: 'chl_none', code: '123456' }) },
  'children.schoolLinks': { route: routes.children.schoolLinks, expect: familyOfChild, params: child },
  'children.linkSchool': { route: routes.children.linkSchool, expect: ownerParentOnly, params: child, body: () => ({ schoolCode: '770042', rosterId: 'R42-5A-01' }) },
  'children.teachers': { route: routes.children.teachers, expect: familyOfChild, params: child },
  'schools.search': { route: routes.schools.search, expect: everyone },
  'schools.get': { route: routes.schools.get, expect: everyone, params: { schoolId: DEMO.schools.school42.id } },
  'classes.list': { route: routes.classes.list, expect: staff },
  'classes.students': { route: routes.classes.students, expect: staffOfClass, params: { classId: DEMO.classes.c5a.id } },
  'applications.create': { route: routes.applications.create, expect: ownerParentOnly, body: () => ({ childId: DEMO.children.maria.id, schoolYear: DEMO.schoolYear }) },
  'applications.list': { route: routes.applications.list, expect: parentsAndAdmins },
  'applications.get': { route: routes.applications.get, expect: ownerOrSchoolAdmin, params: { applicationId: 'app_maria' } },
  'applications.setStatus': { route: routes.applications.setStatus, expect: adminOfSchool, params: { applicationId: 'app_maria' }, body: () => ({ status: 'checking' }) },
  'applications.activate': { route: routes.applications.activate, expect: ownerParentOnly, params: { applicationId: 'app_maria' } },
  'support.create': { route: routes.support.create, expect: signedIn, body: () => ({ subject: 'Вопрос', text: 'Не приходит SMS' }) },
  'support.list': { route: routes.support.list, expect: signedIn },
  'support.get': { route: routes.support.get, expect: authorOrSchoolAdmin, params: { ticketId } },
  'support.reply': { route: routes.support.reply, expect: authorOrSchoolAdmin, params: { ticketId }, body: () => ({ text: 'Уточнение' }) },
  'support.setStatus': { route: routes.support.setStatus, expect: adminOfSchool, params: { ticketId }, body: () => ({ status: 'in_progress' }) },
  'audit.list': { route: routes.audit.list, expect: adminOfSchool, params: { schoolId: DEMO.schools.school42.id } },
  'notifications.list': { route: routes.notifications.list, expect: signedIn },
  'notifications.markRead': { route: routes.notifications.markRead, expect: ownerOnly, params: { notificationId } },
  'notifications.markAllRead': { route: routes.notifications.markAllRead, expect: signedIn },
  'dev.outbox': { route: routes.dev.outbox, expect: everyone },
});

describe('authorization matrix: every route as every role, owner and stranger', () => {
  let server: TestServer;
  const tokens = new Map<Actor, string>();

  before(async () => {
    server = await startTestServer();
    for (const [actor, phone] of Object.entries(PHONES)) tokens.set(actor as Actor, (await server.login(phone)).accessToken);
    const owner = tokens.get('owner');
    const ticket = await server.call<{ id: string }>('POST', '/api/v1/support/tickets', { token: owner, body: { subject: 'Доступ', text: 'Нет оценок' } });
    ticketId = ticket.body.id;
    await server.call('POST', '/api/v1/applications/app_petr/activate', { token: owner });
    const feed = await server.call<{ items: { id: string }[] }>('GET', '/api/v1/notifications', { token: owner });
    notificationId = feed.body.items[0]?.id ?? '';
    assert.ok(ticketId && notificationId, 'fixtures for owner-only routes');
  });
  after(() => server.close());

  it('lists every registered route', () => {
    const covered = new Set(Object.keys(cases()));
    const missing = server.diary.routes.filter((id) => !covered.has(id) && !id.startsWith('auth.'));
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
        const outcome: Outcome = [401, 403, 404].includes(res.status) ? (res.status as 401 | 403 | 404) : 'ok';
        if (res.status >= 500) failures.push(`${id} as ${actor}: ${res.status} ${res.text}`);
        else if (outcome !== c.expect[actor]) failures.push(`${id} as ${actor}: expected ${c.expect[actor]}, got ${res.status} ${res.text.slice(0, 160)}`);
        if (outcome === 404 && c.params?.childId) assert.doesNotMatch(res.text, /Мария|Иванова/, 'a denial never carries the data');
      }
    }
    assert.deepEqual(failures, []);
  });
});
