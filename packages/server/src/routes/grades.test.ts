import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareWithPreviousYear,
  finalMark,
  parseCsv,
  roundAverage,
  summarizeBySubject,
  type AuditEntry,
  type ErrorResponse,
  type FinalMark,
  type GradeSummary,
  type Mark,
  type Notification,
  type Threshold,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const Q1 = 'per_42_2026_q1';
const Q2 = 'per_42_2026_q2';

type Items<T> = { items: T[] };
type Page<T> = { items: T[]; total: number };

describe('grades: marks, summaries, CSV, thresholds', () => {
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
      'teacherPhysics',
      'teacherLyceum',
      'admin42',
      'admin17',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const get = <T>(who: string, path: string, query: Record<string, string> = {}) =>
    server.call<T & ErrorResponse>('GET', path, { token: tokens[who], query });
  const marks = async (query: Record<string, string> = {}, who = 'parentIvanova') =>
    (await get<Items<Mark>>(who, `/api/v1/children/${MARIA}/grades`, query)).body.items;
  const enter = (who: string, body: Record<string, unknown>) =>
    server.call<Mark & ErrorResponse>('POST', '/api/v1/marks', {
      token: tokens[who],
      body: {
        childId: MARIA,
        subjectId: 'sub_42_math',
        value: 5,
        kind: 'oral',
        date: '2026-11-24',
        ...body,
      },
    });
  const fields = (res: { body: ErrorResponse }) =>
    res.body.error.fields.map((f) => [f.path, f.code]);
  const feed = async (who: string) =>
    (await get<Page<Notification>>(who, '/api/v1/notifications', { pageSize: '100' })).body.items;
  const audit = async (action: string) =>
    (
      await get<Page<AuditEntry>>('admin42', '/api/v1/schools/sch_42/audit', {
        action,
        pageSize: '100',
      })
    ).body.items;
  const eventsOf = (type: string, id: string) =>
    server.database.db
      .selectFrom('events')
      .select(['user_id', 'child_id', 'data'])
      .where('type', '=', type)
      .execute()
      .then((rows) => rows.filter((r) => (JSON.parse(r.data) as { id: string }).id === id));

  it("lists a child's marks of the school year in chronological order", async () => {
    const all = await marks();
    assert.ok(all.length > 80, `the seed gives Мария a term of marks, got ${all.length}`);
    assert.ok(all.every((m) => m.childId === MARIA));
    const dates = all.map((m) => m.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok((dates[0] ?? '') >= '2026-09-01', 'last year is not in this year’s list');
    assert.ok(all.every((m) => typeof m.teacherName === 'string' && m.teacherName.length > 0));
  });

  it('filters by subject, kind of work, date range and period', async () => {
    const math = await marks({ subjectId: 'sub_42_math' });
    assert.ok(math.length > 0 && math.every((m) => m.subjectName === 'Математика'));
    const tests = await marks({ kind: 'test' });
    assert.ok(tests.length > 0 && tests.every((m) => m.kind === 'test' && m.weight === 3));
    const october = await marks({ from: '2026-10-01', to: '2026-10-31' });
    assert.ok(october.length > 0);
    assert.ok(october.every((m) => m.date >= '2026-10-01' && m.date <= '2026-10-31'));
    const q1 = await marks({ periodId: Q1 });
    assert.ok(q1.every((m) => m.periodId === Q1 && m.date <= '2026-10-26'));
    const narrowed = await marks({ periodId: Q1, from: '2026-10-01' });
    assert.deepEqual(
      narrowed.map((m) => m.id),
      q1.filter((m) => m.date >= '2026-10-01').map((m) => m.id),
    );
    const lastYear = await marks({ from: '2025-09-01', to: '2026-05-31' });
    assert.ok(lastYear.length > 100 && lastYear.every((m) => m.periodId === undefined));
  });

  it('rejects bad filters with field errors', async () => {
    const path = `/api/v1/children/${MARIA}/grades`;
    const reversed = await get('parentIvanova', path, { from: '2026-11-01', to: '2026-10-01' });
    assert.equal(reversed.status, 400);
    assert.deepEqual(fields(reversed), [['to', 'date_order']]);
    const kind = await get('parentIvanova', path, { kind: 'poem' });
    assert.deepEqual(fields(kind), [['kind', 'invalid_option']]);
    for (const periodId of ['per_nope', 'per_17_2026_q1']) {
      const res = await get('parentIvanova', path, { periodId });
      assert.equal(res.status, 400, periodId);
      assert.deepEqual(fields(res), [['periodId', 'invalid_option']]);
    }
  });

  it('shows the marks to the family and staff of the class, and 404 to anyone else', async () => {
    const path = `/api/v1/children/${MARIA}/grades`;
    for (const who of ['studentMaria', 'teacherRussian', 'admin42']) {
      assert.equal((await get(who, path)).status, 200, who);
    }
    for (const who of ['parentPetrov', 'teacherPhysics', 'teacherLyceum', 'admin17']) {
      const res = await get(who, path);
      assert.equal(res.status, 404, who);
      assert.doesNotMatch(res.text, /Математика/);
    }
  });

  it("summarises a period per subject exactly as core's grade maths does", async () => {
    const res = await get<GradeSummary>(
      'parentIvanova',
      `/api/v1/children/${MARIA}/grades/summary`,
      {
        periodId: Q1,
      },
    );
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.body.from, res.body.to], ['2026-09-01', '2026-10-26']);
    const expected = summarizeBySubject(await marks({ periodId: Q1 }));
    assert.deepEqual(
      res.body.subjects.map((s) => s.subjectName),
      expected.map((s) => s.subjectName),
    );
    for (const [i, sum] of expected.entries()) {
      const got = res.body.subjects[i];
      const weighted = roundAverage(sum.weightedAverage ?? NaN);
      assert.equal(got?.count, sum.count);
      assert.equal(got?.weightedAverage, weighted, sum.subjectName);
      assert.equal(got?.arithmeticAverage, roundAverage(sum.arithmeticAverage ?? NaN));
      assert.equal(got?.finalMark, finalMark(weighted));
      assert.ok(got?.fixedFinalMark !== undefined, 'quarter I has final marks in the seed');
    }
  });

  it('summarises the current period by default and a date range on request', async () => {
    const path = `/api/v1/children/${MARIA}/grades/summary`;
    const current = await get<GradeSummary>('studentMaria', path);
    assert.equal(current.body.periodId, Q2);
    assert.deepEqual([current.body.from, current.body.to], ['2026-11-05', '2026-12-28']);
    const range = await get<GradeSummary>('parentIvanova', path, {
      from: '2026-09-01',
      to: '2026-09-30',
    });
    assert.equal(range.body.periodId, undefined);
    const september = await marks({ from: '2026-09-01', to: '2026-09-30' });
    const total = range.body.subjects.reduce((n, s) => n + s.count, 0);
    assert.equal(total, september.length);
    const bad = await get('parentIvanova', path, { from: '2026-10-01', to: '2026-09-01' });
    assert.deepEqual(fields(bad), [['to', 'date_order']]);
  });

  it('compares the year with the previous one using core’s comparison', async () => {
    const res = await get<{
      currentYear: string;
      previousYear: string;
      subjects: { subjectName: string; current: number | null; previous: number | null }[];
    }>('parentIvanova', `/api/v1/children/${MARIA}/grades/comparison`);
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.body.currentYear, res.body.previousYear], ['2026/2027', '2025/2026']);
    const now = await marks();
    const before = await marks({ from: '2025-09-01', to: '2026-05-31' });
    const expected = compareWithPreviousYear(now, before);
    assert.deepEqual(
      res.body.subjects,
      expected.map((c) => ({
        subjectName: c.subjectName,
        current: c.current,
        previous: c.previous,
        delta: c.delta,
      })),
    );
    const history = res.body.subjects.find((s) => s.subjectName === 'История');
    assert.equal(history?.previous, null, 'history starts in the 5th grade');
    const teacher = await get('teacherMath', `/api/v1/children/${MARIA}/grades/comparison`);
    assert.equal(teacher.status, 403);
  });

  it('exports CSV with a BOM and `;` that parses back to the marks', async () => {
    // Fetched directly: the BOM is only visible in the raw bytes.
    const url = new URL(`/api/v1/children/${MARIA}/grades.csv`, server.url);
    url.search = new URLSearchParams({ periodId: Q1, delimiter: ';' }).toString();
    const res = await fetch(url, { headers: { authorization: `Bearer ${tokens.parentIvanova}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(
      res.headers.get('content-disposition'),
      `attachment; filename="grades-${MARIA}-2026-09-01-2026-10-26.csv"`,
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    assert.ok(text.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
    const rows = parseCsv(text, { delimiter: ';' });
    const q1 = await marks({ periodId: Q1 });
    assert.deepEqual(rows[0], [
      'Дата',
      'Предмет',
      'Оценка',
      'Вес',
      'Вид работы',
      'Комментарий',
      'Учитель',
      'Период',
    ]);
    assert.equal(rows.length - 1, q1.length);
    q1.forEach((mark, i) => {
      const [y, m, d] = mark.date.split('-');
      const row = rows[i + 1] ?? [];
      const cells = [row[0], row[1], row[2], row[3], row[6], row[7]];
      const weight = String(mark.weight).replace('.', ',');
      const expected = [`${d}.${m}.${y}`, mark.subjectName, String(mark.value), weight];
      assert.deepEqual(cells, [...expected, mark.teacherName, 'I четверть']);
    });

    const english = await server.call('GET', `/api/v1/children/${MARIA}/grades.csv`, {
      token: tokens.studentMaria,
      lang: 'en',
      query: { subjectId: 'sub_42_math', from: '2026-09-01', to: '2026-09-30' },
    });
    const parsed = parseCsv(english.text);
    assert.equal(parsed[0]?.[0], 'Date');
    assert.ok(parsed.length > 1);
    assert.ok(parsed.slice(1).every((r) => r[1] === 'Математика' && r[0]?.startsWith('2026-09')));
    const teacher = await server.call('GET', `/api/v1/children/${MARIA}/grades.csv`, {
      token: tokens.teacherMath,
    });
    assert.equal(teacher.status, 403);
  });

  it('lets a teacher of the class and subject enter a mark, telling the family', async () => {
    const res = await enter('teacherMath', {
      value: 4,
      weight: 2,
      kind: 'quiz',
      comment: ' Хорошо ',
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.value, 4);
    assert.equal(res.body.comment, 'Хорошо');
    assert.equal(res.body.teacherName, 'Орлов С. Н.');
    assert.equal(res.body.periodId, Q2);
    assert.ok((await marks({ from: '2026-11-24' })).some((m) => m.id === res.body.id));
    for (const who of ['parentIvanova', 'studentMaria']) {
      const note = (await feed(who)).find((n) => n.targetId === res.body.id);
      assert.equal(note?.kind, 'mark', who);
      assert.match(note?.body ?? '', /Мария: 4 — самостоятельная работа, 24\.11\.2026/);
    }
    assert.ok(!(await feed('parentPetrov')).some((n) => n.targetId === res.body.id));
    const events = await eventsOf('mark.created', res.body.id);
    assert.deepEqual(events.map((e) => e.user_id).sort(), [U.parentIvanova.id, U.studentMaria.id]);
    assert.ok(events.every((e) => e.child_id === MARIA));
    const entry = (await audit('marks.create')).find((a) => a.target === res.body.id);
    assert.equal(entry?.actorId, U.teacherMath.id);
  });

  it('rejects bad marks field by field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ value: 6 }, 'value', 'format'],
      [{ weight: 7 }, 'weight', 'too_big'],
      [{ weight: 1.3 }, 'weight', 'format'],
      [{ kind: 'poem' }, 'kind', 'invalid_option'],
      [{ date: '2026-02-30' }, 'date', 'impossible_date'],
      [{ date: '2026-08-31' }, 'date', 'too_small'],
      [{ date: '2026-11-25' }, 'date', 'future_date'],
      [{ lessonId: 'les_42_8b_20261123_1' }, 'lessonId', 'invalid_option'],
      [{ lessonId: 'les_42_5a_20261123_2', date: '2026-11-20' }, 'date', 'invalid_option'],
    ];
    for (const [body, path, code] of cases) {
      const res = await enter('teacherMath', body);
      assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.text}`);
      assert.deepEqual(fields(res), [[path, code]], JSON.stringify(body));
    }
    const onLesson = await enter('teacherMath', {
      lessonId: 'les_42_5a_20261123_2',
      date: '2026-11-23',
    });
    assert.equal(onLesson.status, 201, onLesson.text);
  });

  it('refuses marks from teachers of another subject or class, and from families and admins', async () => {
    assert.equal((await enter('teacherRussian', {})).status, 404, 'teaches 5А, not mathematics');
    assert.equal((await enter('teacherPhysics', { subjectId: 'sub_42_physics' })).status, 404);
    assert.equal((await enter('teacherLyceum', {})).status, 404);
    assert.equal((await enter('teacherMath', { childId: 'chd_nobody' })).status, 404);
    for (const who of ['parentIvanova', 'studentMaria', 'admin42']) {
      const res = await enter(who, {});
      assert.equal(res.status, 403, who);
      assert.equal(res.body.error.code, 'forbidden');
    }
  });

  it('corrects a mark keeping the old and new values in the audit log', async () => {
    const mark = (await enter('teacherMath', { value: 3, kind: 'homework' })).body;
    const patched = await server.call<Mark & ErrorResponse>('PATCH', `/api/v1/marks/${mark.id}`, {
      token: tokens.teacherMath,
      body: { value: 4, comment: 'Исправлено после пересдачи' },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.value, 4);
    assert.equal(patched.body.createdAt, mark.createdAt);
    const entry = (await audit('marks.update')).find((a) => a.target === mark.id);
    const detail = JSON.parse(entry?.detail ?? '{}') as {
      old: { value: string; comment: null };
      new: { value: string; comment: string };
    };
    assert.equal(detail.old.value, '3');
    assert.equal(detail.new.value, '4');
    assert.equal(detail.new.comment, 'Исправлено после пересдачи');
    const events = await eventsOf('mark.updated', mark.id);
    assert.equal(events.length, 2);
    const note = (await feed('parentIvanova')).find(
      (n) => n.targetId === mark.id && n.title.startsWith('Оценка исправлена'),
    );
    assert.ok(note);

    const bad = await server.call<ErrorResponse>('PATCH', `/api/v1/marks/${mark.id}`, {
      token: tokens.teacherMath,
      body: { weight: 0 },
    });
    assert.deepEqual(fields(bad), [['weight', 'too_small']]);
    const other = await server.call('PATCH', `/api/v1/marks/${mark.id}`, {
      token: tokens.teacherRussian,
      body: { value: 5 },
    });
    assert.equal(other.status, 404);
    const parent = await server.call('PATCH', `/api/v1/marks/${mark.id}`, {
      token: tokens.parentIvanova,
      body: { value: 5 },
    });
    assert.equal(parent.status, 403);
  });

  it('deletes a mark, auditing it and telling the family', async () => {
    const mark = (await enter('teacherMath', { value: 2, kind: 'homework' })).body;
    const foreign = await server.call('DELETE', `/api/v1/marks/${mark.id}`, {
      token: tokens.teacherLyceum,
    });
    assert.equal(foreign.status, 404);
    const res = await server.call('DELETE', `/api/v1/marks/${mark.id}`, {
      token: tokens.teacherMath,
    });
    assert.equal(res.status, 204, res.text);
    assert.ok(!(await marks({ from: '2026-11-24' })).some((m) => m.id === mark.id));
    const entry = (await audit('marks.delete')).find((a) => a.target === mark.id);
    assert.equal((JSON.parse(entry?.detail ?? '{}') as { old: { value: string } }).old.value, '2');
    const events = await eventsOf('mark.deleted', mark.id);
    assert.deepEqual(events.map((e) => e.user_id).sort(), [U.parentIvanova.id, U.studentMaria.id]);
    const again = await server.call('DELETE', `/api/v1/marks/${mark.id}`, {
      token: tokens.teacherMath,
    });
    assert.equal(again.status, 404);
  });

  it('alerts a parent exactly once when the average crosses their threshold', async () => {
    const set = await server.call<Threshold & ErrorResponse>(
      'PUT',
      `/api/v1/children/${MARIA}/thresholds`,
      {
        token: tokens.parentIvanova,
        body: { subjectId: 'sub_42_literature', threshold: 4 },
      },
    );
    assert.equal(set.status, 200, set.text);
    const alerts = async () => (await feed('parentIvanova')).filter((n) => n.kind === 'threshold');
    const average = async () =>
      (
        await get<GradeSummary>('parentIvanova', `/api/v1/children/${MARIA}/grades/summary`)
      ).body.subjects.find((s) => s.subjectId === 'sub_42_literature')?.weightedAverage ?? 5;
    assert.ok((await average()) >= 4, 'Мария starts above the threshold');
    let steps = 0;
    while ((await average()) >= 4) {
      assert.equal((await alerts()).length, 0, 'no alert while above the threshold');
      const res = await enter('teacherRussian', {
        subjectId: 'sub_42_literature',
        value: 2,
        weight: 5,
        kind: 'essay',
      });
      assert.equal(res.status, 201, res.text);
      steps += 1;
      assert.ok(steps < 10);
    }
    const [alert] = await alerts();
    assert.equal((await alerts()).length, 1);
    assert.match(
      alert?.body ?? '',
      /Мария, Литература: средний балл за II четверть — \d,\d\d, ниже порога 4,00/,
    );
    await enter('teacherRussian', { subjectId: 'sub_42_literature', value: 2, kind: 'oral' });
    assert.equal((await alerts()).length, 1, 'still below: no second alert');
    assert.ok(!(await feed('studentMaria')).some((n) => n.kind === 'threshold'));
    const outbox = await server.call<Items<{ to: string; text: string }>>(
      'GET',
      '/api/v1/dev/outbox',
    );
    assert.ok(
      outbox.body.items.some((m) => m.to === U.parentIvanova.phone && /ниже порога/.test(m.text)),
    );
  });

  it('applies an all-subjects threshold to a subject without its own', async () => {
    const summary = await get<GradeSummary>(
      'parentIvanova',
      `/api/v1/children/${MARIA}/grades/summary`,
    );
    const math = summary.body.subjects.find((s) => s.subjectId === 'sub_42_math');
    assert.ok(math?.weightedAverage);
    // Exactly at the threshold is not below it; one more low mark crosses it.
    await server.call('PUT', `/api/v1/children/${MARIA}/thresholds`, {
      token: tokens.parentIvanova,
      body: { threshold: math.weightedAverage },
    });
    const alerts = async () => (await feed('parentIvanova')).filter((n) => n.kind === 'threshold');
    const before = (await alerts()).length;
    await enter('teacherMath', { value: 2, kind: 'oral' });
    const after = await alerts();
    assert.equal(after.length, before + 1);
    assert.match(after[0]?.body ?? '', /Мария, Математика/);
  });

  it('keeps one threshold per subject, lists and removes them, only for the own child', async () => {
    const path = `/api/v1/children/${MARIA}/thresholds`;
    const a = await server.call<Threshold>('PUT', path, {
      token: tokens.parentIvanova,
      body: { subjectId: 'sub_42_english', threshold: 3.5 },
    });
    const b = await server.call<Threshold>('PUT', path, {
      token: tokens.parentIvanova,
      body: { subjectId: 'sub_42_english', threshold: 3 },
    });
    assert.equal(a.body.id, b.body.id);
    assert.equal(b.body.threshold, 3);
    const list = await get<Items<Threshold>>('parentIvanova', path);
    assert.equal(list.body.items.filter((t) => t.subjectId === 'sub_42_english').length, 1);
    const bad = await server.call<ErrorResponse>('PUT', path, {
      token: tokens.parentIvanova,
      body: { subjectId: 'sub_17_math', threshold: 1 },
    });
    assert.deepEqual(fields(bad), [['threshold', 'too_small']]);
    const foreign = await server.call<ErrorResponse>('PUT', path, {
      token: tokens.parentIvanova,
      body: { subjectId: 'sub_17_math', threshold: 3 },
    });
    assert.deepEqual(fields(foreign), [['subjectId', 'invalid_option']]);
    assert.equal((await get('parentPetrov', path)).status, 404);
    assert.equal((await get('studentMaria', path)).status, 403);
    const stranger = await server.call('DELETE', `${path}/${b.body.id}`, {
      token: tokens.parentPetrov,
    });
    assert.equal(stranger.status, 404);
    const removed = await server.call('DELETE', `${path}/${b.body.id}`, {
      token: tokens.parentIvanova,
    });
    assert.equal(removed.status, 204);
    const after = await get<Items<Threshold>>('parentIvanova', path);
    assert.ok(!after.body.items.some((t) => t.id === b.body.id));
  });

  it('sets a final period mark shown in the list and the summary', async () => {
    const body = { childId: MARIA, subjectId: 'sub_42_math', periodId: Q2, value: 5 };
    const res = await server.call<FinalMark & ErrorResponse>('PUT', '/api/v1/final-marks', {
      token: tokens.teacherMath,
      body,
    });
    assert.equal(res.status, 200, res.text);
    const again = await server.call<FinalMark>('PUT', '/api/v1/final-marks', {
      token: tokens.teacherMath,
      body: { ...body, value: 4 },
    });
    assert.equal(again.body.id, res.body.id);
    const list = await get<Items<FinalMark>>(
      'studentMaria',
      `/api/v1/children/${MARIA}/final-marks`,
    );
    const q2 = list.body.items.filter((f) => f.periodId === Q2);
    assert.deepEqual(
      q2.map((f) => [f.subjectName, f.value]),
      [['Математика', 4]],
    );
    const summary = await get<GradeSummary>(
      'parentIvanova',
      `/api/v1/children/${MARIA}/grades/summary`,
    );
    const math = summary.body.subjects.find((s) => s.subjectId === 'sub_42_math');
    assert.equal(math?.fixedFinalMark, 4);
    const entry = (await audit('final_marks.set')).find((a) => a.target === res.body.id);
    assert.ok(entry);
    const wrong = await server.call<ErrorResponse>('PUT', '/api/v1/final-marks', {
      token: tokens.teacherMath,
      body: { ...body, periodId: 'per_17_2026_q2' },
    });
    assert.deepEqual(fields(wrong), [['periodId', 'invalid_option']]);
    const other = await server.call('PUT', '/api/v1/final-marks', {
      token: tokens.teacherRussian,
      body,
    });
    assert.equal(other.status, 404);
  });

  it("gives a teacher their class's journal for a subject they teach", async () => {
    const path = `/api/v1/classes/${DEMO.classes.c5a.id}/marks`;
    const journal = await get<Items<Mark>>('teacherMath', path, {
      subjectId: 'sub_42_math',
      from: '2026-09-01',
      to: '2026-10-26',
    });
    assert.equal(journal.status, 200, journal.text);
    const items = journal.body.items;
    assert.ok(new Set(items.map((m) => m.childId)).size >= 20, 'every pupil has marks');
    assert.ok(items.every((m) => m.subjectId === 'sub_42_math'));
    assert.deepEqual(
      items.map((m) => m.date),
      items.map((m) => m.date).sort(),
    );
    assert.equal((await get('admin42', path, { subjectId: 'sub_42_math' })).status, 200);
    assert.equal((await get('teacherRussian', path, { subjectId: 'sub_42_math' })).status, 404);
    assert.equal((await get('admin17', path, { subjectId: 'sub_42_math' })).status, 404);
    assert.equal((await get('parentIvanova', path, { subjectId: 'sub_42_math' })).status, 403);
    const reversed = await get('teacherMath', path, {
      subjectId: 'sub_42_math',
      from: '2026-10-01',
      to: '2026-09-01',
    });
    assert.deepEqual(fields(reversed), [['to', 'date_order']]);
  });

  it('gives the school year and its quarters of the child’s class', async () => {
    const res = await get<{ name: string; periods: { id: string; name: string }[] }>(
      'studentMaria',
      `/api/v1/children/${MARIA}/periods`,
    );
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.name, '2026/2027');
    assert.deepEqual(
      res.body.periods.map((p) => p.name),
      ['I четверть', 'II четверть', 'III четверть', 'IV четверть'],
    );
    assert.equal((await get('parentPetrov', `/api/v1/children/${MARIA}/periods`)).status, 404);
  });
});
