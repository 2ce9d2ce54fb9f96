import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { listRoutes, pathParams } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

/** Junk that real clients send by mistake or on purpose. */
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    '2026-02-31',
    '9999-W99',
    '../../etc/passwd',
    '<script>',
    "' OR 1=1 --",
    '\u0000',
    'ё'.repeat(300),
  ),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
);

const junkBody = fc.oneof(
  junkValue,
  fc.dictionary(
    fc.constantFrom(
      'phone',
      'password',
      'code',
      'challengeId',
      'lastName',
      'firstName',
      'birthDate',
      'snils',
      'value',
      'weight',
      'kind',
      'date',
      'childId',
      'subjectId',
      'text',
      'id',
      'status',
      'lessons',
      'entries',
      'week',
      '__proto__',
      'constructor',
    ),
    junkValue,
    { maxKeys: 6 },
  ),
);

const junkParam = fc.oneof(
  fc.string({ minLength: 1, maxLength: 70 }),
  fc.constantFrom(DEMO.children.maria.id, 'chd_none', '%00', '..', 'a'.repeat(80)),
);

describe('fuzz: junk to every route never crashes the server', () => {
  let server: TestServer;
  const tokens: (string | undefined)[] = [undefined];

  before(async () => {
    server = await startTestServer();
    for (const phone of [
      DEMO.users.parentIvanova.phone,
      DEMO.users.teacherMath.phone,
      DEMO.users.admin42.phone,
    ]) {
      tokens.push((await server.login(phone)).accessToken);
    }
  });
  after(() => server.close());

  it('answers every generated request with a non-5xx status in the error shape', async () => {
    const routes = listRoutes().filter(({ route }) => route.responseType !== 'event-stream');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...tokens),
        fc.array(junkParam, { minLength: 3, maxLength: 3 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }), {
          maxKeys: 4,
        }),
        junkBody,
        async ({ route }, token, params, query, body) => {
          let path: string = route.path;
          pathParams(route.path).forEach((name, i) => {
            path = path.replace(`{${name}}`, encodeURIComponent(params[i] ?? 'x'));
          });
          const res = await server.call(route.method, path, {
            token,
            query,
            body: route.method === 'GET' || route.method === 'DELETE' ? undefined : body,
          });
          assert.ok(
            res.status < 500,
            `${route.method} ${path} → ${res.status} ${res.text.slice(0, 300)}`,
          );
          if (res.status >= 400) {
            const error = (res.body as { error?: { code?: unknown; message?: unknown } }).error;
            assert.equal(
              typeof error?.code,
              'string',
              `${route.method} ${path}: ${res.text.slice(0, 200)}`,
            );
            assert.equal(typeof error?.message, 'string');
          }
        },
      ),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261129) },
    );
    const health = await server.call('GET', '/healthz');
    assert.equal(health.status, 200, 'still serving');
  });
});
