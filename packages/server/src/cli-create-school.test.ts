import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './cli';
import { startCliServer } from './testing/cli-process';

describe('school-diary-server create-school', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diary-create-school-'));
  const db = join(dir, 'fresh.sqlite');
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (args: readonly string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['create-school', '--db', db, ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const school = [
    ...['--code', '770 555', '--name', 'Школа № 555', '--region', 'Москва'],
    ...['--admin-phone', '8 999 555-00-01', '--admin-last-name', 'Орлова'],
    ...['--admin-first-name', 'Татьяна', '--admin-middle-name', 'Павловна'],
  ];

  it('makes a school and its first admin on a fresh database, who can then sign in', async () => {
    const made = await run(school);
    assert.equal(made.code, 0, made.err);
    const password = /shown once[^:]*: (\S+)$/m.exec(made.out)?.[1];
    assert.ok(password, made.out);
    const server = await startCliServer(['--port', '0', '--dev', '--db', db], { cwd: dir });
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '+79995550001', password }),
      });
      assert.equal(login.status, 200, await login.text());
      const found = await fetch(`${server.url}/api/v1/schools?q=${encodeURIComponent('№ 555')}`);
      const page = (await found.json()) as { items: { code: string; diaryConnected: boolean }[] };
      assert.deepEqual(
        page.items.map((s) => [s.code, s.diaryConnected]),
        [['770555', false]],
      );
    } finally {
      server.process.crash();
    }
  });

  it('refuses a school code already there, and names a bad flag', async () => {
    const again = await run(school);
    assert.equal(again.code, 1);
    assert.match(again.err, /a school with code 770555 exists/);
    const bad = await run(
      ['--code', '12', '--name', 'X', '--admin-phone', '123'].concat(school.slice(8)),
    );
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--code: /);
  });
});
