import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LiveEvent, Mark } from '@school-diary/core';
import { DEMO, markDate, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch, type FetchControl } from '../test-support/fetch-control';
import {
  createDiaryClient,
  type DiaryClient,
  type DiaryClientOptions,
} from './create-diary-client';
import type { LiveStatus } from './events';
import { memoryStorage } from './storage';
import type { Snapshot } from './watch';

let server: DiaryServer;
let teacher: DiaryClient;
const clients: DiaryClient[] = [];
before(async () => {
  server = await startDiaryServer();
  teacher = await client({}, DEMO.mathTeacher);
});
after(async () => {
  for (const diary of clients) diary.close();
  await server.stop();
});

async function client(options: Partial<DiaryClientOptions>, phone: string = DEMO.parent) {
  const diary = createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    storage: false,
    syncTabs: false,
    events: { retryDelayMs: 20, maxRetryDelayMs: 100 },
    ...options,
  });
  clients.push(diary);
  await signIn(diary, server.url, phone);
  return diary;
}

/** Resolves when `check` holds, polling what listeners collected. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const enterMark = (value: 2 | 3 | 4 | 5) =>
  teacher.grades.create({
    childId: DEMO.maria,
    subjectId: DEMO.math,
    value,
    kind: 'oral',
    date: markDate(),
  });

describe('live events', () => {
  it('delivers typed events to listeners of their type and of "*"', async () => {
    const parent = await client({});
    const marks: Mark[] = [];
    const all: LiveEvent['type'][] = [];
    const stopMarks = parent.events.on('mark.created', (event) => marks.push(event.data));
    parent.events.on('*', (event) => all.push(event.type));
    await until(() => parent.events.status === 'open', 'the stream to open');
    const mark = await enterMark(5);
    await until(() => marks.length === 1, 'mark.created');
    assert.equal(marks[0]?.id, mark.id);
    assert.equal(marks[0]?.value, 5);
    assert.ok(all.includes('mark.created'));
    stopMarks();
  });

  it('closes the stream when the last listener leaves and on sign-out', async () => {
    const parent = await client({});
    const stop = parent.events.on('mark.created', () => undefined);
    await until(() => parent.events.status === 'open', 'the stream to open');
    stop();
    await until(() => parent.events.status === 'idle', 'the stream to close');
    parent.events.on('mark.created', () => undefined);
    await until(() => parent.events.status === 'open', 'the stream to reopen');
    await parent.auth.logout();
    await until(() => parent.events.status === 'idle', 'the stream to close on sign-out');
  });

  it('reconnects after a dropped connection and resumes with Last-Event-ID', async () => {
    const network: FetchControl = controlFetch();
    const parent = await client({ fetch: network.fetch });
    const received: string[] = [];
    const statuses: LiveStatus[] = [];
    parent.events.onStatus((status) => statuses.push(status));
    parent.events.on('mark.created', (event) => received.push(event.data.id));
    await until(() => parent.events.status === 'open', 'the stream to open');
    const first = await enterMark(4);
    await until(() => received.length === 1, 'the first mark');
    const resumeFrom = parent.events.lastEventId;
    assert.ok(resumeFrom);

    network.offline();
    network.dropStreams();
    await until(() => parent.events.status === 'waiting', 'the client to wait for a reconnection');
    const missed = await enterMark(3); // entered while the parent is offline
    network.online();
    await until(() => received.length === 2, 'the mark missed while offline');
    assert.deepEqual(received, [first.id, missed.id]);
    const reconnects = network.seen.filter((r) => r.url.pathname.endsWith('/events'));
    assert.equal(reconnects.at(-1)?.headers.get('last-event-id'), resumeFrom);
    assert.ok(statuses.includes('waiting') && statuses.at(-1) === 'open');
  });

  it('renews the access token when the stream answers 401', async () => {
    const store = {
      value: undefined as unknown,
      load() {
        return this.value;
      },
      save(s: unknown) {
        this.value = s;
      },
    };
    await client({ persistSession: store });
    store.value = { ...(store.value as object), accessToken: 'at_unknown' };
    const network = controlFetch();
    const parent = createDiaryClient({
      validateResponses: true,
      baseUrl: server.url,
      storage: false,
      syncTabs: false,
      persistSession: store,
      fetch: network.fetch,
    });
    clients.push(parent);
    const marks: string[] = [];
    parent.events.on('mark.created', (event) => marks.push(event.data.id));
    await until(() => parent.events.status === 'open', 'the stream to open');
    assert.equal(network.count('/auth/refresh'), 1);
    const mark = await enterMark(5);
    await until(() => marks.includes(mark.id), 'the mark');
  });

  it('updates a watched read the event changes: the new mark shows at once', async () => {
    const parent = await client({ storage: memoryStorage() });
    const snapshots: Snapshot<{ items: Mark[] }>[] = [];
    const stop = parent.grades.list.watch({ childId: DEMO.maria, subjectId: DEMO.math }, (s) =>
      snapshots.push(s),
    );
    parent.events.on('mark.created', () => undefined);
    await until(() => snapshots.length > 0 && parent.events.status === 'open', 'the first answer');
    const before = snapshots.at(-1)?.data.items.length ?? 0;
    const mark = await enterMark(2);
    await until(
      () => snapshots.at(-1)?.data.items.some((m) => m.id === mark.id) ?? false,
      'the watched list to get the mark',
    );
    assert.equal(snapshots.at(-1)?.data.items.length, before + 1);
    stop();
  });
});
