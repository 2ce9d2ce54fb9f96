import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { liveEventSchema, validate, type LiveEvent, type Notification } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { EventStreamClient, type SseFrame } from '../testing/event-stream-client';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const ORIGIN = 'https://school42.example';

/** The whole LiveEvent carried in a frame's data, checked against core's schema. */
function eventOf(frame: SseFrame): LiveEvent {
  const parsed = validate(liveEventSchema, JSON.parse(frame.data ?? 'null'), 'en');
  assert.ok(parsed.ok, `a valid live event: ${frame.data}`);
  assert.equal(parsed.value.id, frame.id);
  assert.equal(parsed.value.type, frame.event);
  return parsed.value;
}

describe('live events at /api/v1/events', () => {
  let server: TestServer;
  let ivanova: string;
  let petrov: string;
  let admin42: string;
  const open: EventStreamClient[] = [];
  let seq = 0;

  const connect = async (options: Parameters<typeof EventStreamClient.open>[1]) => {
    const client = await EventStreamClient.open(server.url, options);
    open.push(client);
    return client;
  };
  /** Publishes a notification event straight through the service, as handlers do. */
  const publish = async (userId: string, title = `Событие ${(seq += 1)}`) => {
    const data: Notification = {
      id: `ntf_test_${seq}`,
      kind: 'news',
      title,
      body: 'Текст',
      createdAt: server.clock.now().toISOString(),
    };
    await server.diary.services.live.publish(server.database.db, {
      recipients: [userId],
      type: 'notification.created',
      data,
    });
    return title;
  };

  before(async () => {
    server = await startTestServer({ config: { heartbeatSeconds: 0.05, corsOrigins: [ORIGIN] } });
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    admin42 = (await server.login(U.admin42.phone)).accessToken;
  });
  after(async () => {
    await Promise.all(open.map((c) => c.close()));
    // fetch (undici) opens a spare connection after an aborted response and never uses it; the
    // server would wait for its header timeout (~70 s) before closing. Every client is done here.
    server.diary.app.server.closeAllConnections();
    await server.close();
  });

  it('answers with an event stream, the reconnection delay first', async () => {
    const stream = await connect({ token: ivanova, headers: { origin: ORIGIN } });
    assert.equal(stream.response.status, 200);
    const h = stream.response.headers;
    assert.equal(h.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(h.get('cache-control'), 'no-store');
    assert.equal(h.get('x-accel-buffering'), 'no');
    assert.equal(h.get('access-control-allow-origin'), ORIGIN);
    assert.equal((await stream.next()).retry, 3000);
    await stream.close();
  });

  it('sends no CORS header to an origin that is not configured', async () => {
    const stream = await connect({ token: ivanova, headers: { origin: 'https://evil.example' } });
    assert.equal(stream.response.headers.get('access-control-allow-origin'), null);
    await stream.close();
  });

  it("delivers an event to its user's stream and never to another family's", async () => {
    const mine = await connect({ token: ivanova });
    const theirs = await connect({ token: petrov });
    await mine.next((f) => f.retry !== undefined);
    await theirs.next((f) => f.retry !== undefined);
    const forIvanova = await publish(U.parentIvanova.id);
    const forPetrov = await publish(U.parentPetrov.id);
    const got = eventOf(await mine.nextEvent('notification.created'));
    assert.equal(got.type === 'notification.created' && got.data.title, forIvanova);
    const other = eventOf(await theirs.nextEvent('notification.created'));
    assert.equal(other.type === 'notification.created' && other.data.title, forPetrov);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const titles = (c: EventStreamClient) =>
      c.events.map((f) => (JSON.parse(f.data ?? '{}') as { data: { title: string } }).data.title);
    assert.deepEqual(titles(mine), [forIvanova]);
    assert.deepEqual(titles(theirs), [forPetrov]);
    await mine.close();
    await theirs.close();
  });

  it('streams an application status change and its notification to the parent who applied', async () => {
    const stream = await connect({ token: ivanova });
    const other = await connect({ token: petrov });
    await stream.next((f) => f.retry !== undefined);
    const created = await server.call<{ id: string }>('POST', '/api/v1/applications', {
      token: ivanova,
      body: { childId: DEMO.children.maria.id, schoolYear: '2027/2028' },
    });
    assert.equal(created.status, 201, created.text);
    const res = await server.call('POST', `/api/v1/applications/${created.body.id}/status`, {
      token: admin42,
      body: { status: 'checking' },
    });
    assert.equal(res.status, 200, res.text);
    // The application moves in the write's transaction; its notification follows the commit.
    const moved = eventOf(
      await stream.next(
        (f) => f.event === 'application.updated' && /"status":"checking"/.test(f.data ?? ''),
      ),
    );
    assert.ok(moved.type === 'application.updated');
    assert.deepEqual(
      moved.data.history.map((h) => h.status),
      ['submitted', 'checking'],
    );
    const frame = await stream.next(
      (f) => f.event === 'notification.created' && /на проверке/.test(f.data ?? ''),
    );
    const event = eventOf(frame);
    assert.ok(event.type === 'notification.created');
    assert.equal(event.data.kind, 'application_status');
    assert.equal(event.childId, DEMO.children.maria.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(other.events, []);
    await stream.close();
    await other.close();
  });

  it("streams a teacher's new mark to the child's family only", async () => {
    const teacher = (await server.login(U.teacherMath.phone)).accessToken;
    const parent = await connect({ token: ivanova });
    const other = await connect({ token: petrov });
    await parent.next((f) => f.retry !== undefined);
    await other.next((f) => f.retry !== undefined);
    const created = await server.call<{ id: string }>('POST', '/api/v1/marks', {
      token: teacher,
      body: {
        childId: DEMO.children.maria.id,
        subjectId: 'sub_42_math',
        value: 5,
        kind: 'oral',
        date: '2026-11-24',
      },
    });
    assert.equal(created.status, 201, created.text);
    const event = eventOf(await parent.nextEvent('mark.created'));
    assert.ok(event.type === 'mark.created');
    assert.equal(event.data.id, created.body.id);
    assert.equal(event.childId, DEMO.children.maria.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(other.events, [], 'another family hears nothing');
    await parent.close();
    await other.close();
  });

  it('streams a new chat message to the other side of the thread only', async () => {
    const teacher = (await server.login(U.teacherMath.phone)).accessToken;
    const teacherStream = await connect({ token: teacher });
    const other = await connect({ token: petrov });
    await teacherStream.next((f) => f.retry !== undefined);
    const thread = await server.call<{ id: string }>('POST', '/api/v1/threads', {
      token: ivanova,
      body: { childId: DEMO.children.maria.id, teacherId: U.teacherMath.id },
    });
    assert.ok(thread.status < 300, thread.text);
    const sent = await server.call<{ id: string }>(
      'POST',
      `/api/v1/threads/${thread.body.id}/messages`,
      { token: ivanova, body: { id: 'msg_events_1', text: 'Здравствуйте!' } },
    );
    assert.ok(sent.status < 300, sent.text);
    const event = eventOf(await teacherStream.nextEvent('message.created'));
    assert.ok(event.type === 'message.created');
    assert.equal(event.data.text, 'Здравствуйте!');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!other.events.some((f) => f.event === 'message.created'));
    await teacherStream.close();
    await other.close();
  });

  it('starts a fresh stream after the events that already happened', async () => {
    await publish(U.parentIvanova.id, 'Старое');
    const stream = await connect({ token: ivanova });
    const fresh = await publish(U.parentIvanova.id, 'Новое');
    const first = eventOf(await stream.nextEvent('notification.created'));
    assert.equal(first.type === 'notification.created' && first.data.title, fresh);
    await stream.close();
  });

  it('resumes from Last-Event-ID without losing or repeating an event', async () => {
    const first = await connect({ token: ivanova });
    await publish(U.parentIvanova.id, 'До обрыва');
    const seen = await first.nextEvent('notification.created');
    await first.close();
    const missed = [await publish(U.parentIvanova.id, 'Пока нет связи 1')];
    missed.push(await publish(U.parentIvanova.id, 'Пока нет связи 2'));
    const resumed = await connect({ token: ivanova, lastEventId: seen.id ?? '' });
    const a = eventOf(await resumed.nextEvent('notification.created'));
    const b = eventOf(await resumed.nextEvent('notification.created'));
    const live = await publish(U.parentIvanova.id, 'После');
    const c = eventOf(await resumed.nextEvent('notification.created'));
    const titles = [a, b, c].map((e) => (e.type === 'notification.created' ? e.data.title : ''));
    assert.deepEqual(titles, [...missed, live]);
    assert.ok(Number(a.id) > Number(seen.id) && Number(b.id) > Number(a.id));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(resumed.events.length, 3, 'nothing sent twice');
    await resumed.close();
  });

  it('accepts ?lastEventId= as well as the header', async () => {
    const first = await connect({ token: ivanova });
    await publish(U.parentIvanova.id);
    const seen = await first.nextEvent('notification.created');
    await first.close();
    const missed = await publish(U.parentIvanova.id, 'Через query');
    const resumed = await connect({ token: ivanova, query: { lastEventId: seen.id ?? '' } });
    const event = eventOf(await resumed.nextEvent('notification.created'));
    assert.equal(event.type === 'notification.created' && event.data.title, missed);
    await resumed.close();
  });

  it('sends a heartbeat comment every heartbeatSeconds', async () => {
    const stream = await connect({ token: ivanova });
    assert.equal((await stream.next((f) => f.comment !== undefined)).comment, 'ping');
    assert.equal((await stream.next((f) => f.comment !== undefined)).comment, 'ping');
    await stream.close();
  });

  it('takes the token from ?access_token= (EventSource cannot send headers)', async () => {
    const stream = await connect({ queryToken: petrov });
    assert.equal(stream.response.status, 200);
    const title = await publish(U.parentPetrov.id, 'Через access_token');
    const event = eventOf(await stream.nextEvent('notification.created'));
    assert.equal(event.type === 'notification.created' && event.data.title, title);
    await stream.close();
  });

  it('refuses a stream without a token or with a bad one', async () => {
    assert.equal((await connect({})).response.status, 401);
    assert.equal((await connect({ queryToken: 'at_forged' })).response.status, 401);
    assert.equal((await connect({ token: 'at_forged' })).response.status, 401);
  });

  it('accepts ?access_token= on the stream only', async () => {
    const res = await server.call('GET', '/api/v1/notifications', {
      query: { access_token: ivanova },
    });
    assert.equal(res.status, 401);
  });

  it('ends the stream with session-expired after logout', async () => {
    const session = await server.login(U.parentIvanova.phone);
    const stream = await connect({ token: session.accessToken });
    await stream.next((f) => f.retry !== undefined);
    const out = await server.call('POST', '/api/v1/auth/logout', { token: session.accessToken });
    assert.ok(out.status < 300, out.text);
    await stream.nextEvent('session-expired');
    await stream.ended;
    const title = await publish(U.parentIvanova.id, 'После выхода');
    assert.ok(!stream.frames.some((f) => f.data?.includes(title)));
    const again = await connect({ token: session.accessToken, lastEventId: '1' });
    assert.equal(again.response.status, 401, 'a revoked session cannot resume');
  });

  it('ends the stream with session-expired when the access token expires', async () => {
    const session = await server.login(U.parentPetrov.phone);
    const stream = await connect({ token: session.accessToken });
    await stream.next((f) => f.retry !== undefined);
    server.clock.advance((session.expiresIn + 1) * 1000);
    try {
      await stream.nextEvent('session-expired');
      await stream.ended;
    } finally {
      server.clock.advance(-(session.expiresIn + 1) * 1000);
    }
  });
});

describe('live events and closing the server', () => {
  it('closes the server promptly while streams are open', async () => {
    const server = await startTestServer();
    const token = (await server.login(U.parentIvanova.phone)).accessToken;
    const stream = await EventStreamClient.open(server.url, { token });
    await stream.next((f) => f.retry !== undefined);
    const started = Date.now();
    await server.close();
    await stream.ended;
    assert.ok(Date.now() - started < 2000, 'close did not wait for the stream');
  });
});
