import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Challenge,
  Child,
  ChildInput,
  ErrorResponse,
  SchoolLink,
  Teacher,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const ANNA = DEMO.unlinkedRoster;

type Created = { child: Child; challenge: Challenge };

describe('children: cards, SMS confirmation, school links', () => {
  let server: TestServer;
  let ivanova: string;
  let petrov: string;
  let parentNew: string;

  before(async () => {
    server = await startTestServer();
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    parentNew = (await server.login(U.parentNew.phone)).accessToken;
  });
  after(() => server.close());

  const card = (overrides: Partial<ChildInput> = {}): ChildInput => ({
    lastName: 'Соколов',
    firstName: 'Игорь',
    middleName: 'Олегович',
    birthDate: '2016-05-20',
    sex: 'male',
    ...overrides,
  });

  const create = (token: string, body: unknown) =>
    server.call<Created & ErrorResponse>('POST', '/api/v1/children', { token, body });

  /** Creates a card and confirms it with the code from the outbox. */
  async function confirmedChild(token: string, phone: string, body: ChildInput): Promise<Child> {
    const created = await create(token, body);
    assert.equal(created.status, 201, created.text);
    const code = await server.lastCode(phone);
    const path = `/api/v1/children/${created.body.child.id}/confirm`;
    const confirmed = await server.call<Child>('POST', path, {
      token,
      body: { challengeId: created.body.challenge.challengeId, code },
    });
    assert.equal(confirmed.status, 200, confirmed.text);
    return confirmed.body;
  }

  const link = (token: string, childId: string, body: unknown) =>
    server.call<SchoolLink & ErrorResponse>('POST', `/api/v1/children/${childId}/school-links`, {
      token,
      body,
    });

  it("lists a parent's own children and shows a student only themself", async () => {
    const parent = await server.call<{ items: Child[] }>('GET', '/api/v1/children', {
      token: ivanova,
    });
    assert.equal(parent.status, 200, parent.text);
    assert.deepEqual(parent.body.items.map((c) => c.id).sort(), [
      DEMO.children.maria.id,
      DEMO.children.petr.id,
    ]);
    const maria = (await server.login(U.studentMaria.phone)).accessToken;
    const student = await server.call<{ items: Child[] }>('GET', '/api/v1/children', {
      token: maria,
    });
    assert.deepEqual(
      student.body.items.map((c) => c.id),
      [DEMO.children.maria.id],
    );
  });

  it('creates a pending card, sends the code to the parent, and confirms the card with it', async () => {
    const created = await create(parentNew, card({ snils: '112 233 445 95' }));
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.child.status, 'pending_confirmation');
    assert.equal(created.body.child.snils, '112-233-445 95');
    assert.equal(created.body.challenge.sentTo, '+7 999 ***-**-03');
    const outbox = await server.call<{ items: { to: string; text: string }[] }>(
      'GET',
      '/api/v1/dev/outbox',
    );
    assert.equal(outbox.body.items[0]?.to, U.parentNew.phone);
    assert.match(outbox.body.items[0]?.text ?? '', /карточки ребёнка/);

    const code = await server.lastCode(U.parentNew.phone);
    const path = `/api/v1/children/${created.body.child.id}/confirm`;
    const body = { challengeId: created.body.challenge.challengeId, code };
    const confirmed = await server.call<Child>('POST', path, { token: parentNew, body });
    assert.equal(confirmed.status, 200, confirmed.text);
    assert.equal(confirmed.body.status, 'confirmed');
    const list = await server.call<{ items: Child[] }>('GET', '/api/v1/children', {
      token: parentNew,
    });
    assert.ok(
      list.body.items.some((c) => c.id === created.body.child.id && c.status === 'confirmed'),
    );
  });

  it('names a SNILS with a wrong control number, in Russian and in English', async () => {
    const bad = card({ snils: '112-233-445 96' });
    const ru = await create(ivanova, bad);
    assert.equal(ru.status, 400);
    assert.equal(ru.body.error.code, 'validation_failed');
    assert.deepEqual(ru.body.error.fields[0], {
      path: 'snils',
      code: 'checksum',
      message: 'Контрольное число СНИЛС не совпадает — проверьте цифры',
    });
    const en = await server.call<ErrorResponse>('POST', '/api/v1/children', {
      token: ivanova,
      body: bad,
      lang: 'en',
    });
    assert.deepEqual(en.body.error.fields[0], {
      path: 'snils',
      code: 'checksum',
      message: 'The SNILS check number does not match — check the digits',
    });
  });

  it('rejects Latin letters in a name', async () => {
    const res = await create(ivanova, card({ firstName: 'Igor' }));
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['firstName', 'latin_letters']],
    );
  });

  it('rejects a birth date that does not exist', async () => {
    const res = await create(ivanova, card({ birthDate: '2016-02-30' }));
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0]?.path, 'birthDate');
    assert.equal(res.body.error.fields[0]?.code, 'impossible_date');
  });

  it('names every missing field of an empty card and saves nothing', async () => {
    const count = async () =>
      (await server.call<{ items: Child[] }>('GET', '/api/v1/children', { token: ivanova })).body
        .items.length;
    const initial = await count();
    const res = await create(ivanova, {});
    assert.equal(res.status, 400);
    const named = res.body.error.fields.map((f) => f.path);
    assert.deepEqual(named.sort(), ['birthDate', 'firstName', 'lastName', 'sex']);
    const text = res.body.error.fields.filter((f) => f.path !== 'sex');
    assert.ok(text.every((f) => f.code === 'required'));
    assert.equal(await count(), initial);
  });

  it('refuses a second card for the same child, whatever the case or ё', async () => {
    const res = await create(
      ivanova,
      card({ lastName: 'ИВАНОВ', firstName: 'Петр', birthDate: '2012-09-03' }),
    );
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'child_exists');
    assert.equal(
      res.body.error.message,
      'Карточка этого ребёнка уже есть — найдите её в списке детей',
    );
  });

  it("does not accept a code issued for another child's card", async () => {
    const first = await create(petrov, card({ firstName: 'Кирилл' }));
    const second = await create(petrov, card({ firstName: 'Денис' }));
    const code = await server.lastCode(U.parentPetrov.phone);
    const res = await server.call<ErrorResponse>(
      'POST',
      `/api/v1/children/${first.body.child.id}/confirm`,
      {
        token: petrov,
        body: { challengeId: second.body.challenge.challengeId, code },
      },
    );
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'code_invalid');
  });

  it("finds a child among the parent's records regardless of case and ё, and never another family's", async () => {
    const query = { lastName: 'иванов', firstName: 'ПЁТР', birthDate: '2012-09-03' };
    const own = await server.call<{ items: Child[] }>('GET', '/api/v1/children/search', {
      token: ivanova,
      query,
    });
    assert.equal(own.status, 200, own.text);
    assert.deepEqual(
      own.body.items.map((c) => c.id),
      [DEMO.children.petr.id],
    );
    const stranger = await server.call<{ items: Child[] }>('GET', '/api/v1/children/search', {
      token: petrov,
      query,
    });
    assert.deepEqual(stranger.body.items, []);
  });

  it('links a confirmed child to a school by roster id and lists the link', async () => {
    const anna = await confirmedChild(
      petrov,
      U.parentPetrov.phone,
      card({
        lastName: 'СМИРНОВА',
        firstName: ANNA.firstName,
        middleName: '',
        birthDate: ANNA.birthDate,
        sex: 'female',
      }),
    );
    const res = await link(petrov, anna.id, {
      schoolCode: ANNA.schoolCode,
      rosterId: ANNA.rosterId,
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.body.schoolId, DEMO.schools.school42.id);
    assert.equal(res.body.classId, ANNA.classId);
    assert.equal(res.body.className, '5А');
    const links = await server.call<{ items: SchoolLink[] }>(
      'GET',
      `/api/v1/children/${anna.id}/school-links`,
      { token: petrov },
    );
    assert.deepEqual(links.body.items, [res.body]);
    // The link alone places the child nowhere: the school's approval does (school-join.test.ts).
    const child = await server.call<Child>('GET', `/api/v1/children/${anna.id}`, { token: petrov });
    assert.equal(child.body.classId, undefined);

    const again = await link(petrov, anna.id, {
      schoolCode: ANNA.schoolCode,
      rosterId: ANNA.rosterId,
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'already_linked');
    assert.equal(again.body.error.message, 'Ребёнок уже привязан к этой школе');

    // Another family's card for the same pupil cannot take the roster id that Anna's link holds.
    const twin = await confirmedChild(
      ivanova,
      U.parentIvanova.phone,
      card({ lastName: 'Смирнова', firstName: ANNA.firstName, birthDate: ANNA.birthDate }),
    );
    const taken = await link(ivanova, twin.id, {
      schoolCode: ANNA.schoolCode,
      rosterId: ANNA.rosterId,
    });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.error.code, 'roster_id_taken');
    assert.deepEqual(taken.body.error.fields, [
      {
        path: 'rosterId',
        code: 'already_registered',
        message: 'Этот номер ученика уже привязан к карточке другого ребёнка — обратитесь в школу',
      },
    ]);
  });

  it('answers an unknown school code with school_not_found on schoolCode', async () => {
    const child = await confirmedChild(ivanova, U.parentIvanova.phone, card({ firstName: 'Глеб' }));
    const res = await link(ivanova, child.id, { schoolCode: '999999', rosterId: 'R42-5A-07' });
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'school_not_found');
    assert.deepEqual(res.body.error.fields, [
      {
        path: 'schoolCode',
        code: 'school_not_found',
        message: 'Школа с таким кодом не найдена — проверьте код',
      },
    ]);
  });

  it('refuses a school that is not connected to the diary', async () => {
    const child = await confirmedChild(ivanova, U.parentIvanova.phone, card({ firstName: 'Лев' }));
    const res = await link(ivanova, child.id, { schoolCode: '780128', rosterId: 'R42-5A-07' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'school_not_connected');
  });

  it("answers a wrong roster id and another pupil's roster id alike, with roster_mismatch", async () => {
    const child = await confirmedChild(
      ivanova,
      U.parentIvanova.phone,
      card({ firstName: 'Фёдор' }),
    );
    const unknown = await link(ivanova, child.id, {
      schoolCode: ANNA.schoolCode,
      rosterId: 'R42-5A-99',
    });
    const someoneElse = await link(ivanova, child.id, {
      schoolCode: ANNA.schoolCode,
      rosterId: 'R42-5A-01',
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.code, 'roster_mismatch');
    assert.equal(unknown.body.error.fields[0]?.path, 'rosterId');
    assert.equal(unknown.body.error.fields[0]?.code, 'roster_mismatch');
    assert.match(unknown.body.error.fields[0]?.message ?? '', /^В списках школы нет ученика/);
    assert.deepEqual(someoneElse.body, unknown.body);
  });

  it('links only a confirmed card', async () => {
    const created = await create(ivanova, card({ firstName: 'Ярослав' }));
    const res = await link(ivanova, created.body.child.id, {
      schoolCode: ANNA.schoolCode,
      rosterId: ANNA.rosterId,
    });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'identity_unconfirmed');
  });

  it("asks for the child's SNILS when the school requires it", async () => {
    // A pupil on the lyceum's list whom no family has linked yet.
    const pupil = {
      id: 'ros_17_new',
      school_id: DEMO.schools.lyceum17.id,
      class_id: DEMO.classes.c7v.id,
      roster_id: 'R17-7V-30',
      last_name: 'Орлова',
      first_name: 'Дарья',
      birth_date: '2013-06-01',
    };
    await server.database.db.insertInto('roster').values(pupil).execute();
    const child = await confirmedChild(
      ivanova,
      U.parentIvanova.phone,
      card({
        lastName: pupil.last_name,
        firstName: pupil.first_name,
        middleName: '',
        birthDate: pupil.birth_date,
      }),
    );
    const res = await link(ivanova, child.id, {
      schoolCode: DEMO.schools.lyceum17.code,
      rosterId: pupil.roster_id,
    });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['snils', 'required']],
    );
  });

  it("lists the teachers of the child's class with subjects and contact hours", async () => {
    const res = await server.call<{ items: Teacher[] }>(
      'GET',
      `/api/v1/children/${DEMO.children.maria.id}/teachers`,
      { token: ivanova },
    );
    assert.equal(res.status, 200, res.text);
    const math = res.body.items.find((t) => t.id === U.teacherMath.id);
    assert.deepEqual(
      math?.subjects.map((s) => s.name),
      ['Математика'],
    );
    assert.equal(math?.contactHours, 'Пн, Ср 15:00–17:00');
    const russian = res.body.items.find((t) => t.id === U.teacherRussian.id);
    assert.deepEqual(
      russian?.subjects.map((s) => s.name),
      ['Литература', 'Русский язык'],
    );
    const teaching = await server.database.db
      .selectFrom('teaching')
      .select('teacher_id')
      .distinct()
      .where('class_id', '=', DEMO.classes.c5a.id)
      .execute();
    assert.deepEqual(
      res.body.items.map((t) => t.id).sort(),
      teaching.map((t) => t.teacher_id).sort(),
      'exactly the teachers of the class',
    );
    assert.doesNotMatch(res.text, /phone|password/);
  });

  it("answers 404 to a stranger parent for another family's child, on every route", async () => {
    const maria = DEMO.children.maria.id;
    const attempts = [
      server.call('GET', `/api/v1/children/${maria}`, { token: petrov }),
      server.call('GET', `/api/v1/children/${maria}/school-links`, { token: petrov }),
      server.call('GET', `/api/v1/children/${maria}/teachers`, { token: petrov }),
      server.call('POST', `/api/v1/children/${maria}/confirm`, {
        token: petrov,
        body: { challengeId: 'chl_x', code: '123456' },
      }),
      link(petrov, maria, { schoolCode: ANNA.schoolCode, rosterId: 'R42-5A-01' }),
    ];
    for (const res of await Promise.all(attempts)) {
      assert.equal(res.status, 404, res.text);
      assert.doesNotMatch(res.text, /Мария/);
    }
  });

  it("shows a child to the class's teachers and the school's admin, and to no one from another school", async () => {
    const path = `/api/v1/children/${DEMO.children.maria.id}`;
    const math = (await server.login(U.teacherMath.phone)).accessToken;
    const physics = (await server.login(U.teacherPhysics.phone)).accessToken;
    const lyceum = (await server.login(U.teacherLyceum.phone)).accessToken;
    const admin42 = (await server.login(U.admin42.phone)).accessToken;
    const admin17 = (await server.login(U.admin17.phone)).accessToken;
    assert.equal((await server.call('GET', path, { token: math })).status, 200);
    assert.equal((await server.call('GET', path, { token: admin42 })).status, 200);
    assert.equal((await server.call('GET', path, { token: physics })).status, 404);
    assert.equal((await server.call('GET', path, { token: lyceum })).status, 404);
    assert.equal((await server.call('GET', path, { token: admin17 })).status, 404);
  });

  it("does not show a student their sibling's card", async () => {
    const maria = (await server.login(U.studentMaria.phone)).accessToken;
    const own = await server.call('GET', `/api/v1/children/${DEMO.children.maria.id}`, {
      token: maria,
    });
    const sibling = await server.call('GET', `/api/v1/children/${DEMO.children.petr.id}`, {
      token: maria,
    });
    assert.equal(own.status, 200);
    assert.equal(sibling.status, 404);
  });
});
