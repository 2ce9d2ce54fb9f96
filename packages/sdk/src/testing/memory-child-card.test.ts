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
});
