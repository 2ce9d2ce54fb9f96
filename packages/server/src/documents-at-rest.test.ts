// Document numbers encrypted at rest (issue 16 item 4): the database holds no SNILS, passport,
// INN or birth-certificate number in plain text, look-ups by SNILS still work, `rotate-key`
// re-encrypts everything under a new key while a server keeps reading, and a wrong key fails
// clearly. On SQLite, and on PostgreSQL when the suite runs there.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Child, User } from '@school-diary/core';
import { createApp } from './app';
import { main } from './cli';
import { DEMO } from './seed/demo';
import { DataKeyring, SEALED_PREFIX } from './services/data-keys';
import { TEST_DATA_KEY, testDataKeys } from './testing/data-key';
import { startTestServer, type TestServer } from './testing/harness';

const U = DEMO.users;
const PARENT = {
  phone: '+79990007777',
  password: 'тихий вечер у реки',
  lastName: 'Смирнова',
  firstName: 'Ольга',
  snils: '112-233-445 95',
  passport: '45 12 345678',
};
const CHILD = {
  lastName: 'Смирнов',
  firstName: 'Илья',
  birthDate: '2016-03-02',
  sex: 'male',
  snils: '456-789-123 44',
  inn: '500100732259',
  birthCertificate: 'IV-МЮ 123456',
};
/** Every document number in the test, as typed and as digits only. */
const PLAINTEXTS = [
  PARENT.snils,
  PARENT.passport,
  CHILD.snils,
  CHILD.inn,
  CHILD.birthCertificate,
  U.parentIvanova.snils,
  U.parentPetrov.snils,
].flatMap((v) => [v, v.replace(/\D/g, '')]);

async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('document numbers at rest', () => {
  let server: TestServer;
  let admin: string;
  let parent: string;
  let childId: string;

  /** The users and children tables as stored: every column of every row. */
  const rawDocuments = async () => {
    const db = server.database.db;
    const users = await db.selectFrom('users').selectAll().execute();
    const children = await db.selectFrom('children').selectAll().execute();
    return { users, children, text: JSON.stringify([users, children]) };
  };
  const findByPhoneAndSnils = (phone: string, snils: string) =>
    server.call<{ items: User[] }>('GET', '/api/v1/admin/users', {
      token: admin,
      query: { phone, snils },
    });
  const dbLocation = () =>
    server.databaseUrl ?? (server.database.engine === 'sqlite' ? server.database.sqlite.name : '');

  before(async () => {
    server = await startTestServer();
    admin = (await server.login(U.admin42.phone)).accessToken;
    const registered = await server.call('POST', '/api/v1/auth/register', { body: PARENT });
    assert.equal(registered.status, 201, registered.text);
    parent = (await server.login(U.parentIvanova.phone)).accessToken;
    const created = await server.call<{ child: Child }>('POST', '/api/v1/children', {
      token: parent,
      body: CHILD,
    });
    assert.equal(created.status, 201, created.text);
    childId = created.body.child.id;
  });
  after(() => server.close());

  it('stores no document number in plain text, the seeded ones included', async () => {
    const { users, children, text } = await rawDocuments();
    for (const plain of PLAINTEXTS) assert.ok(!text.includes(plain), `${plain} is stored`);
    const sealed = [
      ...users.flatMap((u) => [u.snils, u.passport]),
      ...children.flatMap((c) => [c.snils, c.inn, c.birth_certificate]),
    ].filter((v) => v !== null);
    assert.ok(sealed.length >= 6);
    for (const value of sealed) assert.ok(value.startsWith(SEALED_PREFIX), value);
  });

  it('still finds people by SNILS and shows the family its child card', async () => {
    const found = await findByPhoneAndSnils(PARENT.phone, PARENT.snils);
    assert.equal(found.status, 200, found.text);
    assert.equal(found.body.items.length, 1);
    // A seeded parent, encrypted when the server started.
    const seeded = await findByPhoneAndSnils(U.parentIvanova.phone, U.parentIvanova.snils);
    assert.deepEqual(
      seeded.body.items.map((u) => u.id),
      [U.parentIvanova.id],
    );
    const card = await server.call<Child>('GET', `/api/v1/children/${childId}`, { token: parent });
    assert.equal(card.body.snils, CHILD.snils);
    assert.equal(card.body.inn, CHILD.inn);
    assert.equal(card.body.birthCertificate, CHILD.birthCertificate);
  });

  it('rotates every document to a new key while a server holding both keeps reading', async () => {
    const next = DataKeyring.generate();
    const both = DataKeyring.parse(`${next}\n${TEST_DATA_KEY}`, 'test');
    // The servers are restarted with the new key first and the old one after it …
    const reader = await createApp({
      database: server.database,
      dataKeys: both,
      clock: server.clock,
    });
    try {
      const read = async () => {
        const res = await reader.app.inject({
          method: 'GET',
          url: `/api/v1/children/${childId}`,
          headers: { authorization: `Bearer ${parent}` },
        });
        return (JSON.parse(res.body) as Child).snils;
      };
      assert.equal(await read(), CHILD.snils);
      // … then rotate-key re-encrypts under the new one.
      const keyFile = join(server.dir, 'data-keys');
      writeFileSync(keyFile, `# new key first\n${next}\n${TEST_DATA_KEY}\n`, { mode: 0o600 });
      const rotated = await runCli([
        'rotate-key',
        '--db',
        dbLocation(),
        '--data-key-file',
        keyFile,
      ]);
      assert.equal(rotated.code, 0, rotated.err);
      assert.match(rotated.out, new RegExp(`Rotated to data key ${both.currentId}`));
      assert.match(rotated.out, new RegExp(`remove it .*`));
      assert.equal(await read(), CHILD.snils);

      const { users, children } = await rawDocuments();
      const prefix = `${SEALED_PREFIX}${both.currentId}.`;
      for (const value of [...users.map((u) => u.snils), ...children.map((c) => c.inn)])
        if (value !== null) assert.ok(value.startsWith(prefix), value);
      // Look-ups use the hashes under the new key.
      const found = await reader.app.inject({
        method: 'GET',
        url: '/api/v1/admin/users',
        query: { phone: PARENT.phone, snils: PARENT.snils },
        headers: { authorization: `Bearer ${admin}` },
      });
      assert.equal((JSON.parse(found.body) as { items: User[] }).items.length, 1);

      // The old key alone no longer opens the data: refused clearly, before serving anyone.
      await assert.rejects(
        createApp({ database: server.database, dataKeys: testDataKeys(), clock: server.clock }),
        new RegExp(`encrypted under data key ${both.currentId}, which is not among the keys given`),
      );
    } finally {
      await reader.app.close();
    }
  });

  it('refuses to serve without a data key outside dev mode, and a malformed one', async () => {
    const missing = await runCli(['--db', join(server.dir, 'other.sqlite'), '--port', '0']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no data key: .*DIARY_DATA_KEY or --data-key-file/);
    const file = join(server.dir, 'short-key');
    writeFileSync(file, 'c2hvcnQ=\n');
    const short = await runCli(['--db', join(server.dir, 'other.sqlite'), '--data-key-file', file]);
    assert.equal(short.code, 1);
    assert.match(short.err, /a data key is 32 random bytes in base64 or hex/);
  });
});
