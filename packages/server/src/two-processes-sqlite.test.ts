import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '@school-diary/core';
import { ManualClock } from './clock';
import { openSqlite } from './db/open';
import { DEMO, DEMO_PASSWORD, seedDemo } from './seed/demo';
import { startCliServer, type CliServer } from './testing/cli-process';
import { testPostgresUrl } from './testing/test-database';

const U = DEMO.users;
const MARKS = `/api/v1/children/${DEMO.children.maria.id}/grades`;

async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; text: string; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(path, base), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : null) as T,
    text,
    headers: res.headers,
  };
}

/** Logs in on `base`, the code read from that process's dev outbox. */
async function login(base: string, phone: string): Promise<string> {
  const started = await call<{ challengeId: string }>(base, 'POST', '/api/v1/auth/login', {
    body: { phone, password: DEMO_PASSWORD },
  });
  assert.equal(started.status, 200, started.text);
  const outbox = await call<{ items: { to: string; code?: string }[] }>(
    base,
    'GET',
    '/api/v1/dev/outbox',
  );
  const code = outbox.body.items.find((i) => i.to === phone && i.code)?.code;
  assert.ok(code, `a code for ${phone}`);
  const verified = await call<Session>(base, 'POST', '/api/v1/auth/verify', {
    body: { challengeId: started.body.challengeId, code },
  });
  assert.equal(verified.status, 200, verified.text);
  return verified.body.accessToken;
}

/** The latest weekday before today (marks are entered for school days). */
function recentSchoolDay(): string {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() - 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

describe(
  'two server processes on one SQLite file: what one writes, the other sees on the next request',
  { skip: testPostgresUrl() ? 'runs in the SQLite pass' : false },
  () => {
    let dir: string;
    let a: CliServer;
    let b: CliServer;

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'diary-two-sqlite-'));
      const file = join(dir, 'diary.sqlite');
      const database = await openSqlite(file);
      await seedDemo(database.db, {
        clock: new ManualClock(new Date().toISOString().slice(0, 13) + ':00:00.000Z'),
      });
      await database.close();
      [a, b] = await Promise.all([
        startCliServer(['--db', file, '--port', '0', '--dev'], { cwd: dir }),
        startCliServer(['--db', file, '--port', '0', '--dev'], { cwd: dir }),
      ]);
    });

    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      rmSync(dir, { recursive: true, force: true });
    });

    it('a logout on A refuses the session on B next, though B kept it', async () => {
      const token = await login(a.url, U.parentIvanova.phone);
      for (let i = 0; i < 2; i += 1)
        assert.equal((await call(b.url, 'GET', MARKS, { token })).status, 200);
      const out = await call(a.url, 'POST', '/api/v1/auth/logout', { token, body: {} });
      assert.equal(out.status, 204, out.text);
      assert.equal((await call(b.url, 'GET', MARKS, { token })).status, 401);
    });

    it('a role change committed by a third connection shows on B next', async () => {
      const parent = await login(b.url, U.parentPetrov.phone);
      assert.equal(
        (await call<{ role: string }>(b.url, 'GET', '/api/v1/auth/me', { token: parent })).status,
        200,
      );
      // The role lives in the users table: written here by a third connection, as an admin tool would.
      const database = await openSqlite(join(dir, 'diary.sqlite'));
      try {
        await database.db
          .updateTable('users')
          .set({ role: 'student' })
          .where('id', '=', U.parentPetrov.id)
          .execute();
        const me = await call<{ role: string }>(b.url, 'GET', '/api/v1/auth/me', { token: parent });
        assert.equal(me.body.role, 'student');
      } finally {
        await database.db
          .updateTable('users')
          .set({ role: 'parent' })
          .where('id', '=', U.parentPetrov.id)
          .execute();
        await database.close();
      }
    });

    it('a mark entered on A is in B’s next marks list (no stale 200, no stale 304)', async () => {
      const parent = await login(b.url, U.parentIvanova.phone);
      const teacher = await login(a.url, U.teacherMath.phone);
      const first = await call(b.url, 'GET', MARKS, { token: parent });
      const etag = first.headers.get('etag') ?? '';
      const cached = await call(b.url, 'GET', MARKS, {
        token: parent,
        headers: { 'if-none-match': etag },
      });
      assert.equal(cached.status, 304);
      const created = await call<{ id: string }>(a.url, 'POST', '/api/v1/marks', {
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
      const next = await call<{ items: { id: string }[] }>(b.url, 'GET', MARKS, {
        token: parent,
        headers: { 'if-none-match': etag },
      });
      assert.equal(next.status, 200);
      assert.ok(next.body.items.some((m) => m.id === created.body.id));
    });
  },
);
