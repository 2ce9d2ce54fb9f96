import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { main } from './cli';
import { DEMO } from './seed/demo';
import { startTestServer, type TestServer } from './testing/harness';

describe('school-diary-server audit: the security log for the operator', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const db =
      server.databaseUrl ??
      (server.database.engine === 'sqlite' ? server.database.sqlite.name : '');
    const code = await main(['audit', '--db', db, ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out, err };
  };

  it('lists every authentication event since a date: failed sign-ins with the account, wrong codes', async () => {
    const phone = DEMO.users.teacherMath.phone;
    await server.call('POST', '/api/v1/auth/login', { body: { phone, password: 'not-the-one' } });
    await server.call('POST', '/api/v1/auth/login', {
      body: { phone: '+79990009999', password: 'not-the-one' },
    });
    const start = await server.call<{ challengeId: string }>('POST', '/api/v1/auth/login', {
      body: { phone, password: 'school-diary-demo' },
    });
    await server.call('POST', '/api/v1/auth/verify', {
      body: { challengeId: start.body.challengeId, code: '000000' },
    });
    await server.call('POST', '/api/v1/children', {
      token: (await server.login(DEMO.users.parentIvanova.phone)).accessToken,
      body: { lastName: 'Орлова', firstName: 'Ия', birthDate: '2016-01-01', sex: 'female' },
    });

    const res = await run(['--since', '2026-11-24', '--kind', 'auth']);
    assert.equal(res.code, 0, res.err.join('\n'));
    const lines = res.out.map((l) => l.split('\t'));
    const wrongPassword = lines.find((l) => l[2] === 'auth.login' && l[6] === 'wrong password');
    assert.equal(wrongPassword?.[1], 'failure');
    assert.match(wrongPassword?.[3] ?? '', new RegExp(DEMO.users.teacherMath.id));
    assert.ok(lines.some((l) => l[2] === 'auth.login' && l[6] === 'unknown phone'));
    assert.ok(lines.some((l) => l[2] === 'auth.wrong_code' && l[1] === 'failure'));
    assert.ok(
      lines.every((l) => /^(auth|security)\./.test(l[2] ?? '')),
      'only auth events',
    );
    const all = await run(['--since', '2026-11-24']);
    assert.ok(all.out.some((l) => l.includes('children.create')));
    const later = await run(['--since', '2030-01-01', '--kind', 'auth']);
    assert.deepEqual(later.out, []);
  });

  it('refuses a missing or unreadable --since and an unknown --kind', async () => {
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['--since', 'yesterday'])).code, 2);
    assert.equal((await run(['--since', '2026-11-24', '--kind', 'marks'])).code, 2);
  });
});
