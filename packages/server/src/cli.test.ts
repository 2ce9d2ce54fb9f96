import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRuPhone } from '@school-diary/core';
import { main } from './cli';
import { DEMO, DEMO_PASSWORD } from './seed/demo';
import { runCli, startCliServer, type CliServer } from './testing/cli-process';

describe('school-diary-server CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diary-cli-'));
  const devDb = join(dir, 'dev.sqlite');
  let dev: CliServer | undefined;
  let prod: CliServer | undefined;

  before(async () => {
    [dev, prod] = await Promise.all([
      startCliServer(['--port', '0', '--seed', 'demo', '--dev', '--db', devDb], { cwd: dir }),
      startCliServer(['--port', '0', '--db', join(dir, 'prod.sqlite'), '--backup-every', '6h'], {
        cwd: dir,
        env: { DIARY_BACKUP_DIR: join(dir, 'backups') },
      }),
    ]);
  });
  after(() => {
    dev?.process.crash();
    prod?.process.crash();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints where it listens (the real port for --port 0), the database and dev mode', () => {
    assert.ok(dev);
    assert.match(dev.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(new URL(dev.url).port, '0');
    const out = dev.process.stdout();
    assert.match(out, /^School Diary server listening on http:\/\/127\.0\.0\.1:\d+$/m);
    assert.ok(out.includes(`Database:   ${devDb}`), out);
    assert.match(out, /Dev mode: {3}on: GET \/api\/v1\/dev\/outbox shows the SMS codes/);
    assert.match(prod?.process.stdout() ?? '', /Dev mode: {3}off/);
    assert.ok(
      prod?.process
        .stdout()
        .includes(`Backups:    every 6 h to ${join(dir, 'backups')}, the newest 7 kept`),
      prod?.process.stdout(),
    );
  });

  it('lists every demo account with its formatted phone and the demo password', () => {
    const out = dev?.process.stdout() ?? '';
    for (const user of Object.values(DEMO.users)) {
      const row = out.split('\n').find((line) => line.includes(formatRuPhone(user.phone) ?? '-'));
      assert.ok(row, `no row for ${user.phone}:\n${out}`);
      assert.match(row, new RegExp(`^\\s+${user.role}\\s.*\\s${DEMO_PASSWORD}\\b`));
    }
    assert.match(
      out,
      /parent\s+Иванова Елена\s+\+7 999 000-00-01\s+school-diary-demo\s+2 children/,
    );
    assert.doesNotMatch(prod?.process.stdout() ?? '', /school-diary-demo/);
  });

  it('answers /healthz', async () => {
    const res = await fetch(`${dev?.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true });
  });

  it('serves the SMS outbox with --dev only', async () => {
    const withDev = await fetch(`${dev?.url}/api/v1/dev/outbox`);
    assert.equal(withDev.status, 200);
    assert.ok(Array.isArray(((await withDev.json()) as { items: unknown }).items));
    const withoutDev = await fetch(`${prod?.url}/api/v1/dev/outbox`);
    assert.equal(withoutDev.status, 404);
  });

  it('shuts down on SIGTERM: exits 0 and closes the database (its WAL is folded back)', async () => {
    assert.ok(dev);
    const exit = await dev.stop();
    assert.equal(exit.code, 0, exit.stderr);
    assert.match(exit.stdout, /SIGTERM received: shutting down\.\nStopped\.\n$/);
    assert.equal(existsSync(`${devDb}-wal`), false);
  });

  it('exits 2 with a one-line error, not a stack trace, for a bad flag', async () => {
    const exit = await runCli(['--port', '99999'], { cwd: dir });
    assert.equal(exit.code, 2);
    assert.equal(
      exit.stderr,
      "school-diary-server: --port must be a whole number from 0 to 65535 (0 picks a free port), got '99999'\n",
    );
  });

  it('exits 1 with a hint when the port is taken', async () => {
    const port = new URL(prod?.url ?? '').port;
    const exit = await runCli(['--port', port, '--db', join(dir, 'other.sqlite')], { cwd: dir });
    assert.equal(exit.code, 1);
    assert.match(
      exit.stderr,
      new RegExp(`^school-diary-server: port ${port} on 127.0.0.1 is in use`),
    );
  });

  it('refuses to overwrite a backup without --force, and restores only diary databases', async () => {
    const taken = join(dir, 'taken.sqlite');
    writeFileSync(taken, 'keep me');
    const backup = await runCli(['backup', '--db', devDb, '--to', taken], { cwd: dir });
    assert.equal(backup.code, 1);
    assert.match(backup.stderr, /taken\.sqlite already exists: choose another --to or add --force/);
    const restore = await runCli(['restore', '--from', taken, '--db', join(dir, 'r.sqlite')]);
    assert.equal(restore.code, 1);
    assert.match(restore.stderr, /taken\.sqlite is not a SQLite database/);
    assert.equal(existsSync(join(dir, 'r.sqlite')), false);
  });

  it('runs in-process through main() for --version and --help', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(`ERR ${t}`) };
    assert.equal(await main(['--version'], io), 0);
    assert.match(out[0] ?? '', /^\d+\.\d+\.\d+/);
    assert.equal(await main(['--help'], io), 0);
    assert.match(out[1] ?? '', /--cors-origin ORIGIN/);
    assert.equal(await main(['--durability', 'maybe'], io), 2);
    assert.match(out[2] ?? '', /^ERR school-diary-server: --durability must be/);
  });
});
