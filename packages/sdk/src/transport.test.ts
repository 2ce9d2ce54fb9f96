import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch, type FetchControl } from '../test-support/fetch-control';
import { createDiaryClient, type DiaryClient } from './create-diary-client';
import { DiaryApiError, DiaryContractError, DiaryNetworkError } from './errors';

let server: DiaryServer;
before(async () => {
  server = await startDiaryServer();
});
after(() => server.stop());

async function signedIn(
  options: { language?: 'ru' | 'en'; timeout?: number } = {},
): Promise<{ diary: DiaryClient; network: FetchControl }> {
  const network = controlFetch();
  const diary = createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    fetch: network.fetch,
    storage: false,
    syncTabs: false,
    retry: { backoffLimit: 20 },
    ...options,
  });
  await signIn(diary, server.url, DEMO.parent);
  return { diary, network };
}

const rejection = <T>(promise: Promise<T>) =>
  promise.then(
    () => assert.fail('expected a rejection'),
    (error: unknown) => error,
  );

describe('errors', () => {
  it('mirrors the server error: status, code, message and localised field errors', async () => {
    const { diary } = await signedIn({ language: 'en' });
    const error = await rejection(
      diary.grades.list({ childId: DEMO.maria, from: '2026-12-01', to: '2026-09-01' }),
    );
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.field('to')?.code, 'date_order');
    assert.match(error.field('to')?.message ?? '', /[a-z]/i);
    diary.setLanguage('ru');
    const inRussian = await rejection(
      diary.grades.list({ childId: DEMO.maria, from: '2026-12-01', to: '2026-09-01' }),
    );
    assert.match((inRussian as DiaryApiError).field('to')?.message ?? '', /[а-я]/i);
    diary.close();
  });

  it('names who may call the operation a 403 refuses, so a role refusal can be told apart', async () => {
    const { diary } = await signedIn();
    const error = await rejection(diary.classes.list());
    assert.ok(error instanceof DiaryApiError);
    assert.deepEqual([error.status, error.code], [403, 'forbidden']);
    assert.deepEqual(error.access, ['teacher', 'school_admin']);
    diary.close();
  });

  it("answers another family's child with not_found", async () => {
    const { diary } = await signedIn();
    const error = await rejection(diary.children.get({ childId: DEMO.alexander }));
    assert.ok(error instanceof DiaryApiError);
    assert.deepEqual([error.status, error.code], [404, 'not_found']);
    diary.close();
  });

  it('turns an answer that breaks the schema into a DiaryContractError naming the field', async () => {
    const { diary, network } = await signedIn();
    network.inject(
      {
        kind: 'rewrite',
        change: (json) => {
          const body = json as { items: { value: unknown }[] };
          if (body.items[0]) body.items[0].value = 'excellent';
          return body;
        },
      },
      { match: (r) => r.url.pathname.endsWith('/grades') },
    );
    const error = await rejection(diary.grades.list({ childId: DEMO.maria }));
    assert.ok(error instanceof DiaryContractError);
    assert.equal(error.code, 'contract_violation');
    assert.equal(error.operation, 'GET /api/v1/children/{childId}/grades');
    assert.equal(error.issues[0]?.path, 'items.0.value');
    diary.close();
  });

  it('reports an error answer without the error shape as a contract error', async () => {
    const { diary, network } = await signedIn();
    network.inject({ kind: 'status', status: 404, body: '<h1>Not here</h1>' });
    const error = await rejection(diary.children.list());
    assert.ok(error instanceof DiaryContractError);
    diary.close();
  });

  it('reports a proxy page on a 502 as an internal error of the server, after retrying', async () => {
    const { diary, network } = await signedIn();
    network.inject({ kind: 'status', status: 502, body: '<h1>Bad gateway</h1>' }, { count: 3 });
    const error = await rejection(diary.children.list());
    assert.ok(error instanceof DiaryApiError);
    assert.deepEqual([error.status, error.code], [502, 'internal']);
    assert.equal(network.count('/api/v1/children'), 3, 'the first attempt and two retries');
    diary.close();
  });
});

