import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sqliteChangeGeneration } from './change-generation';

const dir = mkdtempSync(join(tmpdir(), 'diary-changes-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** A database file with one table, in the journal mode given, and a second connection to it. */
function database(journalMode: 'wal' | 'delete') {
  const file = join(dir, `d${(files += 1)}.sqlite`);
  const sqlite = new SQLite(file);
  sqlite.pragma(`journal_mode = ${journalMode}`);
  sqlite.exec('CREATE TABLE t (x INTEGER)');
  const other = new SQLite(file);
  after(() => (other.close(), sqlite.close()));
  return { file, sqlite, other };
}

/** Inserts a row from another process, as a CLI command or a second server would. */
function insertFromAnotherProcess(file: string): void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const D = require(${JSON.stringify(driver)}); const d = new D(process.argv[1]); d.exec('INSERT INTO t VALUES (7)'); d.close();`;
  execFileSync(process.execPath, ['-e', script, file]);
}

describe('sqliteChangeGeneration', () => {
  it('reads the WAL-index header of a database in WAL mode', () => {
    const { sqlite } = database('wal');
    assert.equal(sqliteChangeGeneration(sqlite).source, 'wal-index');
  });

  it('stays the same while nothing is committed', () => {
    const { sqlite, other } = database('wal');
    const changes = sqliteChangeGeneration(sqlite);
    const at = changes.check();
    sqlite.prepare('SELECT count(*) FROM t').get();
    other.prepare('SELECT count(*) FROM t').get();
    assert.equal(changes.check(), at);
    assert.equal(changes.check(), at);
  });

  it("moves when another connection or another process commits, and on the connection's own writes", () => {
    const { file, sqlite, other } = database('wal');
    const changes = sqliteChangeGeneration(sqlite);
    const seen = [changes.check()];
    other.exec('INSERT INTO t VALUES (1)');
    seen.push(changes.check());
    insertFromAnotherProcess(file);
    seen.push(changes.check());
    sqlite.exec('INSERT INTO t VALUES (2)');
    seen.push(changes.check());
    assert.equal(new Set(seen).size, 4, `generations ${seen.join(', ')}`);
    assert.equal(changes.check(), seen[3]);
  });

  it('moves on every check inside a transaction, and after it is rolled back', () => {
    const { sqlite } = database('wal');
    const changes = sqliteChangeGeneration(sqlite);
    const before = changes.check();
    sqlite.exec('BEGIN');
    sqlite.exec('INSERT INTO t VALUES (3)');
    const inside = changes.check();
    assert.notEqual(inside, before);
    assert.notEqual(changes.check(), inside);
    const last = changes.check();
    sqlite.exec('ROLLBACK');
    const afterwards = changes.check();
    assert.notEqual(afterwards, last);
    assert.equal(changes.check(), afterwards);
  });

  it('asks the database with a statement when it is not in WAL mode', () => {
    const { file, sqlite, other } = database('delete');
    const changes = sqliteChangeGeneration(sqlite);
    assert.equal(changes.source, 'statement');
    const at = changes.check();
    assert.equal(changes.check(), at);
    other.exec('INSERT INTO t VALUES (4)');
    const moved = changes.check();
    assert.notEqual(moved, at);
    insertFromAnotherProcess(file);
    assert.notEqual(changes.check(), moved);
  });

  it('asks with a statement for an in-memory database', () => {
    const sqlite = new SQLite(':memory:');
    after(() => sqlite.close());
    const changes = sqliteChangeGeneration(sqlite);
    assert.equal(changes.source, 'statement');
    const at = changes.check();
    sqlite.exec('CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (5)');
    assert.notEqual(changes.check(), at);
  });
});
