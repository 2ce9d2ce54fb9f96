import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { newClientId } from './client-id';
import { createDiaryClient, type DiaryClient } from './create-diary-client';
import { DiaryApiError } from './errors';
import { parseCsv, workKindName } from '@school-diary/core';
import { downloadPdf } from './pdf';
import { saveFile } from './save-file';

let server: DiaryServer;
const clients: DiaryClient[] = [];

async function as(phone: string): Promise<DiaryClient> {
  const diary = createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    storage: false,
    syncTabs: false,
  });
  clients.push(diary);
  await signIn(diary, server.url, phone);
  return diary;
}

let parent: DiaryClient;
let teacher: DiaryClient;
let stranger: DiaryClient;
before(async () => {
  server = await startDiaryServer();
  parent = await as(DEMO.parent);
  teacher = await as(DEMO.mathTeacher);
  stranger = await as(DEMO.otherParent);
});
after(async () => {
  for (const diary of clients) diary.close();
  await server.stop();
});

/** Uploads bytes as the parent and sends them in Мария's maths thread. */
async function sentAttachment(bytes: Uint8Array, name: string) {
  const attachment = await parent.attachments.upload({
    file: new Blob([bytes], { type: 'application/pdf' }),
    fileName: name,
  });
  await parent.threads.send({
    threadId: DEMO.mariaMathThread,
    id: newClientId(),
    text: 'Справка во вложении',
    attachmentIds: [attachment.id],
  });
  return attachment;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the call did not fail');
}

describe('attachments.download through the SDK', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n% справка\n\u0000\u00ff end');

  it('gives the thread members the exact bytes as a Blob', async () => {
    const attachment = await sentAttachment(pdf, 'справка.pdf');
    for (const member of [parent, teacher]) {
      const blob = await member.attachments.download({ attachmentId: attachment.id });
      assert.ok(blob instanceof Blob);
      assert.equal(blob.type, 'application/pdf');
      assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), pdf);
    }
  });

  it('refuses a parent of another family with a 404 DiaryApiError, not the file', async () => {
    const attachment = await sentAttachment(pdf, 'чужая-справка.pdf');
    const error = await rejection(stranger.attachments.download({ attachmentId: attachment.id }));
    assert.ok(error instanceof DiaryApiError, String(error));
    assert.equal(error.status, 404);
    assert.equal(error.code, 'not_found');
  });

  it('answers an attachment that does not exist with a 404 DiaryApiError', async () => {
    const error = await rejection(parent.attachments.download({ attachmentId: 'att_missing0000' }));
    assert.ok(error instanceof DiaryApiError, String(error));
    assert.equal(error.status, 404);
  });

  it('refuses a signed-out client with a 401 DiaryApiError', async () => {
    const attachment = await sentAttachment(pdf, 'ещё-справка.pdf');
    const anonymous = createDiaryClient({
      validateResponses: true,
      baseUrl: server.url,
      storage: false,
      syncTabs: false,
    });
    clients.push(anonymous);
    const error = await rejection(anonymous.attachments.download({ attachmentId: attachment.id }));
    assert.ok(error instanceof DiaryApiError, String(error));
    assert.equal(error.status, 401);
  });
});

describe('grades.csv through the SDK', () => {
  const range = {
    childId: DEMO.maria,
    from: '2026-09-01',
    to: '2026-12-31',
    delimiter: ';',
  } as const;
  const kinds = (text: string) =>
    parseCsv(text, { delimiter: ';' })
      .slice(1)
      .map((row) => row[4]);

  it('passes the kind of work: the file holds only those marks', async () => {
    const all = kinds(await parent.grades.csv(range));
    const tests = kinds(await parent.grades.csv({ ...range, kind: 'test' }));
    assert.ok(tests.length > 0 && tests.length < all.length);
    assert.ok(tests.every((kind) => kind === workKindName('ru', 'test')));
    const listed = await parent.grades.list({
      childId: DEMO.maria,
      from: range.from,
      to: range.to,
      kind: 'test',
    });
    assert.equal(tests.length, listed.items.length);
  });

  it('answers a kind the contract does not know with a 400 DiaryApiError on the field', async () => {
    const error = await rejection(
      parent.grades.csv({ ...range, kind: 'poem' as unknown as 'test' }),
    );
    assert.ok(error instanceof DiaryApiError, String(error));
    assert.equal(error.status, 400);
    assert.deepEqual(
      error.fields.map((f) => [f.path, f.code]),
      [['kind', 'invalid_option']],
    );
    assert.match(error.field('kind')?.message ?? '', /\S/);
  });
});

describe('grades.reportCard and downloadPdf', () => {
  it('fetches the period’s report card as a PDF Blob; downloadPdf hands it back in Node', async () => {
    const year = await parent.children.periods({ childId: DEMO.maria });
    const periodId = year.periods[0]?.id ?? '';
    const pdf = await parent.grades.reportCard({ childId: DEMO.maria, periodId, lang: 'en' });
    assert.equal(pdf.type, 'application/pdf');
    assert.equal(Buffer.from(await pdf.slice(0, 5).arrayBuffer()).toString('latin1'), '%PDF-');
    assert.equal(downloadPdf(pdf, 'report.pdf'), pdf);
    const error = await rejection(stranger.grades.reportCard({ childId: DEMO.maria, periodId }));
    assert.ok(error instanceof DiaryApiError && error.status === 404, String(error));
  });
});

describe('saveFile', () => {
  it('returns false where there is no document to download to (Node)', () => {
    assert.equal(saveFile(new Blob(['x']), 'x.txt'), false);
  });
});
