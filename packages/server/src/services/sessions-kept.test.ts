// Sessions and the authorisation of cached reads are kept in memory between requests (on SQLite,
// until the next write): every change to who may read what holds on the very next request.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Session } from '@school-diary/core';
import { openDatabase, type DiaryDatabase } from '../db/open';
import { DEMO, DEMO_PASSWORD } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = DEMO.children.maria;
const TIMETABLE = `/api/v1/classes/${MARIA.classId}/timetable?week=2026-W48`;
const GRADES = `/api/v1/children/${MARIA.id}/grades`;
const NEW_PASSWORD = 'a long passphrase nobody guesses';

describe('sessions and authorisations kept between requests', () => {
  let server: TestServer;
  /** A second connection to the same database: another process or CLI command writing. */
  let other: DiaryDatabase;

  before(async () => {
    server = await startTestServer();
    other = await openDatabase(
      server.databaseUrl ??
        (server.database.engine === 'sqlite' ? server.database.sqlite.name : ''),
    );
  });
  after(async () => {
    await other.close();
    await server.close();
  });

  /** Reads the timetable and the grades twice (the second time from memory, where kept). */
  const warm = async (token: string) => {
    for (let i = 0; i < 2; i += 1) {
      assert.equal((await server.call('GET', TIMETABLE, { token })).status, 200);
      assert.equal((await server.call('GET', GRADES, { token })).status, 200);
    }
  };
  const statusOf = async (path: string, token: string) =>
    (await server.call('GET', path, { token })).status;

  it('answers a warm read without a statement on SQLite, and asks PostgreSQL every time', async () => {
    const { accessToken } = await server.login(U.parentIvanova.phone);
    await warm(accessToken);
    const db = server.diary.services.db;
    const execute = db.executeQuery.bind(db);
    let statements = 0;
    db.executeQuery = ((query) => ((statements += 1), execute(query))) as typeof db.executeQuery;
    try {
      await warm(accessToken);
    } finally {
      db.executeQuery = execute;
    }
    // Four reads, each a session and an authorisation with its versions.
    assert.equal(statements, server.database.engine === 'sqlite' ? 0 : 8);
  });

  it('ends a session on the next request after its logout', async () => {
    const { accessToken } = await server.login(U.parentIvanova.phone);
    await warm(accessToken);
    const out = await server.call('POST', '/api/v1/auth/logout', { token: accessToken, body: {} });
    assert.equal(out.status, 204);
    assert.equal(await statusOf(TIMETABLE, accessToken), 401);
    assert.equal(await statusOf(GRADES, accessToken), 401);
  });

  it('ends a session revoked from another device on its next request', async () => {
    const phone = U.parentIvanova.phone;
    const first = await server.login(phone);
    const second = await server.login(phone);
    await warm(first.accessToken);
    const sessions = await server.call<{ items: { id: string; current: boolean }[] }>(
      'GET',
      '/api/v1/auth/sessions',
      { token: first.accessToken },
    );
    const own = sessions.body.items.find((s) => s.current);
    assert.ok(own);
    const revoked = await server.call('DELETE', `/api/v1/auth/sessions/${own.id}`, {
      token: second.accessToken,
    });
    assert.equal(revoked.status, 204);
    assert.equal(await statusOf(GRADES, first.accessToken), 401);
    assert.equal(await statusOf(GRADES, second.accessToken), 200);
  });

  it('ends the other sessions on their next request after a password change', async () => {
    const phone = U.parentPetrov.phone;
    const kept = await server.login(phone);
    const ended = await server.login(phone);
    const child = `/api/v1/children/${DEMO.children.alexander.id}/grades`;
    assert.equal(await statusOf(child, ended.accessToken), 200);
    assert.equal(await statusOf(child, ended.accessToken), 200);
    const changed = await server.call('POST', '/api/v1/auth/password', {
      token: kept.accessToken,
      body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD },
    });
    assert.equal(changed.status, 204);
    assert.equal(await statusOf(child, ended.accessToken), 401);
    assert.equal(await statusOf(child, kept.accessToken), 200);
  });

  it('applies a role change made by another process on the next request', async () => {
    const { accessToken } = await server.login(U.studentMaria.phone);
    await warm(accessToken);
    const setRole = (role: 'student' | 'teacher') =>
      other.db.updateTable('users').set({ role }).where('id', '=', U.studentMaria.id).execute();
    await setRole('teacher');
    try {
      const me = await server.call<{ role: string }>('GET', '/api/v1/auth/me', {
        token: accessToken,
      });
      assert.equal(me.body.role, 'teacher');
      // A teacher without a school sees no child's diary and no class's timetable.
      assert.equal(await statusOf(GRADES, accessToken), 404);
      assert.equal(await statusOf(TIMETABLE, accessToken), 404);
    } finally {
      await setRole('student');
    }
    assert.equal(await statusOf(GRADES, accessToken), 200);
  });

  it('ends a session revoked by another process (a CLI command) on its next request', async () => {
    const session: Session = await server.login(U.parentIvanova.phone);
    await warm(session.accessToken);
    await other.db
      .updateTable('sessions')
      .set({ revoked_at: server.clock.now().toISOString() })
      .where('user_id', '=', U.parentIvanova.id)
      .where('revoked_at', 'is', null)
      .execute();
    assert.equal(await statusOf(TIMETABLE, session.accessToken), 401);
  });

  it('refuses the next sign-in after a lockout; the signed-in owner keeps reading', async () => {
    const phone = U.teacherMath.phone;
    const { accessToken } = await server.login(phone);
    const timetable = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable?week=2026-W48`;
    assert.equal(await statusOf(timetable, accessToken), 200);
    for (let i = 0; i < 5; i += 1) {
      const wrong = await server.call('POST', '/api/v1/auth/login', {
        body: { phone, password: 'not the password at all' },
      });
      assert.equal(wrong.status, 401);
    }
    const locked = await server.call('POST', '/api/v1/auth/login', {
      body: { phone, password: DEMO_PASSWORD },
    });
    assert.equal(locked.status, 401);
    // A lock stops guessing, not the owner's own signed-in devices (they were told by SMS).
    assert.equal(await statusOf(timetable, accessToken), 200);
  });

  it('lets a session in until its own expiry, then refuses it', async () => {
    const { accessToken, expiresIn } = await server.login(U.parentIvanova.phone);
    await warm(accessToken);
    server.clock.advance(expiresIn * 1000 + 1);
    const expired = await server.call<{ error: string }>('GET', GRADES, { token: accessToken });
    assert.equal(expired.status, 401);
  });
});
