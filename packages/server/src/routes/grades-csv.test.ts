import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv, workKindName, type ErrorResponse, type Mark } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const MARIA = DEMO.children.maria.id;
const CSV = `/api/v1/children/${MARIA}/grades.csv`;

describe('grades CSV: the kind-of-work filter', () => {
  let server: TestServer;
  let token: string;

  before(async () => {
    server = await startTestServer();
    token = (await server.login(DEMO.users.parentIvanova.phone)).accessToken;
  });
  after(() => server.close());

  const call = <T>(path: string, query: Record<string, string>, lang = 'ru') =>
    server.call<T & ErrorResponse>('GET', path, { token, query, lang });

  /** The data rows of an export, each with its date, subject and kind-of-work cells. */
  async function exported(query: Record<string, string>, lang = 'ru') {
    const res = await call<unknown>(CSV, { delimiter: ';', ...query }, lang);
    assert.equal(res.status, 200, res.text);
    return parseCsv(res.text, { delimiter: ';' })
      .slice(1)
      .map((row) => ({ date: row[0], subject: row[1], kind: row[4] }));
  }

  it('exports only the marks of the kind asked for, exactly those the marks list returns', async () => {
    for (const kind of ['test', 'homework'] as const) {
      const query = { kind, from: '2026-09-01', to: '2026-12-31' };
      const listed = (await call<{ items: Mark[] }>(`/api/v1/children/${MARIA}/grades`, query)).body
        .items;
      const rows = await exported(query);
      assert.ok(rows.length > 0, `the demo has ${kind} marks`);
      assert.equal(rows.length, listed.length, kind);
      assert.ok(
        rows.every((r) => r.kind === workKindName('ru', kind)),
        kind,
      );
      const all = await exported({ from: '2026-09-01', to: '2026-12-31' });
      assert.ok(all.length > rows.length, 'without the filter the other kinds are there too');
    }
  });

  it('combines the kind with the subject and the dates', async () => {
    const query = { kind: 'test', subjectId: 'sub_42_math', from: '2026-09-01', to: '2026-12-31' };
    const rows = await exported(query, 'en');
    assert.ok(rows.length > 0);
    assert.ok(
      rows.every((r) => r.subject === 'Математика' && r.kind === workKindName('en', 'test')),
    );
  });

  it('rejects an unknown kind with the field error, in Russian and in English', async () => {
    const ru = await call<unknown>(CSV, { kind: 'poem' });
    assert.equal(ru.status, 400);
    assert.deepEqual(
      ru.body.error.fields.map((f) => [f.path, f.code]),
      [['kind', 'invalid_option']],
    );
    const en = await call<unknown>(CSV, { kind: 'poem' }, 'en');
    assert.equal(en.status, 400);
    const [ruField] = ru.body.error.fields;
    const [enField] = en.body.error.fields;
    assert.ok(ruField?.message && enField?.message);
    assert.match(ruField.message, /[а-яё]/i);
    assert.doesNotMatch(enField.message, /[а-яё]/i);
    assert.notEqual(ruField.message, enField.message);
    for (const kind of ['', 'TEST', 'test,homework']) {
      const res = await call<unknown>(CSV, { kind });
      assert.equal(res.status, 400, JSON.stringify(kind));
      assert.equal(res.body.error.fields[0]?.path, 'kind', JSON.stringify(kind));
    }
  });
});
