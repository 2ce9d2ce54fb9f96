import { after, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snilsControlNumber } from '@school-diary/core';
import SQLite from 'better-sqlite3';
import { ETAG_PREFIX_SETTING } from './read-cache/etag-prefix';
import { runCli, startCliServer, type CliServer } from './testing/cli-process';

/** The `n`-th test parent: a distinct valid phone and SNILS. */
function parent(n: number) {
  const body = `200${String(n).padStart(6, '0')}`;
  return {
    phone: `+7999123${String(n).padStart(4, '0')}`,
    password: 'tikhiy-vecher-u-reki',
    lastName: 'Тестова',
    firstName: 'Анна',
    snils: `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6)} ${snilsControlNumber(body)}`,
    passport: '4512 345678',
  };
}

/** A burst of registrations under way. */
interface Burst {
  /** Phones whose registration was answered 201, in the order the answers arrived. */
  readonly acked: string[];
  /** Requests that got no answer (the server was gone). */
  readonly lost: () => number;
  readonly done: Promise<void>;
}

/**
 * Registers parents 0..count-1, `concurrency` at a time; `onAck` runs after each 201, and no
 * new request is sent once `stop()` says so.
 */
function burst(
  url: string,
  options: { count: number; concurrency: number; onAck?: () => void; stop?: () => boolean },
): Burst {
  const acked: string[] = [];
  let lost = 0;
  let next = 0;
  const worker = async () => {
    while (next < options.count && !options.stop?.()) {
      const body = parent(next++);
      let status: number;
      try {
        const res = await fetch(`${url}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        lost += 1;
        continue;
      }
      assert.equal(status, 201, `register ${body.phone}`);
      acked.push(body.phone);
      options.onAck?.();
    }
  };
  const done = Promise.all(Array.from({ length: options.concurrency }, worker)).then(() => {});
  return { acked, lost: () => lost, done };
}

/** The test parents' phones in a database file, read directly. */
function phonesIn(file: string): Set<string> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT phone FROM users WHERE phone LIKE '+7999123%'").pluck().all();
    return new Set(rows.map(String));
  } finally {
    db.close();
  }
}

/** The ETag prefix kept in a database file (see app.ts), if any. */
function etagPrefixIn(file: string): unknown {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ETAG_PREFIX_SETTING);
  } finally {
    db.close();
  }
}

function integrity(file: string): unknown {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

const missing = (acked: readonly string[], present: Set<string>) =>
  acked.filter((phone) => !present.has(phone));

describe('durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diary-durability-'));
  const servers: CliServer[] = [];
  const start = async (db: string, durability = 'normal') => {
    const server = await startCliServer([
      ...['--port', '0', '--db', db, '--durability', durability],
      ...['--auth-rate-limit', '100000'],
    ]);
    servers.push(server);
    return server;
  };
  after(() => {
    for (const server of servers) server.process.crash();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const durability of ['normal', 'full']) {
    it(`keeps every acknowledged registration when the server is SIGKILLed mid-burst (--durability ${durability})`, async (t: TestContext) => {
      const db = join(dir, `crash-${durability}.sqlite`);
      const server = await start(db, durability);
      let killed = false;
      const writes = burst(server.url, {
        count: 200,
        concurrency: 16,
        stop: () => killed,
        onAck: () => {
          if (killed || writes.acked.length < 100) return;
          killed = true;
          server.process.crash();
        },
      });
      await writes.done;
      assert.ok(killed, `the burst ended before 100 acknowledgements (${writes.acked.length})`);
      assert.equal((await server.process.exited).signal, 'SIGKILL');

      const restarted = await start(db);
      assert.equal((await fetch(`${restarted.url}/healthz`)).status, 200);
      assert.equal((await restarted.stop()).code, 0);

      const present = phonesIn(db);
      assert.deepEqual(missing(writes.acked, present), []);
      assert.equal(integrity(db), 'ok');
      t.diagnostic(
        `acknowledged before the kill: ${writes.acked.length}; unanswered: ${writes.lost()}; ` +
          `test rows after restart: ${present.size}`,
      );
    });
  }

  it('backs up while writes go on; the restored copy holds every write acknowledged before', async (t: TestContext) => {
    const live = join(dir, 'live.sqlite');
    const backup = join(dir, 'backup.sqlite');
    const restored = join(dir, 'restored.sqlite');
    const server = await start(live);
    let stopWrites = false;
    let warmedUp = (): void => undefined;
    const warm = new Promise<void>((resolve) => (warmedUp = resolve));
    const writes = burst(server.url, {
      count: 9999,
      concurrency: 8,
      stop: () => stopWrites,
      onAck: () => (writes.acked.length >= 30 ? warmedUp() : undefined),
    });
    await warm;

    const before = [...writes.acked];
    const made = await runCli(['backup', '--db', live, '--to', backup]);
    const during = writes.acked.length - before.length;
    assert.equal(made.code, 0, made.stderr);
    const refused = await runCli(['restore', '--from', backup, '--db', live]);
    stopWrites = true;
    await writes.done;

    assert.equal(refused.code, 1);
    assert.match(
      refused.stderr,
      /live\.sqlite is in use by another process \(is the server running\?\)/,
    );
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.ok(during > 0, 'writes went on while the backup ran');

    const restore = await runCli(['restore', '--from', backup, '--db', restored]);
    assert.equal(restore.code, 0, restore.stderr);
    assert.equal(integrity(restored), 'ok');
    const present = phonesIn(restored);
    assert.deepEqual(missing(before, present), []);
    // Versions start again from the backup's numbers: the restored copy makes a new ETag prefix.
    assert.equal(etagPrefixIn(restored), undefined);
    assert.equal((await server.stop()).code, 0);
    assert.equal(typeof etagPrefixIn(live), 'string', 'the serving database kept its prefix');
    assert.equal(phonesIn(live).size, writes.acked.length);

    const replace = await runCli(['restore', '--from', backup, '--db', live]);
    assert.equal(replace.code, 0, replace.stderr);
    assert.match(replace.stdout, /the previous database was replaced/);
    assert.equal(existsSync(`${live}-wal`), false, 'no WAL of the old file is left to replay');
    assert.deepEqual(phonesIn(live), present);
    t.diagnostic(made.stdout.trim());
    t.diagnostic(
      `acknowledged before the backup: ${before.length}; during it: ${during}; in the backup: ` +
        `${present.size}; in total: ${writes.acked.length}`,
    );
    t.diagnostic(restore.stdout.trim().replace(/\n/g, ' '));
  });
});
