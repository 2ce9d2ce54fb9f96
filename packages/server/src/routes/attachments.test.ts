import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_ATTACHMENT_BYTES, type ErrorResponse } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { cleanupUnattached } from '../services/attachments';
import { sanitizeFileName } from '../services/file-name';
import { startTestServer, type TestServer } from '../testing/harness';
import { uploadFile } from '../testing/upload';

const U = DEMO.users;

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

const SAMPLES = {
  'application/pdf': bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
  'image/png': bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR'),
  'image/jpeg': bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0'),
  'image/webp': bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 '),
  'text/plain': Buffer.from('Сочинение «Моя семья»\nЧерновик.\n', 'utf8'),
  'application/msword': bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0, 0, 0]),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': bytes(
    'PK\x03\x04\x14\x00\x00\x00\x08\x00',
    '[Content_Types].xml',
    '....word/document.xml',
  ),
  'application/vnd.oasis.opendocument.text': bytes(
    'PK\x03\x04',
    [0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0],
    'mimetypeapplication/vnd.oasis.opendocument.text',
  ),
} as const;

describe('attachments', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let threadId = '';

  before(async () => {
    server = await startTestServer();
    const who = [
      'parentIvanova',
      'parentPetrov',
      'teacherMath',
      'teacherLyceum',
      'admin42',
    ] as const;
    for (const key of who) tokens[key] = (await server.login(U[key].phone)).accessToken;
    const thread = await server.call<{ id: string }>('POST', '/api/v1/threads', {
      token: tokens.parentIvanova,
      body: { childId: DEMO.children.petr.id, teacherId: U.teacherMath.id },
    });
    threadId = thread.body.id;
  });
  after(() => server.close());

  const upload = (who: string, data: Uint8Array, type: string, name: string) =>
    uploadFile(server, tokens[who], { data, type, name });
  const download = (who: string, id: string) =>
    fetch(`${server.url}/api/v1/attachments/${id}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
  const attach = (who: string, ids: string[], id = `m_${Math.random().toString(36).slice(2)}`) =>
    server.call<ErrorResponse>('POST', `/api/v1/threads/${threadId}/messages`, {
      token: tokens[who],
      body: { id, text: 'Файл во вложении', attachmentIds: ids },
    });

  it('accepts every allowed type whose content matches', async () => {
    for (const [type, data] of Object.entries(SAMPLES)) {
      const res = await upload('parentIvanova', data, type, 'файл');
      assert.equal(res.status, 201, `${type}: ${res.text}`);
      assert.equal(res.body.contentType, type);
      assert.equal(res.body.size, data.length);
    }
  });

  it('rejects a renamed program declared as a PDF by its content', async () => {
    const exe = bytes(
      'MZ\x90\x00\x03\x00\x00\x00',
      [0, 0, 0, 0],
      'This program cannot be run in DOS mode',
    );
    const res = await upload('parentIvanova', exe, 'application/pdf', 'Дневник.pdf');
    assert.equal(res.status, 415, res.text);
    assert.equal(res.body.error.code, 'unsupported_media_type');
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['file', 'file_type']],
    );
    const binaryText = await upload('parentIvanova', bytes('abc\0def'), 'text/plain', 'a.txt');
    assert.equal(binaryText.status, 415);
    const zipAsDocx = await upload(
      'parentIvanova',
      bytes('PK\x03\x04', 'classes.dex'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'a.docx',
    );
    assert.equal(zipAsDocx.status, 415, 'a ZIP that is no Word document');
  });

  it('rejects types outside the allow-list whatever their content', async () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/x-msdownload']) {
      const res = await upload('parentIvanova', bytes('<svg onload=alert(1)>'), type, 'x');
      assert.equal(res.status, 415, type);
      assert.equal(res.body.error.fields[0]?.code, 'file_type');
    }
  });

  it('rejects a file over the size limit', async () => {
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x41);
    const res = await upload('parentIvanova', big, 'text/plain', 'big.txt');
    assert.equal(res.status, 413, res.text);
    assert.equal(res.body.error.code, 'payload_too_large');
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['file', 'file_too_large']],
    );
  });

  it('asks for a file when the request has none', async () => {
    const form = new FormData();
    form.append('note', 'no file');
    const res = await fetch(`${server.url}/api/v1/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.parentIvanova}` },
      body: form,
    });
    assert.equal(res.status, 400);
    const json = await server.call<ErrorResponse>('POST', '/api/v1/attachments', {
      token: tokens.parentIvanova,
      body: {},
    });
    assert.equal(json.status, 415);
  });

  it('stores the bytes under a random name and keeps a clean display name', async () => {
    const res = await upload(
      'parentIvanova',
      SAMPLES['text/plain'],
      'text/plain',
      'Сочинение\u202e.txt',
    );
    assert.equal(res.status, 201);
    assert.equal(res.body.name, 'Сочинение.txt');
    const row = await server.database.db
      .selectFrom('attachments')
      .selectAll()
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    assert.match(row.storage_path, /^[0-9a-f]{32}$/);
    const dir = join(server.dir, 'files');
    assert.ok(existsSync(join(dir, row.storage_path)));
    assert.ok(readdirSync(dir).every((f) => /^[0-9a-f]{32}$/.test(f)));
    assert.equal(row.sha256.length, 64);
  });

  it('serves a file to its uploader and the thread it is sent in, and to nobody else', async () => {
    const pdf = SAMPLES['application/pdf'];
    const up = await upload('parentIvanova', pdf, 'application/pdf', 'Справка о болезни.pdf');
    const id = up.body.id;
    assert.equal((await download('teacherMath', id)).status, 404, 'not yet sent anywhere');
    const own = await download('parentIvanova', id);
    assert.equal(own.status, 200);
    assert.equal(Buffer.compare(Buffer.from(await own.arrayBuffer()), pdf), 0);

    assert.equal((await attach('parentIvanova', [id])).status, 201);
    const res = await download('teacherMath', id);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('cache-control'), 'private');
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /^attachment; .*filename\*=UTF-8''%D0%A1%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0%20/,
    );
    assert.equal(Buffer.compare(Buffer.from(await res.arrayBuffer()), pdf), 0);
    for (const who of ['parentPetrov', 'teacherLyceum', 'admin42']) {
      const denied = await download(who, id);
      assert.equal(denied.status, 404, who);
    }
  });

  it("serves homework files to the class's families and teachers only", async () => {
    const up = await upload(
      'teacherMath',
      SAMPLES['application/pdf'],
      'application/pdf',
      'Задачи.pdf',
    );
    const homework = await server.call<ErrorResponse>('POST', '/api/v1/homework', {
      token: tokens.teacherMath,
      body: {
        classId: DEMO.classes.c8b.id,
        subjectId: 'sub_42_algebra',
        text: 'Решить задачи из файла',
        assignedDate: '2026-11-24',
        dueDate: '2026-11-26',
        attachmentIds: [up.body.id],
      },
    });
    assert.equal(homework.status, 201, homework.text);
    assert.equal((await download('parentIvanova', up.body.id)).status, 200, 'Пётр is in 8Б');
    assert.equal((await download('admin42', up.body.id)).status, 200);
    assert.equal((await download('parentPetrov', up.body.id)).status, 404);
    assert.equal((await download('teacherLyceum', up.body.id)).status, 404);
  });

  it('attaches only the sender’s own unattached uploads', async () => {
    const up = await upload('parentIvanova', SAMPLES['image/png'], 'image/png', 'photo.png');
    const foreign = await attach('teacherMath', [up.body.id]);
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error.fields[0]?.path, 'attachmentIds');
    assert.equal((await attach('parentIvanova', [up.body.id])).status, 201);
    const twice = await attach('parentIvanova', [up.body.id]);
    assert.equal(twice.status, 400, 'already attached to a message');
  });

  it('removes uploads left unattached for a day, keeping attached ones', async () => {
    const loose = await upload('parentIvanova', SAMPLES['image/jpeg'], 'image/jpeg', 'a.jpg');
    const kept = await upload('parentIvanova', SAMPLES['image/webp'], 'image/webp', 'b.webp');
    await attach('parentIvanova', [kept.body.id]);
    const path = async (id: string) =>
      (
        await server.database.db
          .selectFrom('attachments')
          .select('storage_path')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.storage_path;
    const loosePath = await path(loose.body.id);
    server.clock.advance(25 * 3600 * 1000);
    assert.ok((await cleanupUnattached(server.diary.services)) >= 1);
    assert.equal(await path(loose.body.id), undefined);
    assert.ok(loosePath && !existsSync(join(server.dir, 'files', loosePath)));
    assert.ok(await path(kept.body.id));
    tokens.parentIvanova = (await server.login(U.parentIvanova.phone)).accessToken;
    assert.equal((await download('parentIvanova', kept.body.id)).status, 200);
  });

  it('sanitises file names: no paths, no control characters, Cyrillic kept, 200 at most', () => {
    assert.equal(sanitizeFileName('C:\\Users\\Мария\\Сочинение.docx'), 'Сочинение.docx');
    assert.equal(sanitizeFileName('../../etc/passwd'), 'passwd');
    assert.equal(sanitizeFileName('a\u0000b\u0007c\n.txt'), 'abc.txt');
    assert.equal(sanitizeFileName('   '), 'file');
    const long = sanitizeFileName(`${'я'.repeat(300)}.pdf`);
    assert.equal([...long].length, 200);
    assert.ok(long.endsWith('.pdf'));
  });
});
