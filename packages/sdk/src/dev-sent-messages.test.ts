import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO, DEMO_PASSWORD } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { createDiaryClient } from './create-diary-client';

let server: DiaryServer;
before(async () => {
  server = await startDiaryServer();
});
after(async () => {
  await server.stop();
});

describe('client.dev.sentMessages (a server in dev mode)', () => {
  it('hands over the code of a sign-in with its challenge and purpose, newest first', async () => {
    const client = createDiaryClient({
      baseUrl: server.url,
      storage: false,
      syncTabs: false,
      validateResponses: true,
    });
    const first = await client.auth.login({ phone: DEMO.parent, password: DEMO_PASSWORD });
    const second = await client.auth.login({ phone: DEMO.parent, password: DEMO_PASSWORD });
    const { items } = await client.dev.sentMessages();
    const mine = items.filter((item) => item.to === DEMO.parent);
    assert.deepEqual(
      mine.slice(0, 2).map(({ challengeId, purpose }) => ({ challengeId, purpose })),
      [
        { challengeId: second.challengeId, purpose: 'login' },
        { challengeId: first.challengeId, purpose: 'login' },
      ],
    );
    const code = mine[0]?.code;
    assert.match(code ?? '', /^\d{6}$/);
    await client.auth.verify({ challengeId: second.challengeId, code: code ?? '' });
    assert.equal(client.session.user?.phone, DEMO.parent);
    client.close();
  });
});
