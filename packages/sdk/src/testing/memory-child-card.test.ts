import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';
import { MEMORY_CODE } from './memory-diary';

const failure = async (promise: Promise<unknown>): Promise<DiaryApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof DiaryApiError, `expected a DiaryApiError, got ${String(error)}`);
  return error;
};

describe('memory client: the child card', () => {
  it('edits the card with core’s checks and changes school only with the code', async () => {
    const client = createMemoryClient();
    const { child, challenge } = await client.children.create({
      lastName: 'Смирнова',
      firstName: 'Анна',
      birthDate: '2015-03-14',
      sex: 'female',
    });
    await client.children.confirm({ childId: child.id, ...challenge, code: MEMORY_CODE });
    const bad = await failure(client.children.update({ childId: child.id, snils: '123' }));
    assert.equal(bad.fields[0]?.path, 'snils');
    const edited = await client.children.update({ childId: child.id, inn: '500100732259' });
    assert.equal(edited.inn, '500100732259');

    const link = {
      childId: child.id,
      kind: 'link',
      schoolCode: '770042',
      rosterId: 'R42-5A-99',
    } as const;
    const sms = await client.children.startSchoolChange(link);
    assert.deepEqual((await client.children.schoolLinks({ childId: child.id })).items, []);
    const wrong = await failure(
      client.children.confirmSchoolChange({ childId: child.id, ...sms, code: '000000' }),
    );
    assert.equal(wrong.code, 'code_invalid');
    const { items } = await client.children.confirmSchoolChange({
      childId: child.id,
      challengeId: sms.challengeId,
      code: MEMORY_CODE,
    });
    assert.deepEqual(
      items.map((l) => l.rosterId),
      ['R42-5A-99'],
    );
    const unlink = await client.children.startSchoolChange({
      childId: child.id,
      kind: 'unlink',
      linkId: items[0]?.id,
    });
    const after = await client.children.confirmSchoolChange({
      childId: child.id,
      challengeId: unlink.challengeId,
      code: MEMORY_CODE,
    });
    assert.deepEqual(after.items, []);
    assert.equal((await client.children.get({ childId: child.id })).schoolId, undefined);
  });

  it('withdraws the applications at a school the child leaves, and applies at the new one', async () => {
    const client = createMemoryClient();
    const year = '2026/2027';
    const first = await client.applications.create({ childId: 'chd_maria', schoolYear: year });
    client.memory.moveApplication(first.id, 'checking');
    const confirmChange = async (
      input: Parameters<typeof client.children.startSchoolChange>[0],
    ) => {
      const sms = await client.children.startSchoolChange(input);
      return client.children.confirmSchoolChange({
        childId: 'chd_maria',
        ...sms,
        code: MEMORY_CODE,
      });
    };
    await confirmChange({ childId: 'chd_maria', kind: 'unlink', linkId: 'scl_mem_maria' });
    const withdrawn = await client.applications.get({ applicationId: first.id });
    assert.equal(withdrawn.status, 'withdrawn');
    assert.deepEqual(
      withdrawn.history.map((h) => [h.status, h.reasonCode]),
      [
        ['submitted', undefined],
        ['checking', undefined],
        ['withdrawn', 'child_unlinked'],
      ],
    );
    assert.throws(() => client.memory.moveApplication(first.id, 'ready'), {
      code: 'application_withdrawn',
    });

    const maria = { lastName: 'Иванова', firstName: 'Мария', birthDate: '2015-05-12' };
    client.memory.data.roster.push(
      {
        schoolId: 'sch_42',
        rosterId: 'R42-5A-01',
        ...maria,
        classId: 'cls_42_5a',
        className: '5А',
      },
      {
        schoolId: 'sch_17',
        rosterId: 'R17-5A-01',
        ...maria,
        classId: 'cls_17_5a',
        className: '5А',
      },
    );
    const back = await confirmChange({
      childId: 'chd_maria',
      kind: 'link',
      schoolCode: '770042',
      rosterId: 'R42-5A-01',
    });
    const again = await client.applications.create({ childId: 'chd_maria', schoolYear: year });
    await confirmChange({
      childId: 'chd_maria',
      kind: 'change',
      linkId: back.items[0]?.id,
      schoolCode: '770017',
      rosterId: 'R17-5A-01',
    });
    const { items } = await client.applications.list({ childId: 'chd_maria' });
    assert.deepEqual(items.map((a) => [a.schoolId, a.status]).sort(), [
      ['sch_17', 'submitted'],
      ['sch_42', 'withdrawn'],
      ['sch_42', 'withdrawn'],
    ]);
    assert.equal(items.find((a) => a.id === again.id)?.status, 'withdrawn');
  });
});
