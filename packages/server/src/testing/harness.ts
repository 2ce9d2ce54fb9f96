import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '@school-diary/core';
import { createApp, type DiaryApp } from '../app';
import { ManualClock } from '../clock';
import type { IdGenerator } from '../ids';
import type { ServerConfig } from '../config';
import type { DeliverySettings } from '../delivery/delivery';
import type { DiaryDatabase } from '../db/open';
import { seedDemo, DEMO_PASSWORD } from '../seed/demo';
import { testDataKeys } from './data-key';
import { openTestDatabase } from './test-database';

/** A response read by {@link TestServer.call}. */
export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
  readonly text: string;
}

/** Options of a call: bearer token, language, JSON body, query. */
export interface CallOptions {
  readonly token?: string;
  readonly lang?: string;
  readonly body?: unknown;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
}

/**
 * A real diary server on a temporary database (a SQLite file, or with `DIARY_TEST_BACKEND=postgres`
 * a fresh PostgreSQL database), listening on a random local port.
 */
export interface TestServer {
  readonly url: string;
  readonly diary: DiaryApp;
  readonly database: DiaryDatabase;
  readonly clock: ManualClock;
  readonly dir: string;
  /** The PostgreSQL URL of this server's database (null on SQLite): a second instance may share it. */
  readonly databaseUrl: string | null;
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<TestResponse<T>>;
  /** The newest one-time code sent to a phone (read from the outbox, as the dev route does). */
  lastCode(phone: string): Promise<string>;
  /** Logs in with phone and password and the code from the outbox. */
  login(phone: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/** Starts a test server; with `seed: true` (default) the demo world is loaded. */
export async function startTestServer(
  options: {
    seed?: boolean;
    config?: Partial<ServerConfig>;
    clock?: ManualClock;
    /** Makes the ids of new rows (random ones by default). */
    ids?: IdGenerator;
    /** Transports the delivery worker sends through (else messages stay in the outbox). */
    delivery?: DeliverySettings;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'diary-test-'));
  const clock = options.clock ?? new ManualClock('2026-11-24T09:00:00.000Z');
  const seed = options.seed ?? true;
  const testDatabase = await openTestDatabase(dir, { seed, clock });
  const database = testDatabase.database;
  if (seed && !testDatabase.seeded) await seedDemo(database.db, { clock });
  const diary = await createApp({
    database,
    dataKeys: testDataKeys(),
    clock,
    ...(options.ids ? { ids: options.ids } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
    config: {
      storageDir: join(dir, 'files'),
      dev: true,
      checkResponses: true,
      authRateLimit: 10_000,
      ipFailureThreshold: 1_000,
      // The seed's cost: tests sign in many times; sign-in-security.test.ts checks the real one.
      passwordHashCost: 14,
      ...options.config,
    },
  });
  await diary.app.listen({ host: '127.0.0.1', port: 0 });
  const address = diary.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;

  async function call<T>(
    method: string,
    path: string,
    o: CallOptions = {},
  ): Promise<TestResponse<T>> {
    const target = new URL(path, url);
    for (const [k, v] of Object.entries(o.query ?? {})) target.searchParams.set(k, v);
    const headers: Record<string, string> = { ...o.headers };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.lang) headers['accept-language'] = o.lang;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(target, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
    const text = await res.text();
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: body as T, text };
  }

  async function lastCode(phone: string): Promise<string> {
    const row = await database.db
      .selectFrom('outbox')
      .select(['code', 'text'])
      .where('recipient', '=', phone)
      .where('code', 'is not', null)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    if (!row.code) throw new Error(`No code in "${row.text}"`);
    return row.code;
  }

  async function login(phone: string, password = DEMO_PASSWORD): Promise<Session> {
    const started = await call<{ challengeId: string }>('POST', '/api/v1/auth/login', {
      body: { phone, password },
    });
    if (started.status !== 200)
      throw new Error(`login ${phone}: ${started.status} ${started.text}`);
    const code = await lastCode(phone);
    const verified = await call<Session>('POST', '/api/v1/auth/verify', {
      body: { challengeId: started.body.challengeId, code },
    });
    if (verified.status !== 200)
      throw new Error(`verify ${phone}: ${verified.status} ${verified.text}`);
    return verified.body;
  }

  return {
    url,
    diary,
    database,
    clock,
    dir,
    databaseUrl: testDatabase.url,
    call,
    lastCode,
    login,
    async close() {
      await diary.app.close();
      await database.close();
      await testDatabase.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
