import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Message } from '@school-diary/core';
import { DEMO, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import {
  createDiaryClient,
  type DiaryClient,
  type DiaryClientOptions,
} from './create-diary-client';
import { DiaryApiError } from './errors';
import type { OutboxItem } from './outbox';
import type { SessionStorage, StoredSession } from './session-storage';
import { memoryStorage } from './storage';

let server: DiaryServer;
let teacher: DiaryClient;
const clients: DiaryClient[] = [];
before(async () => {
  server = await startDiaryServer();
  teacher = await client();
  await signIn(teacher, server.url, DEMO.mathTeacher);
});
after(async () => {
  for (const diary of clients) diary.close();
  await server.stop();
});

function client(options: Partial<DiaryClientOptions> = {}): DiaryClient {
  const diary = createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    storage: false,
    syncTabs: false,
    ...options,
  });
  clients.push(diary);
  return diary;
}

function keptSession(): SessionStorage & { value?: StoredSession } {
  return {
    load() {
      return this.value;
    },
    save(session) {
      this.value = session;
    },
  };
}

/** Resolves when `check` holds, polling between turns of the event loop. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let turn = 0; !check(); turn += 1) {
    if (turn > 1000) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function threadTexts(): Promise<string[]> {
  const page = await teacher.threads.messages({ threadId: DEMO.mariaMathThread, limit: 100 });
  return page.items.map((m) => m.text);
}

describe('outbox', () => {
  it('keeps messages written offline and sends them in order when the connection returns', async () => {
    const network = controlFetch();
    const parent = client({ fetch: network.fetch, storage: memoryStorage() });
    await signIn(parent, server.url, DEMO.parent);
    const sent: Message[] = [];
    parent.outbox.onSent((message) => sent.push(message));
    network.offline();
    const tag = `offline-${Date.now()}`;
    for (const n of [1, 2, 3])
      await parent.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} ${n}` });
    await parent.outbox.flush();
    assert.deepEqual(
      parent.outbox.items.map((i) => [i.text, i.state]),
      [
        [`${tag} 1`, 'pending'],
        [`${tag} 2`, 'pending'],
        [`${tag} 3`, 'pending'],
      ],
    );
    network.online();
    await parent.outbox.flush();
    assert.deepEqual(parent.outbox.items, []);
    assert.deepEqual(
      sent.map((m) => m.text),
      [`${tag} 1`, `${tag} 2`, `${tag} 3`],
    );
    assert.deepEqual(
      (await threadTexts()).filter((t) => t.startsWith(tag)),
      sent.map((m) => m.text),
    );
  });

  it('loses nothing across a reload: the next start sends what the last one kept, once', async () => {
    const storage = memoryStorage();
    const session = keptSession();
    const network = controlFetch();
    const before = client({ fetch: network.fetch, storage, persistSession: session });
    await signIn(before, server.url, DEMO.parent);
    network.offline();
    const tag = `reload-${Date.now()}`;
    const queued: OutboxItem[] = [];
    for (const n of [1, 2])
      queued.push(
        await before.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} ${n}` }),
      );
    before.close(); // the page goes away with two messages unsent

    const afterReload = client({ storage, persistSession: session });
    const sent: string[] = [];
    afterReload.outbox.onSent((message) => sent.push(message.id));
    await afterReload.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await afterReload.outbox.flush();
    assert.deepEqual(
      sent,
      queued.map((i) => i.id),
      'the same client ids, in order',
    );
    assert.deepEqual(
      (await threadTexts()).filter((t) => t.startsWith(tag)),
      [`${tag} 1`, `${tag} 2`],
    );
  });

  it('sends each message once when two clients share the kept queue, and tells both', async () => {
    const storage = memoryStorage();
    const session = keptSession();
    const network = controlFetch();
    const first = client({ fetch: network.fetch, storage, persistSession: session });
    await signIn(first, server.url, DEMO.parent);
    // A second client of the same user and storage (a page's second provider, another tab).
    const second = client({ fetch: network.fetch, storage, persistSession: session });
    await second.ready;
    const heard = { first: [] as string[], second: [] as string[] };
    first.outbox.onSent((message) => heard.first.push(message.text));
    second.outbox.onSent((message) => heard.second.push(message.text));
    network.offline();
    const tag = `shared-${Date.now()}`;
    for (const n of [1, 2, 3])
      await first.outbox.send({ threadId: DEMO.mariaMathThread, text: `${tag} ${n}` });
    await Promise.all([first.outbox.flush(), second.outbox.flush()]);
    assert.equal(second.outbox.items.length, 3, 'the second client sees the kept queue');

    network.online();
    await Promise.all([first.outbox.flush(), second.outbox.flush()]);
    await Promise.all([first.outbox.flush(), second.outbox.flush()]);
    const texts = [`${tag} 1`, `${tag} 2`, `${tag} 3`];
    const reached = network.seen.filter(
      (r) => r.method === 'POST' && r.url.pathname.endsWith('/messages') && r.status !== undefined,
    );
    assert.equal(reached.length, 3, 'one request per message reached the server');
    // The client that did not send hears of each message from the one that did.
    await until(() => heard.first.length + heard.second.length === 6, 'both clients to hear');
    assert.deepEqual(heard.first, texts);
    assert.deepEqual(heard.second, texts);
    assert.deepEqual([first.outbox.items, second.outbox.items], [[], []]);
    assert.deepEqual(
      (await threadTexts()).filter((t) => t.startsWith(tag)),
      texts,
    );
  });

  it('keeps a journal batch across a reload and writes it once though its answer was lost', async () => {
    const journal = await teacher.journal.get({ classId: DEMO.mariaClass, subjectId: DEMO.math });
    const today = new Date().toISOString().slice(0, 10);
    const lesson = journal.lessons.filter((l) => l.date <= today).at(-1);
    const pupil = journal.students.at(-1);
    assert.ok(lesson && pupil, 'a past lesson and a pupil');
    const seen = journal.cells.find((c) => c.lessonId === lesson.id && c.childId === pupil.id);
    const storage = memoryStorage();
    const session = keptSession();
    const network = controlFetch();
    const before = client({ fetch: network.fetch, storage, persistSession: session });
    await signIn(before, server.url, DEMO.mathTeacher);
    network.offline();
    const marks: (2 | 3)[] = seen?.marks.map((m) => m.value).join('/') === '2' ? [3] : [2];
    const row = { childId: pupil.id, marks, absence: null, seen: seen?.version ?? null };
    const queued = await before.outbox.saveJournal(DEMO.mariaClass, {
      subjectId: DEMO.math,
      lessonId: lesson.id,
      rows: [row],
    });
    await before.outbox.flush();
    assert.deepEqual(
      before.outbox.journalItems.map((i) => i.state),
      ['pending'],
    );
    before.close(); // the page goes away with the batch unsent

    const reloaded = controlFetch();
    reloaded.inject(
      { kind: 'lost' },
      { match: (r) => r.method === 'PUT' && r.url.pathname.endsWith('/journal') },
    );
    const afterReload = client({ fetch: reloaded.fetch, storage, persistSession: session });
    const saved: string[] = [];
    afterReload.outbox.onJournalSaved((result) =>
      saved.push(...result.rows.map((r) => `${result.batchId} ${r.status}`)),
    );
    await afterReload.ready;
    await new Promise((resolve) => setTimeout(resolve, 0));
    await afterReload.outbox.flush();
    assert.ok(reloaded.count('/journal', 'PUT') >= 2, 'the lost answer was asked again');
    assert.deepEqual(saved, [`${queued.id} saved`]);
    assert.deepEqual(afterReload.outbox.journalItems, []);
    const now = await teacher.journal.get({ classId: DEMO.mariaClass, subjectId: DEMO.math });
    const cell = now.cells.find((c) => c.lessonId === lesson.id && c.childId === pupil.id);
    assert.deepEqual(
      cell?.marks.map((m) => m.value),
      marks,
    );
  });

  it('sends a message once even when its first answer was lost', async () => {
    const network = controlFetch();
    const parent = client({ fetch: network.fetch });
    await signIn(parent, server.url, DEMO.parent);
    network.inject(
      { kind: 'lost' },
      { match: (r) => r.method === 'POST' && r.url.pathname.endsWith('/messages') },
    );
    const tag = `lost-${Date.now()}`;
    await parent.outbox.send({ threadId: DEMO.mariaMathThread, text: tag });
    await parent.outbox.flush();
    assert.equal(network.count('/messages', 'POST'), 2);
    assert.deepEqual(
      (await threadTexts()).filter((t) => t === tag),
      [tag],
    );
  });

  it('marks a message the server refuses as failed with its error; retry and discard it', async () => {
    const parent = client();
    await signIn(parent, server.url, DEMO.parent);
    const states: string[][] = [];
    parent.outbox.subscribe((items) => states.push(items.map((i) => i.state)));
    const item = await parent.outbox.send({ threadId: 'thr_not_theirs', text: 'Здравствуйте' });
    await parent.outbox.flush();
    const [failed] = parent.outbox.items;
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.error?.code, 'not_found');
    assert.ok(states.some((s) => s[0] === 'sending'));
    await parent.outbox.retry(item.id);
    assert.equal(parent.outbox.items[0]?.state, 'failed');
    await parent.outbox.discard(item.id);
    assert.deepEqual(parent.outbox.items, []);
  });

  it('refuses an empty message at once with a field error', async () => {
    const parent = client({ language: 'en' });
    await signIn(parent, server.url, DEMO.parent);
    const error = await parent.outbox
      .send({ threadId: DEMO.mariaMathThread, text: '  ' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.field('text')?.code, 'required');
    assert.deepEqual(parent.outbox.items, []);
  });
});
