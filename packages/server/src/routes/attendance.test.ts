import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Attendance, AuditEntry, ErrorResponse } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const PUPIL_2 = 'chd_cls_42_5a_pupil_02';
const PUPIL_3 = 'chd_cls_42_5a_pupil_03';
/** Tuesday 24 November 2026, lesson 1: mathematics in 5А. */
const LESSON = 'les_42_5a_20261124_1';
/** Thursday 26 November 2026, lesson 2: Russian in 5А, substituted by Лебедева in the seed. */
const SUBSTITUTED = 'les_42_5a_20261126_2';

type Totals = Record<Attendance['status'], number>;
type AttendanceList = { items: Attendance[]; totals: Totals };

describe('attendance', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'studentMaria',
      'teacherMath',
      'teacherRussian',
      'teacherLyceum',
      'admin42',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
    tokens.substitute = (await server.login('+79990001005')).accessToken;
  });
  after(() => server.close());

  const list = (who: string, query: Record<string, string> = {}) =>
    server.call<AttendanceList & ErrorResponse>('GET', `/api/v1/children/${MARIA}/attendance`, {
      token: tokens[who],
      query,
    });
  const record = (who: string, entries: unknown[], lessonId = LESSON) =>
    server.call<{ ok: true } & ErrorResponse>('PUT', `/api/v1/lessons/${lessonId}/attendance`, {
      token: tokens[who],
      body: { entries },
    });
  const fields = (res: { body: ErrorResponse }) =>
    res.body.error.fields.map((f) => [f.path, f.code]);

  it("lists a child's attendance in a period with per-status totals", async () => {
    const res = await list('parentIvanova', { periodId: 'per_42_2026_q1' });
    assert.equal(res.status, 200, res.text);
    const { items, totals } = res.body;
    assert.ok(items.length > 150, 'a whole quarter of lessons');
    assert.ok(items.every((a) => a.date >= '2026-09-01' && a.date <= '2026-10-26'));
    const order = items.map((a) => `${a.date}#${String(a.lessonNumber).padStart(2, '0')}`);
    assert.deepEqual(order, [...order].sort());
    const counted = { present: 0, absent_excused: 0, absent_unexcused: 0, ill: 0, late: 0 };
    for (const a of items) counted[a.status] += 1;
    assert.deepEqual(totals, counted);
    const missed = items.length - totals.present;
    assert.ok(missed > 0 && missed / items.length < 0.2, `mostly present, missed ${missed}`);
    assert.ok(items.filter((a) => a.status === 'late').every((a) => (a.minutesLate ?? 0) > 0));
  });

  it('filters by dates and rejects bad filters', async () => {
    const week = await list('studentMaria', { from: '2026-11-16', to: '2026-11-20' });
    assert.equal(new Set(week.body.items.map((a) => a.date)).size, 5);
    const reversed = await list('parentIvanova', { from: '2026-11-20', to: '2026-11-16' });
    assert.deepEqual(fields(reversed), [['to', 'date_order']]);
    const foreign = await list('parentIvanova', { periodId: 'per_17_2026_q1' });
    assert.deepEqual(fields(foreign), [['periodId', 'invalid_option']]);
    assert.equal((await list('parentPetrov')).status, 404);
    assert.equal((await list('teacherLyceum')).status, 404);
    assert.equal((await list('admin42')).status, 200);
  });

  it('records a lesson’s attendance and corrects it without duplicates', async () => {
    const res = await record('teacherMath', [
      { childId: MARIA, status: 'ill' },
      { childId: PUPIL_2, status: 'late', minutesLate: 10 },
      { childId: PUPIL_3, status: 'absent_excused', reason: 'Соревнования' },
    ]);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, { ok: true });
    const today = { from: '2026-11-24', to: '2026-11-24' };
    const first = await list('parentIvanova', today);
    assert.deepEqual(
      first.body.items.map((a) => [a.lessonId, a.status, a.subjectName, a.lessonNumber]),
      [[LESSON, 'ill', 'Математика', 1]],
    );
    assert.equal(first.body.totals.ill, 1);
    const version = async () =>
      (
        await server.database.db
          .selectFrom('versions')
          .select('version')
          .where('scope', '=', `child:${MARIA}`)
          .executeTakeFirst()
      )?.version ?? 0;
    const before = await version();
    await record('teacherMath', [{ childId: MARIA, status: 'present', reason: 'ignored' }]);
    const second = await list('parentIvanova', today);
    assert.deepEqual(
      second.body.items.map((a) => [a.status, a.reason]),
      [['present', undefined]],
    );
    assert.equal(await version(), before + 1, 'attendance writes bump the child’s version');
    const audit = await server.call<{ items: AuditEntry[] }>(
      'GET',
      '/api/v1/schools/sch_42/audit',
      {
        token: tokens.admin42,
        query: { action: 'attendance.record' },
      },
    );
    assert.equal(audit.body.items.length, 2);
    assert.equal(audit.body.items[0]?.target, LESSON);
  });

  it('rejects bad entries field by field', async () => {
    const cases: [unknown[], [string, string][]][] = [
      [
        [{ childId: DEMO.children.petr.id, status: 'present' }],
        [['entries.0.childId', 'invalid_option']],
      ],
      [
        [
          { childId: MARIA, status: 'present' },
          { childId: MARIA, status: 'ill' },
        ],
        [['entries.1.childId', 'already_registered']],
      ],
      [
        [{ childId: MARIA, status: 'late', minutesLate: 50 }],
        [['entries.0.minutesLate', 'too_big']],
      ],
      [[{ childId: MARIA, status: 'sick' }], [['entries.0.status', 'invalid_option']]],
      [[], [['entries', 'too_short']]],
    ];
    for (const [entries, expected] of cases) {
      const res = await record('teacherMath', entries);
      assert.equal(res.status, 400, `${JSON.stringify(entries)}: ${res.text}`);
      assert.deepEqual(fields(res), expected, JSON.stringify(entries));
    }
  });

  it('lets only the teachers of the lesson record it, the substitute included', async () => {
    const entry = [{ childId: MARIA, status: 'present' }];
    assert.equal(
      (await record('teacherRussian', entry)).status,
      404,
      'teaches 5А, not mathematics',
    );
    assert.equal((await record('teacherLyceum', entry)).status, 404);
    assert.equal((await record('substitute', entry)).status, 404, 'substitutes another lesson');
    assert.equal((await record('teacherMath', entry, 'les_nope')).status, 404);
    for (const who of ['parentIvanova', 'studentMaria', 'admin42']) {
      assert.equal((await record(who, entry)).status, 403, who);
    }
    assert.equal((await record('substitute', entry, SUBSTITUTED)).status, 200);
    assert.equal((await record('teacherRussian', entry, SUBSTITUTED)).status, 200);
  });
});
