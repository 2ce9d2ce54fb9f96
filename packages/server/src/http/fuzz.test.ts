import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { listRoutes, pathParams, type ErrorResponse } from '@school-diary/core';
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

/** A raw request over a socket: the body exactly as given, the answer's status and JSON. */
function rawRequest(
  url: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: Buffer },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${url}${options.path}`,
      { method: options.method, headers: options.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('fuzz: malformed uploads and HEAD on the event stream', () => {
  let server: TestServer;
  let token = '';

  before(async () => {
    server = await startTestServer();
    token = (await server.login(DEMO.users.parentIvanova.phone)).accessToken;
  });
  after(() => server.close());

  const part = (boundary: string, closed: boolean) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n` +
        `Content-Type: text/plain\r\n\r\nhello\r\n${closed ? `--${boundary}--\r\n` : ''}`,
    );
  const cases: { name: string; type: string; body: Buffer }[] = [
    {
      name: 'a multipart body without a boundary',
      type: 'multipart/form-data',
      body: part('x', true),
    },
    {
      name: 'a boundary other than the header’s',
      type: 'multipart/form-data; boundary=header-boundary',
      body: part('body-boundary', true),
    },
    {
      name: 'a part never closed',
      type: 'multipart/form-data; boundary=b',
      body: part('b', false),
    },
    {
      name: '5 MB of junk with a multipart type',
      type: 'multipart/form-data; boundary=b',
      body: Buffer.alloc(5 * 1024 * 1024, 'junk '),
    },
  ];

  for (const { name, type, body } of cases) {
    it(`answers ${name} with a 4xx naming the file, in ru and en`, async () => {
      for (const lang of ['ru', 'en'] as const) {
        const res = await rawRequest(server.url, {
          method: 'POST',
          path: '/api/v1/attachments',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': type,
            'content-length': String(body.length),
            'accept-language': lang,
          },
          body,
        });
        assert.ok(res.status === 400 || res.status === 413, `${name}: ${res.status} ${res.text}`);
        const error = (JSON.parse(res.text) as ErrorResponse).error;
        const field = error.fields.find((f) => f.path === 'file');
        assert.ok(field, `${name}: ${res.text}`);
        assert.match(field.message, lang === 'ru' ? /[а-я]/i : /^[^а-я]*$/i);
      }
      assert.equal((await server.call('GET', '/healthz')).status, 200);
    });
  }

  it('answers HEAD on the event stream at once, without opening a stream', async () => {
    const res = await rawRequest(server.url, {
      method: 'HEAD',
      path: '/api/v1/events',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 405);
    assert.equal(res.text, '');
  });
});
