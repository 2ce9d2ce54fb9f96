import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Clock } from '../clock';
import { openSqlite, type DiaryDatabase } from '../db/open';
import { openPostgres } from '../db/postgres';
import { seedDemo } from '../seed/demo';

/**
 * The PostgreSQL server the tests run against, from `DIARY_TEST_PG_URL`, when the suite runs on
 * that backend (`DIARY_TEST_BACKEND=postgres`, set by scripts/test.mjs for its second pass).
 */
export function testPostgresUrl(): string | null {
  if (process.env.DIARY_TEST_BACKEND !== 'postgres') return null;
  const url = process.env.DIARY_TEST_PG_URL;
  if (!url) throw new Error('DIARY_TEST_BACKEND=postgres needs DIARY_TEST_PG_URL');
  return url;
}

let counter = 0;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(url: string, work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({
    // One connection, never closed for idleness: the template lock below is a session lock held
    // across a seeding that can take longer than pg.Pool's default 10 s idle timeout on a busy
    // machine (the pool would close the connection, free the lock, and a waiting test file would
    // drop the half-built template under the seeding).
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 0 }),
    }),
  });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/**
 * A template database per (seeded?, clock) made once for the whole run: migrated, and seeded when
 * asked. Building it takes a lock, so test files starting in parallel build it once; every test
 * server then gets its own copy (`CREATE DATABASE … TEMPLATE`, a file copy in milliseconds).
 */
async function template(url: string, seed: boolean, clock: Clock): Promise<string> {
  const key = createHash('sha1')
    .update(`${seed ? 'demo' : 'empty'}|${clock.now().toISOString()}`)
    .digest('hex')
    .slice(0, 12);
  const run = (process.env.DIARY_TEST_RUN_ID ?? 'dev').replace(/[^a-z0-9]/gi, '').slice(0, 16);
  const name = `diary_tpl_${run}_${key}`;
  await admin(url, async (db) => {
    await sql`select pg_advisory_lock(${0x74706c})`.execute(db);
    try {
      const exists = await sql`select 1 from pg_database where datname = ${name}`.execute(db);
      if (exists.rows.length > 0) return;
      const building = `${name}_build`;
      await sql`drop database if exists ${sql.id(building)} with (force)`.execute(db);
      await sql`create database ${sql.id(building)}`.execute(db);
      const database = await openPostgres(withDatabase(url, building), { poolSize: 4 });
      try {
        if (seed) await seedDemo(database.db, { clock });
      } finally {
        await database.close();
      }
      await sql`alter database ${sql.id(building)} rename to ${sql.id(name)}`.execute(db);
    } finally {
      await sql`select pg_advisory_unlock(${0x74706c})`.execute(db);
    }
  });
  return name;
}

/** A fresh database for one test server, and how to throw it away. */
export interface TestDatabase {
  readonly database: DiaryDatabase;
  /** Whether it already holds the demo world (PostgreSQL copies a seeded template). */
  readonly seeded: boolean;
  /** The PostgreSQL URL of this copy (null on SQLite); other server processes may open it. */
  readonly url: string | null;
  drop(): Promise<void>;
}

/**
 * Opens a fresh test database on the backend the run asks for: a SQLite file in `dir`, or a new
 * PostgreSQL database copied from a migrated (and seeded) template.
 */
export async function openTestDatabase(
  dir: string,
  options: { seed: boolean; clock: Clock },
): Promise<TestDatabase> {
  const url = testPostgresUrl();
  if (url === null) {
    const database = await openSqlite(join(dir, 'diary.sqlite'));
    return { database, seeded: false, url: null, drop: async () => undefined };
  }
  const source = await template(url, options.seed, options.clock);
  const name = `diary_t_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  await admin(url, async (db) => {
    // Copies of one template are made one at a time: PostgreSQL refuses a copy while another
    // session (here: another copy in progress) is using the template.
    await sql`select pg_advisory_lock(${0x637079})`.execute(db);
    try {
      await sql`create database ${sql.id(name)} template ${sql.id(source)} strategy file_copy`.execute(
        db,
      );
    } finally {
      await sql`select pg_advisory_unlock(${0x637079})`.execute(db);
    }
  });
  const copyUrl = withDatabase(url, name);
  const database = await openPostgres(copyUrl, { poolSize: 5 });
  return {
    database,
    seeded: options.seed,
    url: copyUrl,
    async drop() {
      await admin(url, (db) =>
        sql`drop database if exists ${sql.id(name)} with (force)`.execute(db),
      );
    },
  };
}
