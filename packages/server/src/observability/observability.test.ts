import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Challenge, Session, User } from '@school-diary/core';
import { createApp, type DiaryApp } from '../app';
import { ManualClock } from '../clock';
import { SmsRuTransport } from '../delivery/sms-smsru';
import { pruneEvents } from '../retention/prune-events';
import { startTestServer, type TestServer } from '../testing/harness';
import { startSmsPeer, SMS_PEER_CREDENTIALS, type SmsPeer } from '../testing/sms-peers';
import { openTestDatabase, type TestDatabase } from '../testing/test-database';
import { serveMetrics } from './metrics-server';
import { testDataKeys } from '../testing/data-key';

const TOKEN = 'metrics-scrape-token-0123456789';

describe('health, readiness and metrics', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { metricsToken: TOKEN } });
  });
  after(() => server.close());

  it('answers /healthz and /readyz with every check passing', async () => {
    const health = await server.call('GET', '/healthz');
    assert.equal(health.status, 200);
    const ready = await server.call<{ ready: boolean; checks: Record<string, string> }>(
      'GET',
      '/readyz',
    );
    assert.equal(ready.status, 200, ready.text);
    assert.equal(ready.body.checks.database, 'ok');
    assert.equal(ready.body.checks.migrations, 'ok');
    if (server.database.engine === 'postgres') assert.equal(ready.body.checks.listener, 'ok');
    assert.equal(ready.headers.get('cache-control'), 'no-store');
  });

  it('is not ready while a migration this version knows is missing', async () => {
    const db = server.database.db;
    await db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '010_deliveries' as never)
      .execute();
    try {
      const ready = await server.call<{ checks: Record<string, string> }>('GET', '/readyz');
      assert.equal(ready.status, 503);
      assert.equal(ready.body.checks.migrations, 'not applied: 010_deliveries');
    } finally {
      await db
        .insertInto('kysely_migration' as never)
        .values({ name: '010_deliveries', timestamp: new Date().toISOString() } as never)
        .execute();
    }
  });

  it('serves /metrics only to the token and counts requests by route pattern', async () => {
    assert.equal((await server.call('GET', '/metrics')).status, 401);
    assert.equal(
      (await server.call('GET', '/metrics', { headers: { authorization: 'Bearer wrong' } })).status,
      401,
    );
    await server.call('GET', '/api/v1/schools/no-such-school');
    const metrics = await server.call('GET', '/metrics', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(metrics.status, 200);
    assert.match(
      metrics.text,
      /diary_http_requests_total\{method="GET",route="\/healthz",status="200"\} 1/,
    );
    assert.match(
      metrics.text,
      /diary_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/readyz"/,
    );
    assert.doesNotMatch(metrics.text, /no-such-school/, 'never the raw URL');
    assert.match(metrics.text, /diary_delivery_queue\{channel="sms",status="queued"\} \d+/);
    assert.match(metrics.text, /diary_live_streams_open 0/);
    assert.match(metrics.text, /diary_read_cache_lookups\{result="hit"\} \d+/);
    if (server.database.engine === 'postgres')
      assert.match(metrics.text, /diary_db_pool_connections\{state="total"\} \d+/);
  });

  it('serves /metrics alone on a port of its own', async () => {
    const metricsServer = await serveMetrics(server.diary.metrics, { host: '127.0.0.1', port: 0 });
    try {
      const address = metricsServer.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      assert.equal(scraped.status, 200);
      assert.match(await scraped.text(), /diary_deliveries_total|diary_http_requests_total/);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/v1/schools`)).status, 404);
    } finally {
      metricsServer.close();
    }
  });

  it('does not serve /metrics on the API port without a token configured', async () => {
    const plain = await startTestServer({ seed: false });
    try {
      assert.equal((await plain.call('GET', '/metrics')).status, 404);
    } finally {
      await plain.close();
    }
  });

  it('prunes live events older than the retention', async () => {
    const db = server.database.db;
    const user = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const old = new Date(server.clock.now().getTime() - 40 * 86_400_000).toISOString();
    await db
      .insertInto('events')
      .values({ user_id: user.id, type: 'test.old', child_id: null, data: '{}', at: old })
      .execute();
    assert.ok((await pruneEvents(db, server.clock, 30)) >= 1);
    const left = await db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'test.old')
      .execute();
    assert.equal(left.length, 0);
  });
});

describe('behind a proxy: the client address', () => {
  const login = (server: TestServer, forwardedFor: string) =>
    server.call('POST', '/api/v1/auth/login', {
      body: { phone: '+79990000000', password: 'not-the-password' },
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    const server = await startTestServer({ seed: false, config: { authRateLimit: 2 } });
    try {
      assert.notEqual((await login(server, '203.0.113.1')).status, 429);
      assert.notEqual((await login(server, '203.0.113.2')).status, 429);
      assert.equal(
        (await login(server, '203.0.113.3')).status,
        429,
        'one client, whatever it claims',
      );
    } finally {
      await server.close();
    }
  });

  it('limits each real client on its own behind a trusted proxy', async () => {
    const server = await startTestServer({
      seed: false,
      config: { authRateLimit: 2, trustProxy: ['127.0.0.1'] },
    });
    try {
      for (const ip of ['203.0.113.1', '203.0.113.2'])
        for (let i = 0; i < 2; i++) assert.notEqual((await login(server, ip)).status, 429);
      assert.equal((await login(server, '203.0.113.1')).status, 429);
      assert.equal((await login(server, '203.0.113.2')).status, 429);
      assert.notEqual((await login(server, '203.0.113.9')).status, 429);
    } finally {
      await server.close();
    }
  });
});

describe('logs', () => {
  let dir: string;
  let testDb: TestDatabase;
  let peer: SmsPeer;
  let diary: DiaryApp;
  let url: string;
  const lines: string[] = [];
  const clock = new ManualClock('2026-12-01T09:00:00.000Z');

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diary-logs-'));
    testDb = await openTestDatabase(dir, { seed: false, clock });
    peer = await startSmsPeer();
    diary = await createApp({
      dataKeys: testDataKeys(),
      database: testDb.database,
      clock,
      config: { storageDir: join(dir, 'files'), authRateLimit: 10_000 },
      logger: true,
      logStream: { write: (line) => void lines.push(line) },
      delivery: {
        transports: [new SmsRuTransport({ ...SMS_PEER_CREDENTIALS.smsru, baseUrl: peer.url })],
        pollMs: 50,
      },
    });
    await diary.app.listen({ host: '127.0.0.1', port: 0 });
    const address = diary.app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(async () => {
    await diary.app.close();
    await peer.close();
    await testDb.database.close();
    await testDb.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function call<T>(method: string, path: string, body?: unknown, token?: string) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as T,
    };
  }

  it('never hold a token, code, password or document number after a full sign-up', async () => {
    const password = 'kotik-na-kryshe-2026';
    const snils = '112-233-445 95';
    const passport = '45 12 345678';
    const childSnils = '987-654-321 83';
    const certificate = 'IV-АБ 123456';

    const codeArrives = peer.next();
    const registered = await call<{ user: User; challenge: Challenge }>(
      'POST',
      '/api/v1/auth/register',
      {
        phone: '+79995550177',
        password,
        lastName: 'Новикова',
        firstName: 'Светлана',
        middleName: '',
        snils,
        passport,
      },
    );
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    assert.match(registered.headers.get('x-request-id') ?? '', /^[\w-]{8,}$/);
    const identityCode = /\d{6}/.exec((await codeArrives).text)?.[0] ?? '';
    const confirmed = await call('POST', '/api/v1/auth/identity/confirm', {
      challengeId: registered.body.challenge.challengeId,
      code: identityCode,
    });
    assert.equal(confirmed.status, 200);

    const loginCode = peer.next();
    const started = await call<Challenge>('POST', '/api/v1/auth/login', {
      phone: '+79995550177',
      password,
    });
    assert.equal(started.status, 200);
    const code = /\d{6}/.exec((await loginCode).text)?.[0] ?? '';
    const session = await call<Session>('POST', '/api/v1/auth/verify', {
      challengeId: started.body.challengeId,
      code,
    });
    assert.equal(session.status, 200);
    const child = await call(
      'POST',
      '/api/v1/children',
      {
        lastName: 'Новиков',
        firstName: 'Артём',
        birthDate: '2016-03-04',
        sex: 'male',
        snils: childSnils,
        birthCertificate: certificate,
      },
      session.body.accessToken,
    );
    assert.equal(child.status, 201, JSON.stringify(child.body));
    // A wrong code and a failing request are logged too.
    await call('POST', '/api/v1/auth/verify', {
      challengeId: started.body.challengeId,
      code: '000000',
    });

    const log = lines.join('');
    assert.ok(lines.length > 10, 'the requests were logged');
    for (const line of lines) {
      const entry = JSON.parse(line) as { reqId?: string; msg?: string };
      if (entry.msg === 'incoming request' || entry.msg === 'request completed')
        assert.ok(entry.reqId, `a request id on ${line}`);
    }
    const secrets = {
      password,
      identityCode,
      code,
      accessToken: session.body.accessToken,
      refreshToken: session.body.refreshToken,
      snils,
      snilsDigits: snils.replace(/\D/g, ''),
      passport,
      passportDigits: passport.replace(/\D/g, ''),
      childSnils: childSnils.replace(/\D/g, ''),
      certificate: '123456',
    };
    for (const [name, secret] of Object.entries(secrets))
      assert.ok(!log.includes(secret), `the log holds the ${name}`);
  });
});
