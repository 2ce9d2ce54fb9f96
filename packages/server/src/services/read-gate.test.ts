import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openSqlite, type SqliteDiaryDatabase } from '../db/open';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { NO_CHANGE_SOURCE, type ChangeSource } from '../db/change-source';
import { ReadGate } from './read-gate';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const GRADES = `/api/v1/children/${MARIA}/grades`;
const WEEK = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable?week=2026-W48`;

describe('ReadGate over a SQLite file', () => {
  let dir: string;
  let database: SqliteDiaryDatabase;
  let other: SQLite.Database;
  let gate: ReadGate<string>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diary-gate-'));
    database = await openSqlite(join(dir, 'diary.sqlite'));
    other = new SQLite(join(dir, 'diary.sqlite'));
  });
  after(async () => {
    other.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    gate = new ReadGate<string>(database.changes);
    gate.refresh();
  });

  const keep = () => {
    gate.keepSession('h', { user: 'u', expiresAt: 1 }, gate.ticket());
    gate.keepGrant('g', '1.2', gate.ticket());
  };

  it('keeps sessions and grants while nothing is written', () => {
    keep();
    gate.refresh();
    gate.refresh();
    assert.equal(gate.session('h')?.user, 'u');
    assert.equal(gate.grant('g'), '1.2');
    assert.equal(gate.size, 2);
  });

  it('forgets everything when this process writes, even before the next probe', async () => {
    keep();
    await database.db.insertInto('settings').values({ key: 'gate-own', value: '1' }).execute();
    assert.equal(gate.session('h'), undefined, 'without a refresh');
    assert.equal(gate.grant('g'), undefined);
    assert.equal(gate.size, 0);
  });

  it('forgets everything when another connection commits (PRAGMA data_version)', () => {
    keep();
    other.prepare("insert into settings (key, value) values ('gate-other', '1')").run();
    assert.equal(gate.session('h')?.user, 'u', 'not yet probed');
    gate.refresh();
    assert.equal(gate.session('h'), undefined);
    assert.equal(gate.grant('g'), undefined);
  });

  it('does not keep a fill that a write overtook', async () => {
    const ownTicket = gate.ticket();
    await database.db.insertInto('settings').values({ key: 'gate-fill', value: '1' }).execute();
    gate.keepSession('h', { user: 'stale', expiresAt: 1 }, ownTicket);
    assert.equal(gate.session('h'), undefined, 'own write during the fill');

    const otherTicket = gate.ticket();
    other.prepare("insert into settings (key, value) values ('gate-fill-2', '1')").run();
    gate.refresh();
    gate.keepGrant('g', 'stale', otherTicket);
    assert.equal(gate.grant('g'), undefined, 'another connection’s commit during the fill');
  });

  it('counts a write that fails or is rolled back as a change (never too few)', async () => {
    keep();
    await assert.rejects(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'gate-rollback', value: '1' }).execute();
        throw new Error('roll back');
      }),
    );
    assert.equal(gate.session('h'), undefined);
  });

  it('keeps nothing when the change source cannot tell', () => {
    const blind = new ReadGate<string>(NO_CHANGE_SOURCE);
    blind.refresh();
    assert.equal(blind.enabled, false);
    blind.keepSession('h', { user: 'u', expiresAt: 1 }, blind.ticket());
    blind.keepGrant('g', '1', blind.ticket());
    assert.equal(blind.session('h'), undefined);
    assert.equal(blind.grant('g'), undefined);
    assert.equal(blind.size, 0);
  });

  it('holds at most maxEntries per map, the oldest going first', () => {
    const source: ChangeSource = { probe: () => 'same', local: () => 0 };
    const small = new ReadGate<string>(source, { maxEntries: 2 });
    small.refresh();
    for (const key of ['a', 'b', 'c']) small.keepGrant(key, key, small.ticket());
    assert.equal(small.grant('a'), undefined);
    assert.equal(small.grant('b'), 'b');
    assert.equal(small.grant('c'), 'c');
    const none = new ReadGate<string>(source, { maxEntries: 0 });
    none.refresh();
    none.keepGrant('a', 'a', none.ticket());
    assert.equal(none.grant('a'), undefined);
  });
});

describe('ReadGate: sessions by raw bearer token', () => {
  const steady: ChangeSource = { probe: () => 'same', local: () => 0 };
  const session = (expiresAt: number) => ({ user: 'u', expiresAt });

  it('finds a kept token until its session expires, then drops it', () => {
    const gate = new ReadGate<string>(steady);
    gate.refresh();
    gate.keepToken('at_a', session(2000), gate.ticket(), 1000);
    gate.keepToken('at_b', session(5000), gate.ticket(), 1000);
    assert.equal(gate.byToken('at_a', 1999)?.user, 'u');
    assert.equal(gate.byToken('at_a', 2000), undefined, 'expired: not returned');
    assert.equal(gate.size, 1, 'and no longer held in plain text');
    assert.equal(gate.byToken('at_b', 2000)?.user, 'u');
    assert.equal(gate.byToken('at_b', 5000), undefined);
    assert.equal(gate.size, 0);
  });

  it('drops expired tokens on an idle server too (timer against its clock)', async () => {
    let now = 1000;
    const gate = new ReadGate<string>(steady, { maxEntries: 10 }, () => now);
    gate.refresh();
    gate.keepToken('at_a', session(1020), gate.ticket(), now);
    assert.equal(gate.size, 1);
    now = 1020;
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.equal(gate.size, 0, 'swept without any look-up');
    gate.close();
  });

  it('never keeps an expired session or one read before a change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'diary-gate-token-'));
    const database = await openSqlite(join(dir, 'diary.sqlite'));
    try {
      const gate = new ReadGate<string>(database.changes);
      gate.refresh();
      gate.keepToken('at_old', session(1000), gate.ticket(), 1000);
      assert.equal(gate.size, 0, 'expired when kept');
      const ticket = gate.ticket();
      await database.db.insertInto('settings').values({ key: 'gate-tok', value: '1' }).execute();
      gate.keepToken('at_late', session(9000), ticket, 1000);
      assert.equal(gate.byToken('at_late', 1000), undefined, 'a write overtook the look-up');
      gate.keepToken('at_ok', session(9000), gate.ticket(), 1000);
      assert.equal(gate.byToken('at_ok', 1000)?.user, 'u');
      await database.db.deleteFrom('settings').where('key', '=', 'gate-tok').execute();
      assert.equal(gate.byToken('at_ok', 1000), undefined, 'any write (a logout) forgets it');
      assert.equal(gate.size, 0);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('holds at most maxTokens tokens (none with 0) and nothing once closed', () => {
    const gate = new ReadGate<string>(steady, { maxEntries: 10, maxTokens: 2 });
    gate.refresh();
    for (const token of ['at_1', 'at_2', 'at_3'])
      gate.keepToken(token, session(9000), gate.ticket(), 0);
    assert.equal(gate.byToken('at_1', 0), undefined, 'the oldest went');
    assert.equal(gate.byToken('at_3', 0)?.user, 'u');
    const none = new ReadGate<string>(steady, { maxEntries: 10, maxTokens: 0 });
    none.refresh();
    none.keepToken('at_1', session(9000), none.ticket(), 0);
    assert.equal(none.byToken('at_1', 0), undefined);
    gate.close();
    gate.refresh();
    assert.equal(gate.enabled, false);
    assert.equal(gate.byToken('at_3', 0), undefined);
    gate.keepToken('at_4', session(9000), gate.ticket(), 0);
    assert.equal(gate.size, 0);
  });
});

describe('kept sessions and grants take every change into account on the very next request', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.close();
  });

  /** Reads twice, so the second answer comes from the gate where it can. */
  async function readTwice(path: string, token: string): Promise<number> {
    const first = await server.call('GET', path, { token });
    const second = await server.call('GET', path, { token });
    assert.equal(second.status, first.status);
    return second.status;
  }

  it('logout: the kept session is refused next', async () => {
    const session = await server.login(U.parentIvanova.phone);
    assert.equal(await readTwice(GRADES, session.accessToken), 200);
    const out = await server.call('POST', '/api/v1/auth/logout', {
      token: session.accessToken,
      body: {},
    });
    assert.equal(out.status, 204, out.text);
    const next = await server.call<{ error: { code: string } }>('GET', GRADES, {
      token: session.accessToken,
    });
    assert.equal(next.status, 401);
    assert.equal(next.body.error.code, 'unauthorized');
  });

  it('token expiry: a kept session expires on time, without any write', async () => {
    const session = await server.login(U.parentIvanova.phone);
    assert.equal(await readTwice(WEEK, session.accessToken), 200);
    server.clock.advance(session.expiresIn * 1000 - 1000);
    assert.equal((await server.call('GET', WEEK, { token: session.accessToken })).status, 200);
    server.clock.advance(1000);
    const next = await server.call<{ error: { code: string } }>('GET', WEEK, {
      token: session.accessToken,
    });
    assert.equal(next.status, 401);
    assert.equal(next.body.error.code, 'token_expired');
  });

  it('refresh-token reuse: the whole family is refused next, kept or not', async () => {
    const first = await server.login(U.parentIvanova.phone);
    const rotated = await server.call<{ accessToken: string; refreshToken: string }>(
      'POST',
      '/api/v1/auth/refresh',
      { body: { refreshToken: first.refreshToken } },
    );
    assert.equal(rotated.status, 200, rotated.text);
    assert.equal(await readTwice(GRADES, rotated.body.accessToken), 200);
    const replay = await server.call('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    assert.equal(replay.status, 401);
    assert.equal(
      (await server.call('GET', GRADES, { token: rotated.body.accessToken })).status,
      401,
    );
  });

  it('role change written by this process: the next request sees the new role', async () => {
    const session = await server.login(U.parentPetrov.phone);
    const me = async () =>
      server.call<{ role: string }>('GET', '/api/v1/auth/me', { token: session.accessToken });
    assert.equal((await me()).body.role, 'parent');
    assert.equal((await me()).body.role, 'parent');
    const db = server.diary.services.db;
    await db
      .updateTable('users')
      .set({ role: 'student' })
      .where('id', '=', U.parentPetrov.id)
      .execute();
    try {
      assert.equal((await me()).body.role, 'student');
    } finally {
      await db
        .updateTable('users')
        .set({ role: 'parent' })
        .where('id', '=', U.parentPetrov.id)
        .execute();
    }
  });

  it('ownership change committed by another connection: the kept grant goes on the next request', async () => {
    if (server.database.engine !== 'sqlite') return;
    const session = await server.login(U.parentIvanova.phone);
    assert.equal(await readTwice(GRADES, session.accessToken), 200);
    assert.equal(await readTwice(WEEK, session.accessToken), 200);
    const other = new SQLite(server.database.sqlite.name);
    try {
      other
        .prepare('delete from parent_children where parent_id = ? and child_id = ?')
        .run(U.parentIvanova.id, MARIA);
      assert.equal((await server.call('GET', GRADES, { token: session.accessToken })).status, 404);
      assert.equal((await server.call('GET', WEEK, { token: session.accessToken })).status, 404);
      other
        .prepare('insert into parent_children (parent_id, child_id) values (?, ?)')
        .run(U.parentIvanova.id, MARIA);
      assert.equal((await server.call('GET', GRADES, { token: session.accessToken })).status, 200);
    } finally {
      other.close();
    }
  });

  it('a revocation committed by another connection is refused on the next request', async () => {
    if (server.database.engine !== 'sqlite') return;
    const session = await server.login(U.parentIvanova.phone);
    assert.equal(await readTwice(GRADES, session.accessToken), 200);
    const other = new SQLite(server.database.sqlite.name);
    try {
      other
        .prepare('update sessions set revoked_at = ? where user_id = ? and revoked_at is null')
        .run(new Date().toISOString(), U.parentIvanova.id);
    } finally {
      other.close();
    }
    assert.equal((await server.call('GET', GRADES, { token: session.accessToken })).status, 401);
  });

  it('a bad token is never kept and stays refused', async () => {
    for (let i = 0; i < 3; i += 1)
      assert.equal((await server.call('GET', GRADES, { token: 'at_not-a-token' })).status, 401);
    assert.equal(
      (await server.call('GET', GRADES, { headers: { authorization: 'Bearer' } })).status,
      401,
    );
  });

  it('a denial is never kept: a stranger stays refused, the owner is let in', async () => {
    const stranger = await server.login(U.parentPetrov.phone);
    const owner = await server.login(U.parentIvanova.phone);
    for (let i = 0; i < 2; i += 1)
      assert.equal((await server.call('GET', GRADES, { token: stranger.accessToken })).status, 404);
    assert.equal(await readTwice(GRADES, owner.accessToken), 200);
    assert.equal((await server.call('GET', GRADES, { token: stranger.accessToken })).status, 404);
  });
});
