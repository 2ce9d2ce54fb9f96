import { after, describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snilsControlNumber } from '@school-diary/core';
import SQLite from 'better-sqlite3';
import { runCli, startCliServer, type CliServer } from './testing/cli-process';

/** The `n`-th test parent: a distinct valid phone and SNILS. */
function parent(n: number) {
  const body = `200${String(n).padStart(6, '0')}`;
  return {
    phone: `+7999123${String(n).padStart(4, '0')}`,
    password: 'parol-2026',
    lastName: 'Тестова',
    firstName: 'Анна',
    snils: `${body.slice(0, 3)}-${body.slice(3, 6)}-${body.slice(6)} ${snilsControlNumber(body)}`,
    passport: '4512 345678',
  };
}

interface Burst {
  /** Phones whose registration was answered 201, in the order the answers arrived. */
  readonly acked: string[];
  /** Requests that got no answer (the server was gone). */
  readonly lost: number;
}

/**
 * Registers parents 0..count-1, `concurrency` at a time; `onAck` runs after each 201 and a
 * request not yet sent is skipped once `stop()` says so.
 */
async function burst(
  url: string,
  options: { count: number; concurrency: number; onAck?: () => void; stop?: () => boolean },
): Promise<Burst> {
  const result = { acked: [] as string[], lost: 0 };
  let next = 0;
  const worker = async () => {
    while (next < options.count && !options.stop?.()) {
      const body = parent(next++);
      try {
        const res = await fetch(`${url}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await res.arrayBuffer();
        assert.equal(res.status, 201, `register ${body.phone}`);
        result.acked.push(body.phone);
        options.onAck?.();
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        result.lost += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
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
  const start = async (db: string) => {
    const server = await startCliServer(['--port', '0', '--db', db, '--auth-rate-limit', '100000']);
    servers.push(server);
    return server;
  };
  after(() => {
    for (const server of servers) server.process.crash();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged registration when the server is SIGKILLed mid-burst', async (t: TestContext) => {
    const db = join(dir, 'crash.sqlite');
    const server = await start(db);
    let killed = false;
    const result = await burst(server.url, {
      count: 200,
      concurrency: 16,
      stop: () => killed,
      onAck: () => {
        if (killed || result.acked.length < 100) return;
        killed = true;
        server.process.crash();
      },
    });
    assert.ok(killed, `the burst ended before 100 acknowledgements (${result.acked.length})`);
    const exit = await server.process.exited;
    assert.equal(exit.signal, 'SIGKILL');

    const restarted = await start(db);
    assert.equal((await fetch(`${restarted.url}/healthz`)).status, 200);
    assert.equal((await restarted.stop()).code, 0);

    const present = phonesIn(db);
    assert.deepEqual(missing(result.acked, present), []);
    assert.equal(integrity(db), 'ok');
    t.diagnostic(
      `acknowledged before the kill: ${result.acked.length}; in flight and lost: ${result.lost}; ` +
        `rows after restart: ${present.size}`,
    );
  });

  it('backs up while writes go on, and the restored copy holds every write acknowledged before', async (t: TestContext) => {
    const live = join(dir, 'live.sqlite');
    const backup = join(dir, 'backup.sqlite');
    const restored = join(dir, 'restored.sqlite');
    const server = await start(live);
    let stopWrites = false;
    let warmedUp: () => void = () => undefined;
    const warm = new Promise<void>((resolve) => (warmedUp = resolve));
    const writes = burst(server.url, {
      count: 5000,
      concurrency: 8,
      stop: () => stopWrites,
      onAck: () => (writes_acked() >= 30 ? warmedUp() : undefined),
    });
    let ackedSoFar: () => string[] = () => [];
    const writes_acked = () => ackedSoFar().length;
    void writes;
    await warm;
  });
});