describe('retries', () => {
  it('retries a read after network errors and 5xx, then answers', async () => {
    const { diary, network } = await signedIn();
    network.inject({ kind: 'offline' });
    network.inject({ kind: 'status', status: 503 });
    const { items } = await diary.children.list();
    assert.equal(items.length, 2);
    assert.equal(network.count('/api/v1/children'), 3);
    diary.close();
  });

  it('waits as long as Retry-After says before retrying a 429', async () => {
    const { diary, network } = await signedIn();
    network.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    await diary.children.list();
    assert.ok(Date.now() - started >= 900, 'waited about a second');
    assert.equal(network.count('/api/v1/children'), 2);
    diary.close();
  });

  it('does not wait for a Retry-After beyond the limit: the 429 is thrown with its delay', async () => {
    const { diary, network } = await signedIn();
    const body = JSON.stringify({
      error: { code: 'rate_limited', message: 'Too many', fields: [], retryAfterSeconds: 600 },
    });
    network.inject({ kind: 'status', status: 429, headers: { 'retry-after': '600' }, body });
    const error = await rejection(diary.children.list());
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.retryAfterSeconds, 600);
    assert.equal(network.count('/api/v1/children'), 1);
    diary.close();
  });

  it('never retries an operation that is not idempotent (entering a mark)', async () => {
    const network = controlFetch();
    const teacher = createDiaryClient({
      validateResponses: true,
      baseUrl: server.url,
      fetch: network.fetch,
      storage: false,
      syncTabs: false,
    });
    await signIn(teacher, server.url, DEMO.mathTeacher);
    network.inject({ kind: 'status', status: 503 }, { match: (r) => r.method === 'POST' });
    const error = await rejection(
      teacher.grades.create({
        childId: DEMO.maria,
        subjectId: DEMO.math,
        value: 5,
        kind: 'oral',
        date: '2026-11-24',
      }),
    );
    assert.ok(error instanceof DiaryApiError);
    assert.equal(network.count('/api/v1/marks', 'POST'), 1);
    teacher.close();
  });

  it('retries sending a message (idempotent by its client id) and makes one message', async () => {
    const { diary, network } = await signedIn();
    const id = `msg_retry_${Date.now()}`;
    // The first attempt reaches the server, but its answer is lost on the way back.
    network.inject(
      { kind: 'lost' },
      { match: (r) => r.method === 'POST' && r.url.pathname.endsWith('/messages') },
    );
    const message = await diary.threads.send({
      threadId: DEMO.mariaMathThread,
      id,
      text: 'Повтор',
    });
    assert.equal(message.id, id);
    assert.equal(network.count('/messages', 'POST'), 2, 'sent again after the lost answer');
    await diary.threads.send({ threadId: DEMO.mariaMathThread, id, text: 'Повтор' });
    const page = await diary.threads.messages({ threadId: DEMO.mariaMathThread, limit: 100 });
    assert.equal(page.items.filter((m) => m.id === id).length, 1);
    diary.close();
  });

  it('fails with DiaryNetworkError offline once retries are spent', async () => {
    const { diary, network } = await signedIn();
    network.offline();
    const error = await rejection(diary.children.list());
    assert.ok(error instanceof DiaryNetworkError);
    assert.equal(error.code, 'offline');
    assert.equal(network.count('/api/v1/children'), 3);
    diary.close();
  });

  it('fails with DiaryNetworkError timeout when the server does not answer in time', async () => {
    // Long enough for the real sign-in on a loaded machine, far shorter than the delay.
    const { diary, network } = await signedIn({ timeout: 1500 });
    network.inject({ kind: 'delay', ms: 6000 });
    const error = await rejection(diary.children.list());
    assert.ok(error instanceof DiaryNetworkError);
    assert.equal(error.code, 'timeout');
    diary.close();
  });
});

describe('aborts and de-duplication', () => {
  it('rejects with the reason of an abort, on the wire and during the backoff', async () => {
    const { diary, network } = await signedIn();
    const reason = new Error('left the page');
    const before = new AbortController();
    before.abort(reason);
    assert.equal(await rejection(diary.children.list({ signal: before.signal })), reason);

    network.inject({ kind: 'delay', ms: 2000 });
    const during = new AbortController();
    const pending = diary.children.list({ signal: during.signal });
    setTimeout(() => during.abort(reason), 30);
    assert.equal(await rejection(pending), reason);

    network.inject({ kind: 'status', status: 429, headers: { 'retry-after': '5' } });
    const backoff = new AbortController();
    const waiting = diary.children.list({ signal: backoff.signal });
    setTimeout(() => backoff.abort(reason), 100);
    const started = Date.now();
    assert.equal(await rejection(waiting), reason);
    assert.ok(Date.now() - started < 2000, 'stopped waiting at once');
    diary.close();
  });

  it('sends identical reads in flight at once as one request', async () => {
    const { diary, network } = await signedIn();
    const reads = await Promise.all([
      diary.grades.list({ childId: DEMO.maria, from: '2026-09-01' }),
      diary.grades.list({ from: '2026-09-01', childId: DEMO.maria }),
      diary.grades.list({ childId: DEMO.maria, from: '2026-09-01' }),
      diary.grades.list({ childId: DEMO.maria, from: '2026-10-01' }),
    ]);
    assert.equal(network.count('/grades'), 2);
    assert.deepEqual(reads[0], reads[1]);
    diary.close();
  });

  it('keeps a shared read going for the callers who did not abort', async () => {
    const { diary, network } = await signedIn();
    network.inject({ kind: 'delay', ms: 100 });
    const leaving = new AbortController();
    const left = diary.children.list({ signal: leaving.signal });
    const stays = diary.children.list();
    leaving.abort();
    await assert.rejects(left, { name: 'AbortError' });
    assert.equal((await stays).items.length, 2);
    assert.equal(network.count('/api/v1/children'), 1);
    diary.close();
  });
});
