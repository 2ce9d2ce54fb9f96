// Data minimisation: each read answers each role with only the fields that role needs. Every row
// pins the exact fields one role gets from one route, so a field added to a view shows up here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;

/** Maria's card: the fields every viewer gets (she has a middle name and is placed in 5А). */
const CARD = [
  'id',
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'sex',
  'status',
  'classId',
  'schoolId',
  'createdAt',
];
/** Her documents (she has no INN): for her family and her school's admin only. */
const DOCUMENTS = ['snils', 'birthCertificate'];
const GUARDIANS = ['guardians'];
const USER = [
  'id',
  'role',
  'phone',
  'lastName',
  'firstName',
  'middleName',
  'identityStatus',
  'createdAt',
];

type Who = keyof typeof U;
type Row = {
  readonly route: string;
  readonly who: Who;
  readonly path: string;
  readonly query?: Record<string, string>;
  /** Picks the object whose fields are pinned out of the response. */
  readonly pick: (body: unknown) => unknown;
  readonly fields: readonly string[] | 404;
};

const item = (id: string) => (body: unknown) =>
  (body as { items: { id: string }[] }).items.find((i) => i.id === id);
const self = (body: unknown) => body;

/** Анна's record, made by the school from its roster: no middle name, sex or documents yet. */
const ANNA_RECORD = DEMO.unlinkedRoster.recordId;
const RECORD = [
  'id',
  'lastName',
  'firstName',
  'birthDate',
  'status',
  'classId',
  'schoolId',
  'createdAt',
];

const ROWS: readonly Row[] = [
  {
    route: 'children.get (a roster record)',
    who: 'teacherMath',
    path: `/api/v1/children/${ANNA_RECORD}`,
    pick: self,
    fields: [...RECORD, ...GUARDIANS],
  },
  {
    route: 'children.get (a roster record)',
    who: 'admin42',
    path: `/api/v1/children/${ANNA_RECORD}`,
    pick: self,
    fields: [...RECORD, ...GUARDIANS],
  },
  {
    route: 'children.get (a roster record)',
    who: 'parentIvanova',
    path: `/api/v1/children/${ANNA_RECORD}`,
    pick: self,
    fields: 404,
  },
  {
    route: 'children.get',
    who: 'parentIvanova',
    path: `/api/v1/children/${MARIA}`,
    pick: self,
    fields: [...CARD, ...DOCUMENTS],
  },
  {
    route: 'children.get',
    who: 'studentMaria',
    path: `/api/v1/children/${MARIA}`,
    pick: self,
    fields: [...CARD, ...DOCUMENTS],
  },
  {
    route: 'children.get',
    who: 'teacherMath',
    path: `/api/v1/children/${MARIA}`,
    pick: self,
    fields: [...CARD, ...GUARDIANS],
  },
  {
    route: 'children.get',
    who: 'admin42',
    path: `/api/v1/children/${MARIA}`,
    pick: self,
    fields: [...CARD, ...DOCUMENTS, ...GUARDIANS],
  },
  {
    route: 'children.get',
    who: 'admin17',
    path: `/api/v1/children/${MARIA}`,
    pick: self,
    fields: 404,
  },
  {
    route: 'children.get',
    who: 'teacherLyceum',
    path: `/api/v1/children/${MARIA}`,
    pick: self,
    fields: 404,
  },
  {
    route: 'children.list',
    who: 'parentIvanova',
    path: '/api/v1/children',
    pick: item(MARIA),
    fields: [...CARD, ...DOCUMENTS],
  },
  {
    route: 'children.list',
    who: 'studentMaria',
    path: '/api/v1/children',
    pick: item(MARIA),
    fields: [...CARD, ...DOCUMENTS],
  },
  {
    route: 'classes.students',
    who: 'teacherMath',
    path: `/api/v1/classes/${DEMO.classes.c5a.id}/students`,
    pick: item(MARIA),
    fields: [...CARD, ...GUARDIANS],
  },
  {
    route: 'classes.students',
    who: 'teacherRussian',
    path: `/api/v1/classes/${DEMO.classes.c5a.id}/students`,
    pick: item(MARIA),
    fields: [...CARD, ...GUARDIANS],
  },
  {
    route: 'classes.students',
    who: 'admin42',
    path: `/api/v1/classes/${DEMO.classes.c5a.id}/students`,
    pick: item(MARIA),
    fields: [...CARD, ...DOCUMENTS, ...GUARDIANS],
  },
  { route: 'auth.me', who: 'parentIvanova', path: '/api/v1/auth/me', pick: self, fields: USER },
  {
    route: 'auth.me',
    who: 'teacherMath',
    path: '/api/v1/auth/me',
    pick: self,
    fields: [...USER, 'schoolId'],
  },
];

describe('data minimisation: the fields each role gets from each read', () => {
  let server: TestServer;
  const tokens = new Map<Who, string>();

  before(async () => {
    server = await startTestServer();
    for (const who of new Set(ROWS.map((r) => r.who))) {
      tokens.set(who, (await server.login(U[who].phone)).accessToken);
    }
  });
  after(() => server.close());

  for (const row of ROWS) {
    const expected = row.fields === 404 ? 'nothing (404)' : row.fields.length + ' fields';
    it(`${row.route} as ${row.who}: ${expected}`, async () => {
      const res = await server.call('GET', row.path, {
        token: tokens.get(row.who) ?? '',
        ...(row.query ? { query: row.query } : {}),
      });
      if (row.fields === 404) {
        assert.equal(res.status, 404, res.text);
        return;
      }
      assert.equal(res.status, 200, res.text);
      const picked = row.pick(res.body);
      assert.ok(picked && typeof picked === 'object', `no object in ${res.text}`);
      assert.deepEqual(Object.keys(picked).sort(), [...row.fields].sort());
    });
  }

  it("gives a teacher the guardians' names and phones, and nothing of their documents", async () => {
    const res = await server.call<{ guardians: Record<string, string>[] }>(
      'GET',
      `/api/v1/children/${MARIA}`,
      { token: tokens.get('teacherMath') ?? '' },
    );
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.guardians.map((g) => Object.keys(g).sort()),
      [['firstName', 'lastName', 'middleName', 'phone']],
    );
    assert.equal(res.body.guardians[0]?.phone, U.parentIvanova.phone);
    assert.doesNotMatch(res.text, /112-233-445|IV-МЮ|snils|passport/i);
  });
});
