import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

/** The error a call fails with (the test fails when it succeeds). */
async function failure(call: Promise<unknown>) {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(e instanceof DiaryApiError, `expected a DiaryApiError, got ${String(e)}`);
  return { status: e.status, code: e.code, fields: e.fields.map((f) => [f.path, f.code]) };
}

describe('memory client: the school’s audit log', () => {
  it('gives the admin their school’s log newest first, filtered and paged', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const first = await client.audit.list({ schoolId: 'sch_42', page: 1, pageSize: 3 });
    assert.equal(first.total, 8);
    assert.deepEqual(
      first.items.map((e) => e.id),
      ['aud_mem_8', 'aud_mem_7', 'aud_mem_6'],
    );
    // Each actor by surname and initials, as the server names them.
    assert.deepEqual(
      first.items.map((e) => e.actorName),
      ['Кириллова Н. П.', 'Кириллова Н. П.', 'Орлов С. Н.'],
    );
    const logins = await client.audit.list({
      schoolId: 'sch_42',
      from: '2026-11-17',
      to: '2026-11-18',
      action: 'auth.login',
      outcome: 'failure',
    });
    assert.deepEqual(
      logins.items.map((e) => [e.id, e.target, e.actorId]),
      [['aud_mem_3', '+79990000003', undefined]],
    );
    client.close();
  });

  it('refuses a period that ends before it starts, on `to`, as the server does', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const bad = await failure(
      client.audit.list({ schoolId: 'sch_42', from: '2026-11-20', to: '2026-11-10' }),
    );
    assert.deepEqual(bad.fields, [['to', 'date_order']]);
    client.close();
  });

  it('refuses other roles and another school’s log', async () => {
    for (const role of ['parent', 'teacher'] as const) {
      const client = createMemoryClient({ signedInAs: role });
      const refused = await failure(client.audit.list({ schoolId: 'sch_42' }));
      assert.deepEqual([refused.status, refused.code], [403, 'forbidden']);
      client.close();
    }
    const admin = createMemoryClient({ signedInAs: 'school_admin' });
    const other = await failure(admin.audit.list({ schoolId: 'sch_108' }));
    assert.deepEqual([other.status, other.code], [403, 'forbidden']);
    admin.close();
  });
});
