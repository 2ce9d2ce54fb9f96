import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import {
  engineOf,
  insertionOrder,
  isPostgresUrl,
  PostgresSchemaPlugin,
  redactUrl,
} from './dialect';
import { notifyPayloads } from './postgres';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema statements need no table types */
const postgres = new Kysely<any>({
  // Never connects: these tests only compile statements.
  dialect: new PostgresDialect({
    pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' }),
  }),
});

describe('PostgreSQL dialect helpers', () => {
  it('tells PostgreSQL URLs from SQLite files', () => {
    assert.ok(isPostgresUrl('postgres://u:p@db:5432/diary'));
    assert.ok(isPostgresUrl('postgresql://db/diary'));
    assert.ok(isPostgresUrl('POSTGRES://db/diary'));
    assert.ok(!isPostgresUrl('./diary.sqlite'));
    assert.ok(!isPostgresUrl('/srv/postgres/diary.sqlite'));
    assert.ok(!isPostgresUrl('postgres:/db'));
  });

  it('hides the password of a URL, and survives one it cannot parse', () => {
    assert.equal(
      redactUrl('postgres://diary:s3cret@db:5432/diary'),
      'postgres://diary:***@db:5432/diary',
    );
    assert.equal(redactUrl('postgres://db/diary'), 'postgres://db/diary');
    assert.doesNotMatch(redactUrl('postgres://a:b@[bad'), /b@/);
  });

  it('runs the SQLite-flavoured migrations on PostgreSQL: bigserial keys, double precision reals', () => {
    const { sql } = postgres
      .withPlugin(new PostgresSchemaPlugin())
      .schema.createTable('t')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('weight', 'real', (c) => c.notNull())
      .addColumn('n', 'integer')
      .compile();
    assert.equal(
      sql,
      'create table "t" ("id" bigserial primary key, "weight" double precision not null, "n" integer)',
    );
  });

  it('orders by rowid on SQLite and by the seq column on PostgreSQL', () => {
    const sqlite = new Kysely<any>({
      dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
    });
    assert.equal(engineOf(sqlite), 'sqlite');
    assert.equal(engineOf(postgres), 'postgres');
    assert.match(
      sqlite.selectFrom('audit').selectAll().orderBy(insertionOrder(sqlite)).compile().sql,
      /order by "rowid"$/,
    );
    assert.match(
      postgres.selectFrom('audit').selectAll().orderBy(insertionOrder(postgres), 'desc').compile()
        .sql,
      /order by "seq" desc$/,
    );
    void sqlite.destroy();
  });

  it('splits NOTIFY payloads below 8000 bytes without splitting an id', () => {
    assert.deepEqual(notifyPayloads([]), []);
    assert.deepEqual(notifyPayloads(['usr_a', 'usr_b']), ['usr_a,usr_b']);
    const ids = Array.from({ length: 2000 }, (_, i) => `usr_${String(i).padStart(12, '0')}`);
    const payloads = notifyPayloads(ids);
    assert.ok(payloads.length > 1);
    for (const payload of payloads) assert.ok(Buffer.byteLength(payload) < 8000);
    assert.deepEqual(payloads.join(',').split(','), ids);
  });
});
