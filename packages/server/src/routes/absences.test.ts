import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AbsenceNotice, ErrorResponse, IncomingAbsenceNotice } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { uploadFile } from '../testing/upload';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;

type Sheet = {
  entries: { childId: string; status: string; recorded: boolean; noticeId?: string }[];
};

describe('absences reported ahead', () => {
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
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const report = (who: string, body: unknown, childId = MARIA, lang = 'ru') =>
    server.call<AbsenceNotice & ErrorResponse>(
      'POST',
      `/api/v1/children/${childId}/absence-notices`,
      { token: tokens[who], body, lang },
    );
  const fields = (res: { body: ErrorResponse }) =>
    res.body.error.fields.map((f) => [f.path, f.code, f.message]);

  it('lets a parent report whole days; the family lists it, not yet acknowledged', async () => {
    const res = await report('parentIvanova', {
      from: '2026-11-26',
      to: '2026-11-27',
      reason: 'ill',
      comment: 'Температура',
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.status, 'submitted');
    assert.equal(res.body.chosenLessons, false);
    assert.ok(res.body.lessons.length >= 8, 'every lesson of both days');
    assert.ok(res.body.lessons.every((l) => l.date === '2026-11-26' || l.date === '2026-11-27'));
    const list = await server.call<{ items: AbsenceNotice[] }>(
      'GET',
      `/api/v1/children/${MARIA}/absence-notices`,
      { token: tokens.studentMaria },
    );
    assert.ok(list.body.items.some((n) => n.id === res.body.id && n.comment === 'Температура'));
  });

  it('rejects bad reports with field errors in ru and en, and other families’ children', async () => {
    const past = await report('parentIvanova', { from: '2026-11-23', reason: 'ill' });
    assert.equal(past.status, 400);
    assert.deepEqual(fields(past), [
      ['from', 'past_date', 'Дата уже прошла — укажите сегодняшнюю или будущую'],
    ]);
    const noReason = await report('parentIvanova', { from: '2026-11-30' }, MARIA, 'en');
    assert.deepEqual(
      fields(noReason).map(([path, code]) => [path, code]),
      [['reason', 'required']],
    );
    assert.doesNotMatch(String(fields(noReason)[0]?.[2]), /[А-я]/, 'worded in English');
    const reversed = await report('parentIvanova', {
      from: '2026-12-02',
      to: '2026-12-01',
      reason: 'ill',
    });
    assert.deepEqual(
      fields(reversed).map(([path, code]) => [path, code]),
      [['to', 'date_order']],
    );
    const tooLong = await report('parentIvanova', {
      from: '2026-12-01',
      to: '2027-02-01',
      reason: 'ill',
    });
    assert.deepEqual(
      fields(tooLong).map(([path, code]) => [path, code]),
      [['to', 'too_big']],
    );
    const foreignLesson = await report('parentIvanova', {
      from: '2026-12-01',
      reason: 'ill',
      lessonIds: ['les_42_5a_20261202_1'],
    });
    assert.deepEqual(
      fields(foreignLesson).map(([path, code]) => [path, code]),
      [['lessonIds.0', 'invalid_option']],
    );
    const body = { from: '2026-12-01', reason: 'ill' };
    assert.equal((await report('parentPetrov', body)).status, 404, 'not their child');
    assert.equal((await report('studentMaria', body)).status, 403, 'parents only');
  });

  it('shows chosen lessons to their teachers and the class teacher, pre-filled and acknowledged', async () => {
    const first = await report('parentIvanova', { from: '2026-12-01', reason: 'ill' });
    const lessons = first.body.lessons;
    const math = await server.database.db
      .selectFrom('lessons')
      .select(['id', 'teacher_id'])
      .where(
        'id',
        'in',
        lessons.map((l) => l.lessonId),
      )
      .execute();
    const chosen = math.find((l) => l.teacher_id === U.teacherMath.id);
    assert.ok(chosen, 'a mathematics lesson on 1 December');
    const notice = await report('parentIvanova', {
      from: '2026-12-01',
      reason: 'absent_excused',
      lessonIds: [chosen.id],
      comment: 'Соревнования',
    });
    assert.equal(notice.status, 201, notice.text);
    assert.deepEqual(
      notice.body.lessons.map((l) => l.lessonId),
      [chosen.id],
    );
    const incoming = (who: string) =>
      server.call<{ items: IncomingAbsenceNotice[] }>('GET', '/api/v1/absence-notices', {
        token: tokens[who],
        query: { from: '2026-12-01', to: '2026-12-01' },
      });
    const seen = (await incoming('teacherMath')).body.items.find((n) => n.id === notice.body.id);
    assert.equal(seen?.childName, 'Иванова Мария Андреевна');
    assert.equal(seen?.className, '5А');
    assert.ok((await incoming('teacherRussian')).body.items.some((n) => n.id === notice.body.id));
    assert.ok(!(await incoming('teacherLyceum')).body.items.some((n) => n.id === notice.body.id));

    const sheet = await server.call<Sheet>('GET', `/api/v1/lessons/${chosen.id}/attendance`, {
      token: tokens.teacherMath,
    });
    const line = sheet.body.entries.find((e) => e.childId === MARIA);
    assert.equal(line?.status, 'absent_excused');
    assert.equal(line?.recorded, false);
    assert.equal(line?.noticeId, notice.body.id);
    assert.ok(sheet.body.entries.some((e) => e.status === 'present' && e.childId !== MARIA));

    const ack = (who: string) =>
      server.call<AbsenceNotice>('POST', `/api/v1/absence-notices/${notice.body.id}/acknowledge`, {
        token: tokens[who],
      });
    assert.equal((await ack('teacherLyceum')).status, 404);
    const done = await ack('teacherMath');
    assert.equal(done.status, 200, done.text);
    assert.equal(done.body.status, 'acknowledged');
    assert.match(done.body.acknowledgedBy ?? '', /\S+ \S+/);
    const again = await ack('teacherRussian');
    assert.equal(again.body.acknowledgedAt, done.body.acknowledgedAt, 'acknowledged once');
    const events = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'data'])
      .where('type', '=', 'absence-notice.updated')
      .execute();
    assert.ok(
      events.some(
        (e) =>
          e.user_id === U.parentIvanova.id &&
          (JSON.parse(e.data) as AbsenceNotice).id === notice.body.id,
      ),
      'the family is told live',
    );
  });

  it('keeps a doctor’s note for the family and the teachers told of it', async () => {
    const file = await uploadFile(server, tokens.parentIvanova, {
      data: Buffer.from('%PDF-1.7\n%справка\n'),
      type: 'application/pdf',
      name: 'Справка.pdf',
    });
    assert.equal(file.status, 201, file.text);
    const notice = await report('parentIvanova', {
      from: '2026-12-03',
      reason: 'ill',
      attachmentId: file.body.id,
    });
    assert.equal(notice.status, 201, notice.text);
    assert.equal(notice.body.attachment?.name, 'Справка.pdf');
    const download = (who: string) =>
      server.call('GET', `/api/v1/attachments/${file.body.id}`, { token: tokens[who] });
    assert.equal((await download('teacherRussian')).status, 200);
    assert.equal((await download('studentMaria')).status, 200);
    assert.equal((await download('parentPetrov')).status, 404);
    const reused = await report('parentIvanova', {
      from: '2026-12-04',
      reason: 'ill',
      attachmentId: file.body.id,
    });
    assert.deepEqual(
      fields(reused).map(([path, code]) => [path, code]),
      [['attachmentId', 'invalid_option']],
    );
  });

  it('tells the family live when a teacher records an absence', async () => {
    const lesson = 'les_42_5a_20261124_1';
    const res = await server.call('PUT', `/api/v1/lessons/${lesson}/attendance`, {
      token: tokens.teacherMath,
      body: { entries: [{ childId: MARIA, status: 'ill' }] },
    });
    assert.equal(res.status, 200, res.text);
    const events = await server.database.db
      .selectFrom('events')
      .select(['user_id', 'data'])
      .where('type', '=', 'attendance.recorded')
      .where('child_id', '=', MARIA)
      .execute();
    const mine = events.filter((e) => e.user_id === U.parentIvanova.id);
    assert.ok(
      mine.some((e) => {
        const a = JSON.parse(e.data) as { lessonId: string; status: string };
        return a.lessonId === lesson && a.status === 'ill';
      }),
    );
  });
});
