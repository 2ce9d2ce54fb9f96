import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AuditEntry,
  ErrorResponse,
  Homework,
  Notification,
  PlannedAssessment,
  Substitution,
  WeekTimetable,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const C5A = DEMO.classes.c5a.id;
const C8B = DEMO.classes.c8b.id;
const WEEK = `/api/v1/classes/${C5A}/timetable`;

type Items<T> = { items: T[] };
type Page<T> = { items: T[]; total: number };

describe('schedule: weekly timetable and substitutions', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'studentMaria',
      'teacherMath',
      'teacherPhysics',
      'teacherLyceum',
      'admin42',
      'admin17',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const week = (who: string, w: string, classId: string = C5A) =>
    server.call<WeekTimetable & ErrorResponse>('GET', `/api/v1/classes/${classId}/timetable`, {
      token: tokens[who],
      query: { week: w },
    });
  const substitute = (who: string, lessonId: string, body: Record<string, unknown>) =>
    server.call<Substitution & ErrorResponse>('PUT', `/api/v1/lessons/${lessonId}/substitution`, {
      token: tokens[who],
      body,
    });
  const setWeek = (who: string, w: string, lessons: unknown[]) =>
    server.call<WeekTimetable & ErrorResponse>('PUT', WEEK, {
      token: tokens[who],
      query: { week: w },
      body: { lessons },
    });
  const fields = (res: { body: ErrorResponse }) =>
    res.body.error.fields.map((f) => [f.path, f.code]);
  const feed = async (who: string) =>
    (
      await server.call<Page<Notification>>('GET', '/api/v1/notifications', {
        token: tokens[who],
        query: { pageSize: '100' },
      })
    ).body.items;

  it('gives Monday to Saturday of an ISO week with lessons by number', async () => {
    const res = await week('parentIvanova', '2026-W48');
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.week, '2026-W48');
    assert.deepEqual(
      res.body.days.map((d) => d.date),
      ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'],
    );
    const [monday] = res.body.days;
    assert.deepEqual(
      monday?.lessons.map((l) => [l.number, l.startTime, l.endTime, l.subjectName]),
      [
        [1, '08:30', '09:15', 'Русский язык'],
        [2, '09:25', '10:10', 'Математика'],
        [3, '10:30', '11:15', 'Литература'],
        [4, '11:35', '12:20', 'Английский язык'],
        [5, '12:30', '13:15', 'Физическая культура'],
      ],
    );
    const math = monday?.lessons[1];
    assert.equal(math?.teacherName, 'Орлов С. Н.');
    assert.equal(math?.room, '301');
    assert.ok(math?.homework.length, 'homework set at a past lesson shows with it');
    assert.equal(res.body.days[5]?.lessons.length, 0, 'no lessons on Saturday');
  });

  it('marks a substituted lesson in the week', async () => {
    const res = await week('studentMaria', '2026-W48');
    const thursday = res.body.days[3];
    const lesson = thursday?.lessons.find((l) => l.number === 2);
    assert.equal(lesson?.subjectName, 'Русский язык');
    assert.equal(lesson?.substitution?.substituteTeacherName, 'Лебедева О. Н.');
    assert.equal(lesson?.substitution?.originalTeacherName, 'Белова И. А.');
    assert.equal(lesson?.substitution?.room, '207');
    const others = res.body.days.flatMap((d) => d.lessons).filter((l) => l.substitution);
    assert.equal(others.length, 1);
  });

  it('handles week 53 and the turn of the year, and rejects weeks that do not exist', async () => {
    const w53 = await week('parentIvanova', '2026-W53');
    assert.equal(w53.status, 200, w53.text);
    assert.equal(w53.body.days[0]?.date, '2026-12-28');
    assert.equal(w53.body.days[5]?.date, '2027-01-02');
    assert.equal(w53.body.days[0]?.lessons.length, 5, 'the last day of the quarter');
    assert.equal(w53.body.days[1]?.lessons.length, 0, 'winter holidays');
    const w01 = await week('parentIvanova', '2027-W01');
    assert.equal(w01.body.days[0]?.date, '2027-01-04');
    const cases: [string, string][] = [
      ['2025-W53', 'impossible_date'],
      ['2026-48', 'format'],
      ['2026-W54', 'format'],
      ['2026-W00', 'format'],
    ];
    for (const [w, code] of cases) {
      const res = await week('parentIvanova', w);
      assert.equal(res.status, 400, w);
      assert.deepEqual(fields(res), [['week', code]], w);
    }
    const missing = await server.call<ErrorResponse>('GET', WEEK, { token: tokens.parentIvanova });
    assert.deepEqual(fields(missing), [['week', 'required']]);
  });

  it("shows a class's timetable to its families and the school's staff only", async () => {
    for (const who of [
      'parentIvanova',
      'studentMaria',
      'teacherPhysics',
      'teacherMath',
      'admin42',
    ]) {
      assert.equal((await week(who, '2026-W48')).status, 200, who);
    }
    for (const who of ['parentPetrov', 'teacherLyceum', 'admin17']) {
      const res = await week(who, '2026-W48');
      assert.equal(res.status, 404, who);
      assert.doesNotMatch(res.text, /Орлов|Математика/);
    }
    assert.equal((await week('studentMaria', '2026-W48', C8B)).status, 404, 'not her class');
    assert.equal((await week('parentIvanova', '2026-W48', C8B)).status, 200, 'her son’s class');
    assert.equal((await week('admin42', '2026-W48', 'cls_nope')).status, 404);
  });

  it('substitutes a lesson, showing it in the week and notifying the families', async () => {
    const lessonId = 'les_42_5a_20261125_3';
    const res = await substitute('admin42', lessonId, {
      substituteTeacherId: 'usr_teacher_history',
      subjectId: 'sub_42_history',
      reason: '  Болезнь учителя ',
      room: '214',
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.originalSubjectName, 'География');
    assert.equal(res.body.originalTeacherName, 'Фролова М. С.');
    assert.equal(res.body.subjectName, 'История');
    assert.equal(res.body.substituteTeacherName, 'Григорьев Н. П.');
    assert.equal(res.body.reason, 'Болезнь учителя');
    assert.deepEqual([res.body.date, res.body.lessonNumber], ['2026-11-25', 3]);

    const wednesday = (await week('parentIvanova', '2026-W48')).body.days[2];
    const lesson = wednesday?.lessons.find((l) => l.id === lessonId);
    assert.equal(lesson?.substitution?.id, res.body.id);

    for (const who of ['parentIvanova', 'studentMaria']) {
      const note = (await feed(who)).find((n) => n.kind === 'substitution');
      assert.match(note?.title ?? '', /Замена: 5А, 25\.11\.2026, 3-й урок/, who);
      assert.match(
        note?.body ?? '',
        /География \(Фролова М\. С\.\) → История, Григорьев Н\. П\., каб\. 214/,
      );
    }
    assert.ok(!(await feed('parentPetrov')).some((n) => n.kind === 'substitution'));
    const outbox = await server.call<Items<{ to: string; text: string }>>(
      'GET',
      '/api/v1/dev/outbox',
    );
    const sms = outbox.body.items.filter((m) => m.text.includes('Замена: 5А'));
    assert.deepEqual(
      sms.map((m) => m.to),
      [U.parentIvanova.phone],
      'one SMS to the family; none to the pupil',
    );
    const events = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'child_id'])
      .where('type', '=', 'substitution.created')
      .execute();
    assert.deepEqual(events.map((e) => [e.user_id, e.child_id]).sort(), [
      [U.parentIvanova.id, DEMO.children.maria.id],
      [U.studentMaria.id, DEMO.children.maria.id],
    ]);
  });

  it('changes an existing substitution in place and keeps its history filterable', async () => {
    const lessonId = 'les_42_5a_20261125_3';
    const first = (await week('admin42', '2026-W48')).body.days[2]?.lessons[2]?.substitution;
    const res = await substitute('admin42', lessonId, {
      substituteTeacherId: 'usr_teacher_biology',
      reason: 'Перенос урока',
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.id, first?.id);
    assert.equal(res.body.subjectName, 'География', 'the subject stays when none is given');
    assert.equal(res.body.room, undefined);

    const path = `/api/v1/classes/${C5A}/substitutions`;
    const october = await server.call<Items<Substitution>>('GET', path, {
      token: tokens.parentIvanova,
      query: { from: '2026-10-01', to: '2026-10-31' },
    });
    assert.deepEqual(
      october.body.items.map((s) => s.date),
      ['2026-10-14'],
    );
    const all = await server.call<Items<Substitution>>('GET', path, { token: tokens.teacherMath });
    const dates = all.body.items.map((s) => s.date);
    assert.deepEqual(dates, ['2026-10-14', '2026-11-19', '2026-11-25', '2026-11-26', '2026-12-01']);
    const reversed = await server.call<ErrorResponse>('GET', path, {
      token: tokens.parentIvanova,
      query: { from: '2026-11-01', to: '2026-10-01' },
    });
    assert.deepEqual(fields(reversed), [['to', 'date_order']]);
    const stranger = await server.call('GET', path, { token: tokens.parentPetrov });
    assert.equal(stranger.status, 404);
  });

  it('rejects bad substitutions field by field, and callers who are not the school’s admin', async () => {
    const lessonId = 'les_42_5a_20261127_1';
    const cases: [Record<string, unknown>, string, string][] = [
      [{ substituteTeacherId: 'usr_teacher_history' }, 'reason', 'required'],
      [{ substituteTeacherId: 'usr_teacher_history', reason: '   ' }, 'reason', 'required'],
      [
        { substituteTeacherId: U.teacherLyceum.id, reason: 'Болезнь' },
        'substituteTeacherId',
        'invalid_option',
      ],
      [
        { substituteTeacherId: U.parentIvanova.id, reason: 'Болезнь' },
        'substituteTeacherId',
        'invalid_option',
      ],
      [
        { substituteTeacherId: 'usr_teacher_history', subjectId: 'sub_17_math', reason: 'Болезнь' },
        'subjectId',
        'invalid_option',
      ],
      [
        { substituteTeacherId: 'usr_teacher_history', reason: 'Болезнь', room: 'x'.repeat(21) },
        'room',
        'too_long',
      ],
    ];
    for (const [body, path, code] of cases) {
      const res = await substitute('admin42', lessonId, body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.deepEqual(fields(res), [[path, code]], JSON.stringify(body));
    }
    const body = { substituteTeacherId: 'usr_teacher_history', reason: 'Болезнь' };
    assert.equal((await substitute('admin17', lessonId, body)).status, 404);
    assert.equal((await substitute('teacherMath', lessonId, body)).status, 403);
    assert.equal((await substitute('parentIvanova', lessonId, body)).status, 403);
    assert.equal((await substitute('admin42', 'les_nope', body)).status, 404);
  });

  it('refuses a substitution for a lesson already held, or its removal, and tells no one', async () => {
    const body = { substituteTeacherId: 'usr_teacher_history', reason: 'Болезнь' };
    const before = (await feed('parentIvanova')).length;
    // Monday's lesson, and today's first lesson (it ended at 09:15 in Moscow; it is now 12:00).
    for (const lessonId of ['les_42_5a_20261123_2', 'les_42_5a_20261124_1']) {
      const res = await substitute('admin42', lessonId, body);
      assert.equal(res.status, 400, `${lessonId}: ${res.text}`);
      assert.deepEqual(fields(res), [['lessonId', 'past_date']]);
    }
    assert.equal((await feed('parentIvanova')).length, before);
    // Nor is the substitution of last Thursday's lesson removed: it is what the class had.
    const held = 'les_42_5a_20261119_3';
    const path = `/api/v1/lessons/${held}/substitution`;
    const removal = await server.call<ErrorResponse>('DELETE', path, { token: tokens.admin42 });
    assert.equal(removal.status, 400, removal.text);
    assert.deepEqual(fields(removal), [['lessonId', 'past_date']]);
    const thursday = (await week('parentIvanova', '2026-W47')).body.days[3]?.lessons[2];
    assert.equal(thursday?.id, held);
    assert.equal(thursday?.substitution?.reason, 'Болезнь учителя');
    // Today's last lesson is still ahead.
    const later = await substitute('admin42', 'les_42_5a_20261124_5', body);
    assert.equal(later.status, 200, later.text);
  });

  it('undoes a substitution, auditing it', async () => {
    const lessonId = 'les_42_5a_20261125_3';
    const denied = await server.call('DELETE', `/api/v1/lessons/${lessonId}/substitution`, {
      token: tokens.admin17,
    });
    assert.equal(denied.status, 404);
    const res = await server.call('DELETE', `/api/v1/lessons/${lessonId}/substitution`, {
      token: tokens.admin42,
    });
    assert.equal(res.status, 204, res.text);
    const lesson = (await week('parentIvanova', '2026-W48')).body.days[2]?.lessons[2];
    assert.equal(lesson?.substitution, undefined);
    const again = await server.call('DELETE', `/api/v1/lessons/${lessonId}/substitution`, {
      token: tokens.admin42,
    });
    assert.equal(again.status, 404);
    const audit = await server.call<Page<AuditEntry>>('GET', '/api/v1/schools/sch_42/audit', {
      token: tokens.admin42,
      query: { action: 'schedule.cancel_substitution' },
    });
    assert.equal(audit.body.total, 1);
  });

  it("rejects a bad week's lessons with a field error for each problem", async () => {
    const lesson = {
      date: '2026-12-14',
      number: 1,
      startTime: '08:30',
      endTime: '09:15',
      subjectId: 'sub_42_math',
      teacherId: U.teacherMath.id,
      room: '301',
    };
    const res = await setWeek('admin42', '2026-W51', [
      { ...lesson, endTime: '08:30' },
      { ...lesson, startTime: '09:25', endTime: '10:10' },
      { ...lesson, number: 2, date: '2026-12-20' },
      { ...lesson, number: 3, subjectId: 'sub_17_math' },
      { ...lesson, number: 4, teacherId: U.teacherLyceum.id },
      { ...lesson, number: 5, room: '' },
    ]);
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(fields(res), [['lessons.5.room', 'required']]);
    const semantic = await setWeek('admin42', '2026-W51', [
      { ...lesson, endTime: '08:30' },
      { ...lesson, startTime: '09:25', endTime: '10:10' },
      { ...lesson, number: 2, date: '2026-12-20' },
      { ...lesson, number: 3, subjectId: 'sub_17_math' },
      { ...lesson, number: 4, teacherId: U.teacherLyceum.id },
    ]);
    assert.deepEqual(fields(semantic), [
      ['lessons.0.endTime', 'date_order'],
      ['lessons.1.number', 'already_registered'],
      ['lessons.2.date', 'too_big'],
      ['lessons.3.subjectId', 'invalid_option'],
      ['lessons.4.teacherId', 'invalid_option'],
    ]);
    const badWeek = await setWeek('admin42', '2025-W53', []);
    assert.deepEqual(fields(badWeek), [['week', 'impossible_date']]);
    assert.equal((await setWeek('admin17', '2026-W51', [lesson])).status, 404);
    assert.equal((await setWeek('teacherMath', '2026-W51', [lesson])).status, 403);
    const unchanged = await week('admin42', '2026-W51');
    assert.equal(unchanged.body.days[0]?.lessons.length, 5, 'nothing was saved');
  });

  it('updates lessons in place by day and number, keeping their ids', async () => {
    const current = (await week('admin42', '2026-W51')).body;
    const lessons = current.days.flatMap((d) =>
      d.lessons.map((l) => ({
        date: l.date,
        number: l.number,
        startTime: l.startTime,
        endTime: l.endTime,
        subjectId: l.subjectId,
        teacherId: l.teacherId,
        room: l.id === current.days[0]?.lessons[0]?.id ? '999' : l.room,
      })),
    );
    const [first] = lessons;
    assert.ok(first);
    lessons.push({ ...first, date: '2026-12-19', number: 1 });
    const res = await setWeek('admin42', '2026-W51', lessons);
    assert.equal(res.status, 200, res.text);
    const before = current.days.flatMap((d) => d.lessons.map((l) => l.id));
    const after = res.body.days.flatMap((d) => d.lessons.map((l) => l.id));
    assert.deepEqual(after.slice(0, before.length), before);
    assert.equal(res.body.days[0]?.lessons[0]?.room, '999');
    assert.equal(res.body.days[5]?.lessons.length, 1, 'a Saturday lesson was added');
  });

  it('replaces only the lessons without marks or attendance', async () => {
    const before = (await week('admin42', '2026-W48')).body;
    const res = await setWeek('admin42', '2026-W48', []);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.days[0]?.lessons.map((l) => l.id),
      before.days[0]?.lessons.map((l) => l.id),
      'Monday has attendance: kept',
    );
    for (const day of res.body.days.slice(1)) assert.equal(day.lessons.length, 0, day.date);
    // Homework set at a removed lesson stays, no longer tied to it.
    const homework = await server.call<Items<Homework>>(
      'GET',
      `/api/v1/children/${DEMO.children.maria.id}/homework`,
      { token: tokens.parentIvanova, query: { from: '2026-11-25', to: '2026-11-30' } },
    );
    const tuesday = homework.body.items.filter((h) => h.assignedDate === '2026-11-24');
    assert.ok(tuesday.length > 0 && tuesday.every((h) => h.lessonId === undefined));
    // So does a test planned at one: on its date, without the lesson.
    const tests = await server.call<Items<PlannedAssessment>>(
      'GET',
      `/api/v1/children/${DEMO.children.maria.id}/assessments`,
      { token: tokens.parentIvanova, query: { from: '2026-11-25', to: '2026-11-29' } },
    );
    assert.ok(tests.body.items.length > 0 && tests.body.items.every((a) => !a.lessonId));
    const version = await server.database.db
      .selectFrom('versions')
      .select('version')
      .where('scope', '=', `class:${C5A}`)
      .executeTakeFirst();
    assert.ok((version?.version ?? 0) >= 3, 'every timetable write bumps the class version');
  });
});
