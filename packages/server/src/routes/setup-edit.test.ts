import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  AuditEntry,
  BellSchedule,
  ErrorResponse,
  FinalMarkRounding,
  GradeSummary,
  Holidays,
  Mark,
  SchoolClass,
  SchoolYearRecord,
  StaffMember,
  Subject,
  TimetableGenerateResult,
  WeekTimetable,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const S42 = `/api/v1/schools/${DEMO.schools.school42.id}`;
type Answer<T> = T & ErrorResponse;
type Page<T> = { items: T[] };

describe('setup: a school keeps its data up to date', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    for (const key of ['admin42', 'admin17', 'teacherMath', 'parentIvanova'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
  });
  after(() => server.close());

  const as =
    (who: string) =>
    <T>(method: string, path: string, body?: unknown, lang?: string) =>
      server.call<Answer<T>>(method, path, {
        token: tokens[who],
        ...(body === undefined ? {} : { body }),
        ...(lang ? { lang } : {}),
      });
  const admin = as('admin42');
  const audited = async (action: string) => {
    const log = await server.call<Page<AuditEntry>>('GET', `${S42}/audit`, {
      token: tokens.admin42,
      query: { action },
    });
    return log.body.items.length;
  };

  it("answers 403 to a teacher and to another school's admin, and changes nothing", async () => {
    for (const who of ['teacherMath', 'admin17']) {
      const cls = await as(who)('PATCH', `/api/v1/classes/${DEMO.classes.c8b.id}`, { name: 'X' });
      assert.equal(cls.status, 403, `${who}: ${cls.text}`);
      const bells = await as(who)('PUT', `${S42}/bells`, { items: [] });
      assert.equal(bells.status, 403, `${who}: ${bells.text}`);
      const subject = await as(who)('DELETE', '/api/v1/subjects/sub_42_math');
      assert.equal(subject.status, 403, `${who}: ${subject.text}`);
    }
    const staff = await admin<{ items: StaffMember[] }>('GET', `${S42}/staff`);
    assert.ok(staff.body.items.some((m) => m.id === U.teacherMath.id));
    assert.ok(staff.body.items.every((m) => m.phone.includes('***')));
  });

  it('renames and deletes a class, refusing a taken name and a class in use', async () => {
    const made = await admin<SchoolClass>('POST', `${S42}/classes`, {
      name: '9Ж',
      grade: 9,
      schoolYear: '2026/2027',
    });
    const path = `/api/v1/classes/${made.body.id}`;
    const taken = await admin('PATCH', path, { name: DEMO.classes.c8b.name }, 'en');
    assert.equal(taken.status, 400, taken.text);
    assert.deepEqual(taken.body.error.fields?.[0]?.code, 'already_registered');
    const renamed = await admin<SchoolClass>('PATCH', path, {
      name: '9З',
      homeroomTeacherId: U.teacherMath.id,
    });
    assert.equal(renamed.status, 200, renamed.text);
    assert.equal(renamed.body.homeroomTeacherId, U.teacherMath.id);
    const busy = await admin('DELETE', `/api/v1/classes/${DEMO.classes.c5a.id}`, undefined, 'ru');
    assert.equal(busy.status, 409, busy.text);
    assert.equal(busy.body.error.code, 'in_use');
    assert.match(busy.body.error.message, /Удалить нельзя/);
    assert.equal((await admin('DELETE', path)).status, 204);
    assert.equal(await audited('setup.class_remove'), 1);
  });

  it('renames and deletes a subject, refusing one with marks', async () => {
    const busy = await admin('DELETE', '/api/v1/subjects/sub_42_math', undefined, 'en');
    assert.equal(busy.status, 409, busy.text);
    assert.match(busy.body.error.message, /cannot be deleted/);
    const made = await admin<Subject>('POST', `${S42}/subjects`, {
      name: 'Черчение',
      shortName: 'Черч.',
    });
    const renamed = await admin<Subject>('PATCH', `/api/v1/subjects/${made.body.id}`, {
      shortName: 'Чер.',
    });
    assert.equal(renamed.body.shortName, 'Чер.');
    const empty = await admin('PATCH', `/api/v1/subjects/${made.body.id}`, {});
    assert.equal(empty.status, 400, empty.text);
    assert.equal((await admin('DELETE', `/api/v1/subjects/${made.body.id}`)).status, 204);
  });

  it('changes a school year keeping its periods, holidays inside it, and deletes an unused one', async () => {
    const years = await admin<{ items: SchoolYearRecord[] }>('GET', `${S42}/school-years`);
    const year = years.body.items.find((y) => y.name === '2026/2027');
    assert.ok(year);
    const changed = await admin<SchoolYearRecord>('PUT', `/api/v1/school-years/${year.id}`, {
      name: year.name,
      startDate: year.startDate,
      endDate: year.endDate,
      periods: year.periods.map((p, i) => ({
        name: `${i + 1}-я четверть`,
        startDate: p.startDate,
        endDate: p.endDate,
      })),
    });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(
      changed.body.periods.map((p) => [p.id, p.name]),
      year.periods.map((p, i) => [p.id, `${i + 1}-я четверть`]),
    );
    const holidays = `/api/v1/school-years/${year.id}/holidays`;
    const outside = await admin('PUT', holidays, {
      items: [{ name: 'Летние', startDate: '2027-06-01', endDate: '2027-08-31' }],
    });
    assert.equal(outside.status, 400, outside.text);
    assert.equal(outside.body.error.fields?.[0]?.path, 'items.0.startDate');
    assert.equal(outside.body.error.fields?.[0]?.code, 'outside_school_year');
    assert.match(
      outside.body.error.fields?.[0]?.message ?? '',
      new RegExp(`учебного года 2026/2027: с ${year.startDate} по ${year.endDate}`),
    );
    const winter = { name: 'Зимние', startDate: '2026-12-29', endDate: '2027-01-11' };
    assert.equal((await admin('PUT', holidays, { items: [winter] })).status, 200);
    assert.deepEqual((await admin<Holidays>('GET', holidays)).body.items, [winter]);
    const busy = await admin('DELETE', `/api/v1/school-years/${year.id}`);
    assert.equal(busy.status, 409, busy.text);
    const spare = await admin<SchoolYearRecord>('POST', `${S42}/school-years`, {
      name: '2029/2030',
      startDate: '2029-09-01',
      endDate: '2030-05-31',
      periodKind: 'half_year',
      periods: [
        { name: 'I полугодие', startDate: '2029-09-01', endDate: '2029-12-28' },
        { name: 'II полугодие', startDate: '2030-01-09', endDate: '2030-05-31' },
      ],
    });
    assert.equal((await admin('DELETE', `/api/v1/school-years/${spare.body.id}`)).status, 204);
  });

  it("rounds the family's final marks by the school's thresholds", async () => {
    const path = `${S42}/final-mark-rounding`;
    const wrong = await admin('PUT', path, { five: 4.5, four: 4.6, three: 2.5 }, 'en');
    assert.equal(wrong.status, 400, wrong.text);
    assert.equal(wrong.body.error.fields?.[0]?.path, 'four');
    assert.equal(wrong.body.error.fields?.[0]?.code, 'threshold_order');
    const strict = { five: 5, four: 4.99, three: 4.98 };
    assert.equal((await admin('PUT', path, strict)).status, 200);
    assert.deepEqual((await admin<FinalMarkRounding>('GET', path)).body, strict);
    const summary = await as('parentIvanova')<GradeSummary>(
      'GET',
      `/api/v1/children/${DEMO.children.maria.id}/grades/summary?periodId=per_42_2026_q1`,
    );
    const averaged = summary.body.subjects.filter((s) => s.weightedAverage !== null);
    assert.ok(averaged.length > 0, summary.text);
    for (const s of averaged)
      assert.equal(s.finalMark, (s.weightedAverage ?? 0) >= 4.98 ? s.finalMark : 2, s.subjectName);
    assert.ok(averaged.some((s) => s.finalMark === 2));
    await admin('PUT', path, { five: 4.5, four: 3.5, three: 2.5 });
  });

  it('makes lessons from the repeating week, skipping holidays and keeping lessons with marks', async () => {
    const bells: BellSchedule = {
      items: [
        { number: 1, startTime: '08:30', endTime: '09:15' },
        { number: 2, startTime: '09:25', endTime: '10:10' },
      ],
    };
    const late = await admin('PUT', `${S42}/bells`, {
      items: [bells.items[1], bells.items[0]],
    });
    assert.equal(late.status, 400, late.text);
    assert.equal((await admin('PUT', `${S42}/bells`, bells)).status, 200);
    const cls = await admin<SchoolClass>('POST', `${S42}/classes`, {
      name: '6Ж',
      grade: 6,
      schoolYear: '2026/2027',
    });
    const template = `/api/v1/classes/${cls.body.id}/timetable-template`;
    const lesson = { subjectId: 'sub_42_math', teacherId: U.teacherMath.id, room: '204' };
    const set = await admin('PUT', template, {
      items: [
        { weekday: 1, number: 1, ...lesson },
        { weekday: 2, number: 2, ...lesson },
      ],
      exceptions: [{ date: '2027-01-19', number: 2, change: 'moved', toNumber: 1 }],
    });
    assert.equal(set.status, 200, set.text);
    const made = await admin<TimetableGenerateResult>('POST', `${template}/generate`, {
      from: '2026-12-28',
      to: '2027-01-24',
    });
    // The winter holidays set above (29 Dec – 11 Jan) leave Monday 28 Dec, Tuesday 12 Jan,
    // Monday 18 Jan and Tuesday 19 Jan (its lesson moved to the first).
    assert.deepEqual(made.body, { created: 4, updated: 0, kept: 0, removed: 0 });
    const week = await admin<WeekTimetable>(
      'GET',
      `/api/v1/classes/${cls.body.id}/timetable?week=2027-W03`,
    );
    assert.deepEqual(
      week.body.days.flatMap((d) => d.lessons.map((l) => [d.date, l.number, l.startTime])),
      [
        ['2027-01-18', 1, '08:30'],
        ['2027-01-19', 1, '08:30'],
      ],
    );

    const marksPath = `/api/v1/children/${DEMO.children.maria.id}/grades?from=2026-11-16&to=2026-11-22`;
    const before = await as('parentIvanova')<{ items: Mark[] }>('GET', marksPath);
    const c5a = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable-template`;
    await admin('PUT', c5a, { items: [], exceptions: [] });
    const cleared = await admin<TimetableGenerateResult>('POST', `${c5a}/generate`, {
      from: '2026-11-16',
      to: '2026-11-22',
    });
    assert.equal(cleared.status, 200, cleared.text);
    assert.ok(cleared.body.kept > 0, cleared.text);
    const after = await as('parentIvanova')<{ items: Mark[] }>('GET', marksPath);
    assert.deepEqual(after.body.items, before.body.items);
    assert.equal(await audited('setup.timetable_generate'), 2);
  });
});
