import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '@school-diary/core';
import { ManualClock } from './clock';
import { DEMO, DEMO_PASSWORD } from './seed/demo';
import { spawnCli, type CliProcess } from './testing/cli-process';
import { EventStreamClient } from './testing/event-stream-client';
import { openTestDatabase, testPostgresUrl, type TestDatabase } from './testing/test-database';

const U = DEMO.users;
const pgUrl = testPostgresUrl();

/** A JSON call to one instance. */
async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T; text: string }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, base), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, text };
}

/** The newest login code sent to a phone, read from an instance's dev outbox. */
async function lastCode(base: string, phone: string): Promise<string> {
  const outbox = await call<{ items: { to: string; code?: string }[] }>(
    base,
    'GET',
    '/api/v1/dev/outbox',
  );
  const code = outbox.body.items.find((item) => item.to === phone && item.code)?.code;
  assert.ok(code, `a code for ${phone} in the outbox`);
  return code;
}

/** The latest weekday before today (marks are entered for school days). */
function recentSchoolDay(): string {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() - 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

describe(
  'two server instances on one PostgreSQL database',
  { skip: pgUrl ? false : 'runs in the PostgreSQL pass (DIARY_TEST_BACKEND=postgres)' },
  () => {
    let dir: string;
    let test: TestDatabase;
    const instances: CliProcess[] = [];
    let a: string;
    let b: string;

    const start = async (url: string): Promise<string> => {
      const server = spawnCli(['--db', url, '--port', '0', '--dev', '--db-pool', '4'], {
        cwd: dir,
      });
      instances.push(server);
      const [, listening] = await server.waitFor(/listening on (http:\/\/\S+)/, 30_000);
      assert.ok(listening);
      return listening;
    };

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'diary-multi-'));
      // The demo world seeded at the real time: the instances run on the system clock.
      test = await openTestDatabase(dir, {
        seed: true,
        clock: new ManualClock(new Date().toISOString().slice(0, 13) + ':00:00.000Z'),
      });
      await test.database.close();
      assert.ok(test.url);
      [a, b] = await Promise.all([start(test.url), start(test.url)]);
    });

    after(async () => {
      for (const server of instances) {
        server.signal('SIGTERM');
        const exit = await Promise.race([
          server.exited,
          new Promise((resolve) => setTimeout(resolve, 10_000)),
        ]);
        if (!exit) server.crash();
      }
      await test?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs two processes, each saying it is on PostgreSQL', () => {
      assert.notEqual(a, b);
      for (const server of instances)
        assert.match(
          server.stdout(),
          /Database: {3}PostgreSQL postgres:\/\/.*\(pool of 4 connections\)/,
        );
    });

    it('verifies on B a login challenge started on A, and B’s session works on A', async () => {
      const started = await call<{ challengeId: string }>(a, 'POST', '/api/v1/auth/login', {
        body: { phone: U.parentIvanova.phone, password: DEMO_PASSWORD },
      });
      assert.equal(started.status, 200, started.text);
      const code = await lastCode(b, U.parentIvanova.phone);
      const wrong = await call(b, 'POST', '/api/v1/auth/verify', {
        body: {
          challengeId: started.body.challengeId,
          code: code === '000000' ? '111111' : '000000',
        },
      });
      assert.equal(wrong.status, 400, 'a wrong code is refused on B as well');
      const verified = await call<Session>(b, 'POST', '/api/v1/auth/verify', {
        body: { challengeId: started.body.challengeId, code },
      });
      assert.equal(verified.status, 200, verified.text);
      assert.equal(verified.body.user.id, U.parentIvanova.id);
      const replay = await call(a, 'POST', '/api/v1/auth/verify', {
        body: { challengeId: started.body.challengeId, code },
      });
      assert.equal(replay.status, 400, 'a consumed code is dead on A too');
      const children = await call<{ items: { id: string }[] }>(a, 'GET', '/api/v1/children', {
        token: verified.body.accessToken,
      });
      assert.equal(children.status, 200, children.text);
      assert.ok(children.body.items.some((c) => c.id === DEMO.children.maria.id));
      // Logout on A revokes the session B checks.
      const out = await call(a, 'POST', '/api/v1/auth/logout', {
        token: verified.body.accessToken,
        body: {},
      });
      assert.ok(out.status === 204 || out.status === 200, out.text);
      const afterLogout = await call(b, 'GET', '/api/v1/children', {
        token: verified.body.accessToken,
      });
      assert.equal(afterLogout.status, 401);
    });

    it('delivers a mark entered through A to a parent’s stream held by B, and the read cache of B sees it', async () => {
      const login = async (base: string, other: string, phone: string): Promise<string> => {
        const started = await call<{ challengeId: string }>(base, 'POST', '/api/v1/auth/login', {
          body: { phone, password: DEMO_PASSWORD },
        });
        assert.equal(started.status, 200, started.text);
        const verified = await call<Session>(other, 'POST', '/api/v1/auth/verify', {
          body: { challengeId: started.body.challengeId, code: await lastCode(other, phone) },
        });
        assert.equal(verified.status, 200, verified.text);
        return verified.body.accessToken;
      };
      const parent = await login(b, a, U.parentIvanova.phone);
      const stranger = await login(b, a, U.parentPetrov.phone);
      const teacher = await login(a, b, U.teacherMath.phone);
      const marksPath = `/api/v1/children/${DEMO.children.maria.id}/grades`;
      const before = await fetch(new URL(marksPath, b), {
        headers: { authorization: `Bearer ${parent}` },
      });
      assert.equal(before.status, 200);
      const etag = before.headers.get('etag');
      await before.arrayBuffer();

      const stream = await EventStreamClient.open(b, { token: parent });
      const other = await EventStreamClient.open(b, { token: stranger });
      try {
        await stream.next((f) => f.retry !== undefined);
        await other.next((f) => f.retry !== undefined);
        const created = await call<{ id: string }>(a, 'POST', '/api/v1/marks', {
          token: teacher,
          body: {
            childId: DEMO.children.maria.id,
            subjectId: 'sub_42_math',
            value: 4,
            kind: 'oral',
            date: recentSchoolDay(),
          },
        });
        assert.equal(created.status, 201, created.text);
        const frame = await stream.nextEvent('mark.created');
        const event = JSON.parse(frame.data ?? '{}') as { data: { id: string } };
        assert.equal(event.data.id, created.body.id, 'the mark written on A reached B’s stream');
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.deepEqual(other.events, [], 'another family on B hears nothing');

        // Resume on A from before the mark: the durable event log replays it.
        const resumed = await EventStreamClient.open(a, {
          token: parent,
          lastEventId: String(Number(frame.id) - 1),
        });
        try {
          assert.equal((await resumed.nextEvent('mark.created')).id, frame.id);
        } finally {
          await resumed.close();
        }

        // B's cached marks list is invalidated by the write on A (versions live in the database).
        const again = await fetch(new URL(marksPath, b), {
          headers: { authorization: `Bearer ${parent}`, 'if-none-match': etag ?? '' },
        });
        assert.equal(again.status, 200, 'not a stale 304');
        const body = (await again.json()) as { items: { id: string }[] };
        assert.ok(body.items.some((m) => m.id === created.body.id));
      } finally {
        await stream.close();
        await other.close();
      }
    });

    it('adds up wrong passwords sent to both instances into one lockout', async () => {
      const phone = U.parentPetrov.phone;
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const res = await call<{ error: { code: string } }>(
          i % 2 === 0 ? a : b,
          'POST',
          '/api/v1/auth/login',
          { body: { phone, password: `wrong-${i}` } },
        );
        statuses.push(res.status);
      }
      // From outside a lock answers like a wrong password (ASVS V2).
      assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
      // Locked everywhere: even the right password is refused on both instances.
      for (const base of [a, b]) {
        const res = await call<{ error: { code: string } }>(base, 'POST', '/api/v1/auth/login', {
          body: { phone, password: DEMO_PASSWORD },
        });
        assert.equal(res.status, 401);
        assert.equal(res.body.error.code, 'invalid_credentials');
      }
    });

    it('adds up wrong passwords sent to both instances at the same moment', async () => {
      const phone = U.parentIvanova.phone;
      const burst = await Promise.all(
        [a, b, a, b, a, b].map((base, i) =>
          call<{ error: { code: string } }>(base, 'POST', '/api/v1/auth/login', {
            body: { phone, password: `burst-${i}` },
          }),
        ),
      );
      assert.ok(burst.every((r) => r.status === 401));
      // The burst locked the account: the right password is refused, answered like a wrong one.
      const res = await call<{ error: { code: string } }>(b, 'POST', '/api/v1/auth/login', {
        body: { phone, password: DEMO_PASSWORD },
      });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'invalid_credentials');
    });
  },
);
