import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  finalMark,
  type ErrorResponse,
  type Journal,
  type JournalBatchResult,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const C5A = DEMO.classes.c5a.id;
const MARIA = DEMO.children.maria.id;
const PUPIL_2 = 'chd_cls_42_5a_pupil_02';
const PUPIL_3 = 'chd_cls_42_5a_pupil_03';
const MATHS = 'sub_42_math';
/** Tuesday 24 November 2026 (the test clock's today), lesson 1: mathematics in 5А. */
const LESSON = 'les_42_5a_20261124_1';

type Answer<T> = T & ErrorResponse;

describe('journal', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let batchSeq = 0;

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'teacherMath',
      'teacherRussian',
      'teacherLyceum',
      'admin42',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const read = (who: string, query: Record<string, string> = { subjectId: MATHS }) =>
    server.call<Answer<Journal>>('GET', `/api/v1/classes/${C5A}/journal`, {
      token: tokens[who],
      query,
    });
  const save = (who: string, body: Record<string, unknown>, lang = 'ru') =>
    server.call<Answer<JournalBatchResult>>('PUT', `/api/v1/classes/${C5A}/journal`, {
      token: tokens[who],
      lang,
      body: {
        batchId: `bat_test_${(batchSeq += 1)}`,
        subjectId: MATHS,
        lessonId: LESSON,
        ...body,
      },
    });
  const cellOf = (journal: Journal, childId: string, lessonId = LESSON) =>
    journal.cells.find((c) => c.childId === childId && c.lessonId === lessonId);
  const marksAt = async (childId: string) =>
    server.database.db
      .selectFrom('marks')
      .select('value')
      .where('child_id', '=', childId)
      .where('lesson_id', '=', LESSON)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  it('reads a class × subject × period: roster, lessons, cells, averages and suggested finals', async () => {
    const res = await read('teacherMath');
    assert.equal(res.status, 200, res.text);
    const journal = res.body;
    assert.equal(journal.writable, true);
    assert.equal(journal.periodId, 'per_42_2026_q2');
    assert.equal(journal.subjectName, 'Математика');
    const names = journal.students.map((p) => `${p.lastName} ${p.firstName}`);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b, 'ru')),
    );
    assert.ok(journal.students.some((p) => p.id === MARIA));
    const days = journal.lessons.map((l) => `${l.date}#${l.number}`);
    assert.deepEqual(days, [...days].sort());
    assert.ok(journal.lessons.every((l) => l.date >= journal.from && l.date <= journal.to));
    assert.ok(journal.lessons.some((l) => l.id === LESSON));
    const lessonIds = new Set(journal.lessons.map((l) => l.id));
    assert.ok(journal.cells.length > 0 && journal.cells.every((c) => lessonIds.has(c.lessonId)));
    for (const pupil of journal.students)
      assert.equal(pupil.suggestedFinal, finalMark(pupil.average), pupil.id);
  });

  it('lets the school admin read, and refuses everyone else', async () => {
    const admin = await read('admin42');
    assert.equal(admin.status, 200, admin.text);
    assert.equal(admin.body.writable, false);
    // A teacher of the school who does not teach the class's subject is told so.
    const notTheirs = await read('teacherRussian');
    assert.equal(notTheirs.status, 403);
    assert.equal(notTheirs.body.error.code, 'not_teaching');
    assert.match(notTheirs.body.error.message, /не ведёте этот предмет в этом классе/);
    assert.equal((await read('parentIvanova')).status, 403);
    assert.equal((await read('teacherLyceum')).status, 404);
    assert.equal((await save('admin42', { rows: [] })).status, 403);
    assert.equal((await save('teacherRussian', { rows: [] })).status, 403);
    assert.equal((await save('parentIvanova', { rows: [] })).status, 403);
  });

  it('saves a lesson as one batch, tells the parents, and a replay changes nothing', async () => {
    const journal = (await read('teacherMath')).body;
    const seen = (childId: string) => cellOf(journal, childId)?.version ?? null;
    const body = {
      topic: 'Сложение дробей',
      rows: [
        { childId: MARIA, marks: [5], absence: 'late', seen: seen(MARIA) },
        { childId: PUPIL_2, marks: [4, 5], absence: null, seen: seen(PUPIL_2) },
        { childId: PUPIL_3, marks: [], absence: 'ill', seen: seen(PUPIL_3) },
      ],
    };
    const res = await save('teacherMath', { ...body, batchId: 'bat_replay_1' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.rows.map((r) => [r.childId, r.status]),
      [
        [MARIA, 'saved'],
        [PUPIL_2, 'saved'],
        [PUPIL_3, 'saved'],
      ],
    );
    assert.deepEqual(
      res.body.rows[1]?.cell?.marks.map((m) => m.value),
      [4, 5],
    );
    assert.equal(res.body.rows[2]?.cell?.absence, 'ill');
    assert.equal(res.body.lesson.topic, 'Сложение дробей');
    assert.deepEqual(res.body.students.map((p) => p.id).sort(), [MARIA, PUPIL_2, PUPIL_3].sort());
    const pupil2 = res.body.students.find((p) => p.id === PUPIL_2);
    assert.equal(pupil2?.suggestedFinal, finalMark(pupil2?.average ?? null));
    const events = await server.database.db
      .selectFrom('events')
      .select('data')
      .where('user_id', '=', U.parentIvanova.id)
      .where('type', '=', 'mark.created')
      .execute();
    assert.ok(
      events.some((e) => (JSON.parse(e.data) as { lessonId?: string }).lessonId === LESSON),
    );
    const recorded = await server.database.db
      .selectFrom('events')
      .select('data')
      .where('type', '=', 'attendance.recorded')
      .where('user_id', '=', U.parentIvanova.id)
      .execute();
    assert.ok(
      recorded.some((e) => {
        const entry = JSON.parse(e.data) as { lessonId?: string; status?: string };
        return entry.lessonId === LESSON && entry.status === 'late';
      }),
      'the family hears of the absence live',
    );

    // The teachers of the class and subject (the caller's other tabs too) hear of it live.
    const updates = async () =>
      (
        await server.database.db
          .selectFrom('events')
          .select('data')
          .where('user_id', '=', U.teacherMath.id)
          .where('type', '=', 'journal.updated')
          .execute()
      ).map((e) => JSON.parse(e.data) as { batchId: string; cells: unknown[] });
    const mine = (await updates()).filter((u) => u.batchId === 'bat_replay_1');
    assert.deepEqual(
      mine.map((u) => u.cells.length),
      [3],
    );
    const heard = (await updates()).length;

    const again = await save('teacherMath', { ...body, batchId: 'bat_replay_1' });
    assert.deepEqual(again.body, res.body);
    assert.deepEqual(
      (await marksAt(PUPIL_2)).map((m) => m.value),
      ['4', '5'],
    );
    const same = await save('teacherMath', body);
    assert.deepEqual(
      same.body.rows.map((r) => r.status),
      ['unchanged', 'unchanged', 'unchanged'],
    );
    assert.equal((await updates()).length, heard, 'a batch that changed nothing is not announced');
  });

  it('returns a cell changed since the teacher saw it as a conflict, never overwriting it', async () => {
    const journal = (await read('teacherMath')).body;
    const stale = cellOf(journal, MARIA)?.version ?? null;
    const first = await save('teacherMath', {
      batchId: 'bat_conflict_first',
      rows: [{ childId: MARIA, marks: [3], absence: null, seen: stale }],
    });
    assert.equal(first.body.rows[0]?.status, 'saved', first.text);
    const second = await save('teacherMath', {
      batchId: 'bat_conflict_second',
      rows: [{ childId: MARIA, marks: [2], absence: 'late', seen: stale }],
    });
    assert.equal(second.body.rows[0]?.status, 'conflict');
    assert.deepEqual(
      second.body.rows[0]?.cell?.marks.map((m) => m.value),
      [3],
    );
    assert.deepEqual(
      (await marksAt(MARIA)).map((m) => m.value),
      ['3'],
    );
    const chained = await save('teacherMath', {
      rows: [{ childId: MARIA, marks: [4], absence: null, seen: 'batch:bat_conflict_first' }],
    });
    assert.equal(chained.body.rows[0]?.status, 'saved', 'written as the first batch left the cell');
    const broken = await save('teacherMath', {
      rows: [{ childId: MARIA, marks: [5], absence: null, seen: 'batch:bat_conflict_second' }],
    });
    assert.equal(
      broken.body.rows[0]?.status,
      'conflict',
      'the second batch wrote nothing to chain on',
    );
  });

  it('sets a weight and kind for the whole lesson', async () => {
    const res = await save('teacherMath', { weight: 2, kind: 'test', rows: [] });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.body.lesson.weight, res.body.lesson.kind], [2, 'test']);
    const journal = (await read('teacherMath')).body;
    const marks = journal.cells.filter((c) => c.lessonId === LESSON).flatMap((c) => c.marks);
    assert.ok(marks.length > 0 && marks.every((m) => m.weight === 2 && m.kind === 'test'));
  });

  it('answers bad input with field errors in the caller’s language', async () => {
    const seven = await save('teacherMath', {
      rows: [{ childId: MARIA, marks: [7], absence: null, seen: null }],
    });
    assert.equal(seven.status, 400);
    assert.deepEqual(
      seven.body.error.fields.map((f) => f.path),
      ['rows.0.marks.0'],
    );
    const stranger = 'chd_cls_42_8b_pupil_02';
    for (const lang of ['ru', 'en']) {
      const res = await save(
        'teacherMath',
        { rows: [{ childId: stranger, marks: [5], absence: null, seen: null }] },
        lang,
      );
      assert.equal(res.status, 200, res.text);
      const [row] = res.body.rows;
      assert.equal(row?.status, 'invalid');
      assert.equal(row?.errors?.[0]?.path, 'childId');
      assert.match(row?.errors?.[0]?.message ?? '', lang === 'ru' ? /[а-я]/ : /^[^а-я]+$/);
    }
    const otherClass = await save(
      'teacherMath',
      { lessonId: 'les_42_8b_20261124_1', rows: [] },
      'en',
    );
    assert.equal(otherClass.status, 400);
    assert.deepEqual(
      otherClass.body.error.fields.map((f) => [f.path, f.code]),
      [['lessonId', 'invalid_option']],
    );
    assert.match(otherClass.body.error.fields[0]?.message ?? '', /^[^а-я]+$/);
    const twice = await save('teacherMath', {
      rows: [
        { childId: MARIA, marks: [5], absence: null, seen: null },
        { childId: MARIA, marks: [4], absence: null, seen: null },
      ],
    });
    assert.deepEqual(
      twice.body.error.fields.map((f) => [f.path, f.code]),
      [['rows.1.childId', 'already_registered']],
    );
  });

  it('writes a batch sent twice at once (a reloaded tab beside the old one) exactly once', async () => {
    const journal = (await read('teacherMath')).body;
    const lesson = journal.lessons.filter((l) => l.id !== LESSON && l.date < '2026-11-24').at(-1);
    assert.ok(lesson, 'an earlier maths lesson');
    const cell = cellOf(journal, PUPIL_3, lesson.id);
    const body = {
      batchId: 'bat_twice_at_once',
      lessonId: lesson.id,
      rows: [{ childId: PUPIL_3, marks: [2, 3], absence: null, seen: cell?.version ?? null }],
    };
    const answers = await Promise.all([save('teacherMath', body), save('teacherMath', body)]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200],
      answers.map((a) => a.text).join('\n'),
    );
    assert.deepEqual(answers[1]?.body, answers[0]?.body, 'both get the one answer');
    assert.deepEqual(
      answers[0]?.body.rows.map((r) => r.status),
      ['saved'],
    );
    const written = await server.database.db
      .selectFrom('marks')
      .select('value')
      .where('child_id', '=', PUPIL_3)
      .where('lesson_id', '=', lesson.id)
      .execute();
    assert.deepEqual(written.map((m) => m.value).sort(), ['2', '3']);
    const kept = await server.database.db
      .selectFrom('journal_batches')
      .select('id')
      .where('id', '=', 'bat_twice_at_once')
      .execute();
    assert.equal(kept.length, 1);
  });
});
