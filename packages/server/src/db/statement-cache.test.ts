import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { openSqlite, type DiaryDatabase } from './open';
import { cachedStatements } from './statement-cache';

describe('cachedStatements: prepared statements kept per SQL text', () => {
  let sqlite: SQLite.Database;
  before(() => {
    sqlite = new SQLite(':memory:');
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  });
  after(() => sqlite.close());

  it('hands out the same statement for the same SQL, a new one for other SQL', () => {
    const db = cachedStatements(sqlite);
    const a = db.prepare('SELECT v FROM t WHERE id = ?');
    assert.equal(db.prepare('SELECT v FROM t WHERE id = ?'), a);
    assert.notEqual(db.prepare('SELECT v FROM t WHERE id = ? '), a);
  });

  it('never returns stale rows: a kept statement sees every write made since', () => {
    const db = cachedStatements(sqlite);
    const read = () => db.prepare('SELECT v FROM t WHERE id = ?').all([1]);
    assert.deepEqual(read(), []);
    db.prepare('INSERT INTO t (id, v) VALUES (?, ?)').run([1, 'one']);
    assert.deepEqual(read(), [{ v: 'one' }]);
    db.prepare('UPDATE t SET v = ? WHERE id = ?').run(['uno', 1]);
    assert.deepEqual(read(), [{ v: 'uno' }]);
    // A write that bypasses the cache entirely is seen too.
    sqlite.prepare('DELETE FROM t WHERE id = 1').run();
    assert.deepEqual(read(), []);
  });

  it('follows schema changes: a kept statement is recompiled by SQLite', () => {
    const db = cachedStatements(sqlite);
    sqlite.exec('CREATE TABLE s (a INTEGER)');
    db.prepare('INSERT INTO s (a) VALUES (?)').run([7]);
    assert.deepEqual(db.prepare('SELECT * FROM s').all(), [{ a: 7 }]);
    sqlite.exec("ALTER TABLE s ADD COLUMN b TEXT NOT NULL DEFAULT 'x'");
    assert.deepEqual(db.prepare('SELECT * FROM s').all(), [{ a: 7, b: 'x' }]);
    sqlite.exec('DROP TABLE s');
    assert.throws(() => db.prepare('SELECT * FROM s').all(), /no such table/);
  });

  it('gives a caller its own statement while the kept one is busy iterating', () => {
    const db = cachedStatements(sqlite);
    for (let i = 10; i < 13; i += 1)
      db.prepare('INSERT INTO t (id, v) VALUES (?, ?)').run([i, 'x']);
    const sql = 'SELECT id FROM t WHERE id >= ? ORDER BY id';
    const outer = db.prepare(sql);
    const seen: number[] = [];
    for (const row of outer.iterate(10) as IterableIterator<{ id: number }>) {
      const inner = db.prepare(sql);
      assert.notEqual(inner, outer, 'a busy statement is not handed out');
      seen.push(row.id, (inner.all([row.id]) as { id: number }[]).length);
    }
    assert.deepEqual(seen, [10, 3, 11, 2, 12, 1]);
    assert.equal(db.prepare(sql), outer, 'once done, the kept one is used again');
  });

  it('keeps at most `limit` statements, dropping the least recently used', () => {
    const db = cachedStatements(sqlite, 2);
    const one = db.prepare('SELECT 1');
    const two = db.prepare('SELECT 2');
    assert.equal(db.prepare('SELECT 1'), one);
    db.prepare('SELECT 3');
    assert.equal(db.prepare('SELECT 1'), one, 'recently used: kept');
    assert.notEqual(db.prepare('SELECT 2'), two, 'least recently used: prepared again');
  });

  it('reports bad SQL as better-sqlite3 does, and keeps nothing for it', () => {
    const db = cachedStatements(sqlite);
    assert.throws(() => db.prepare('SELEC nonsense'), /syntax error/);
    assert.throws(() => db.prepare('SELEC nonsense'), /syntax error/);
  });
});

describe('openSqlite with kept statements, through Kysely', () => {
  let dir: string;
  let database: DiaryDatabase;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'diary-stmt-'));
    database = await openSqlite(join(dir, 'diary.sqlite'));
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const version = async (scope: string) =>
    (
      await database.db
        .selectFrom('versions')
        .select('version')
        .where('scope', '=', scope)
        .executeTakeFirst()
    )?.version;

  it('reads what was just written, in and out of transactions, and not what was rolled back', async () => {
    const { db } = database;
    assert.equal(await version('child:a'), undefined);
    await db.insertInto('versions').values({ scope: 'child:a', version: 1 }).execute();
    assert.equal(await version('child:a'), 1);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('versions')
        .set({ version: 2 })
        .where('scope', '=', 'child:a')
        .execute();
    });
    assert.equal(await version('child:a'), 2);
    await assert.rejects(
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('versions')
          .set({ version: 3 })
          .where('scope', '=', 'child:a')
          .execute();
        throw new Error('abort');
      }),
      /abort/,
    );
    assert.equal(await version('child:a'), 2);
  });

  it('streams a query and runs it again afterwards with the same results', async () => {
    const { db } = database;
    await db.insertInto('versions').values({ scope: 'class:b', version: 5 }).execute();
    const query = db
      .selectFrom('versions')
      .select('scope')
      .where('version', '>', 0)
      .orderBy('scope');
    const streamed: string[] = [];
    // Kysely holds SQLite's one connection while a stream is open: nothing else runs meanwhile.
    for await (const row of query.stream()) streamed.push(row.scope);
    assert.deepEqual(streamed, ['child:a', 'class:b']);
    assert.deepEqual(
      (await query.execute()).map((r) => r.scope),
      streamed,
    );
  });
});
