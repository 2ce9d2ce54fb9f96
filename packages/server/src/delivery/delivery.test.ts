import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ManualClock } from '../clock';
import { OutboxGateway } from '../services/gateway';
import { startSmsPeer, SMS_PEER_CREDENTIALS, type SmsPeer } from '../testing/sms-peers';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer';
import { openTestDatabase, testPostgresUrl, type TestDatabase } from '../testing/test-database';
import { selfSignedCertificate } from '../testing/tls-cert';
import { CodeSeal } from './code-seal';
import { SmtpTransport } from './email-smtp';
import { DeliveryQueue } from './outbox';
import { SmscTransport } from './sms-smsc';
import { SmsRuTransport } from './sms-smsru';
import type { Transport } from './transport';
import { DeliveryWorker, type DeliveryOutcome } from './worker';

const SECRET = 'delivery-test-secret';
const PHONE = '+79990001122';

let dir: string;
let testDb: TestDatabase;
let peer: SmsPeer;
const clock = new ManualClock('2026-12-01T09:00:00.000Z');

before(async () => {
  // The queue's claims and leases run on both backends (testPostgresUrl() in the PostgreSQL pass).
  if (testPostgresUrl()) assert.ok(process.env.DIARY_TEST_PG_URL);
  dir = mkdtempSync(join(tmpdir(), 'diary-delivery-'));
  testDb = await openTestDatabase(dir, { seed: false, clock });
  peer = await startSmsPeer();
});

after(async () => {
  await peer.close();
  await testDb.database.close();
  await testDb.drop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await testDb.database.db.deleteFrom('outbox').execute();
  peer.mode = 'ok';
  peer.invalidNumbers.clear();
});

function rowOf(id: number) {
  return testDb.database.db
    .selectFrom('outbox')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function lastId(): Promise<number> {
  const row = await testDb.database.db
    .selectFrom('outbox')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

function setup(transport: Transport, options: { maxAttempts?: number; timeoutMs?: number } = {}) {
  const seal = new CodeSeal(SECRET);
  const outcomes: DeliveryOutcome[] = [];
  const queue = new DeliveryQueue(testDb.database.db, clock);
  const worker = new DeliveryWorker(queue, clock, seal, {
    transports: [transport],
    // Short only where a test waits for it (a peer that never answers).
    timeoutMs: options.timeoutMs ?? 10_000,
    ratePerSecond: { [transport.name]: 1000 },
    maxAttempts: options.maxAttempts ?? 8,
    onOutcome: (o) => outcomes.push(o),
  });
  const gateway = new OutboxGateway(testDb.database.db, clock, { seal });
  return { queue, worker, gateway, outcomes };
}

async function sendCode(gateway: OutboxGateway, to = PHONE): Promise<number> {
  await gateway.send({
    to,
    channel: 'sms',
    text: 'Код 482913 — вход в электронный дневник.',
    purpose: 'login',
    code: { value: '482913', challengeId: 'chl_test' },
    expiresAt: new Date(clock.now().getTime() + 5 * 60_000).toISOString(),
  });
  return lastId();
}

const smsc = () =>
  new SmscTransport({ ...SMS_PEER_CREDENTIALS.smsc, sender: 'School42', baseUrl: peer.url });
const smsRu = () => new SmsRuTransport({ ...SMS_PEER_CREDENTIALS.smsru, baseUrl: peer.url });

const providers: [string, () => Transport][] = [
  [
    'SMSC',
    () =>
      new SmscTransport({
        ...SMS_PEER_CREDENTIALS.smsc,
        sender: 'School42',
        baseUrl: peer.url,
      }),
  ],
  ['SMS.ru', () => new SmsRuTransport({ ...SMS_PEER_CREDENTIALS.smsru, baseUrl: peer.url })],
];

for (const [name, make] of providers) {
  describe(`SMS through ${name}`, () => {
    test('keeps the code sealed while queued, sends it, wipes it and records delivery', async () => {
      const { worker, gateway, outcomes } = setup(make());
      const id = await sendCode(gateway);
      const queued = await rowOf(id);
      assert.equal(queued.status, 'queued');
      assert.equal(queued.text, 'Код {code} — вход в электронный дневник.');
      assert.ok(queued.sealed && !queued.sealed.includes('482913'));
      assert.ok(!JSON.stringify(queued).includes('482913'));

      assert.equal(await worker.runOnce(), 1);
      const sms = peer.received.at(-1);
      assert.equal(sms?.phone, '79990001122');
      assert.equal(sms?.text, 'Код 482913 — вход в электронный дневник.');
      const sent = await rowOf(id);
      assert.equal(sent.status, 'sent');
      assert.equal(sent.sealed, null);
      assert.equal(sent.provider_id, sms?.id);
      assert.ok(!JSON.stringify(sent).includes('482913'));

      peer.delivered.add(sms?.id ?? '');
      clock.advance(61_000);
      await worker.runOnce();
      assert.equal((await rowOf(id)).status, 'delivered');
      assert.deepEqual(
        outcomes.map((o) => o.outcome),
        ['sent', 'delivered'],
      );
    });

    test('fails an invalid number at once, without retrying, and wipes the code', async () => {
      const { worker, gateway, outcomes } = setup(make());
      peer.invalidNumbers.add('79990001122');
      const id = await sendCode(gateway);
      await worker.runOnce();
      const row = await rowOf(id);
      assert.equal(row.status, 'failed');
      assert.match(row.last_error ?? '', /^invalid_number: /);
      assert.equal(row.sealed, null);
      assert.deepEqual(outcomes.at(-1), {
        channel: 'sms',
        provider: make().name,
        outcome: 'failed',
        reason: 'invalid_number',
      });
    });

    for (const mode of ['no_balance', 'http_500', 'timeout'] as const) {
      test(`retries later with a growing delay when the provider answers ${mode}`, async () => {
        const { worker, gateway } = setup(make(), { timeoutMs: mode === 'timeout' ? 500 : 10_000 });
        peer.mode = mode;
        const id = await sendCode(gateway);
        await worker.runOnce();
        const first = await rowOf(id);
        assert.equal(first.status, 'queued');
        assert.equal(first.attempts, 1);
        assert.ok(first.sealed, 'the code stays sealed for the next attempt');
        assert.equal(first.next_attempt_at, new Date(clock.now().getTime() + 30_000).toISOString());
        await worker.runOnce();
        assert.equal((await rowOf(id)).attempts, 1, 'not tried before it is due');

        clock.advance(30_000);
        await worker.runOnce();
        const second = await rowOf(id);
        assert.equal(second.attempts, 2);
        assert.equal(
          second.next_attempt_at,
          new Date(clock.now().getTime() + 60_000).toISOString(),
        );

        peer.mode = 'ok';
        clock.advance(60_000);
        await worker.runOnce();
        assert.equal((await rowOf(id)).status, 'sent');
        assert.equal(peer.received.at(-1)?.text, 'Код 482913 — вход в электронный дневник.');
      });
    }
  });
}

describe('the delivery worker', () => {
  test('makes a dead letter of a message that keeps failing, with the reason', async () => {
    const { worker, queue } = setup(smsc(), { maxAttempts: 2 });
    peer.mode = 'http_500';
    await queue.enqueue({ to: PHONE, channel: 'sms', text: 'Оценка 5 по математике' });
    const id = await lastId();
    await worker.runOnce();
    clock.advance(30_000);
    await worker.runOnce();
    const row = await rowOf(id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /^gave up after 2 attempts: provider_unavailable/);
    assert.deepEqual(
      (await queue.failed()).map((r) => Number(r.id)),
      [id],
    );

    peer.mode = 'ok';
    assert.deepEqual(await queue.retry(id), { requeued: [id], refused: [] });
    await worker.runOnce();
    assert.equal((await rowOf(id)).status, 'sent');
  });

  test('never requeues a failed code (it was wiped) and never sends an expired one', async () => {
    const { worker, gateway, queue } = setup(smsRu());
    const before = peer.received.length;
    const id = await sendCode(gateway);
    clock.advance(5 * 60_000);
    await worker.runOnce();
    const row = await rowOf(id);
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /^expired/);
    assert.equal(row.sealed, null);
    assert.deepEqual(await queue.retry('all'), { requeued: [], refused: [id] });
    assert.equal(peer.received.length, before, 'nothing went out');
  });

  test('two workers on one database send each message once', async () => {
    const a = setup(smsc());
    const b = setup(smsc());
    const before = peer.received.length;
    for (let i = 0; i < 10; i++)
      await a.queue.enqueue({ to: PHONE, channel: 'sms', text: `Сообщение ${i}` });
    await Promise.all([a.worker.runOnce(), b.worker.runOnce()]);
    const texts = peer.received.slice(before).map((r) => r.text);
    assert.equal(texts.length, 10);
    assert.equal(new Set(texts).size, 10);
  });

  test('spaces the sends of a provider by its rate limit', async () => {
    const waits: number[] = [];
    const queue = new DeliveryQueue(testDb.database.db, clock);
    const worker = new DeliveryWorker(queue, clock, new CodeSeal(SECRET), {
      transports: [smsc()],
      ratePerSecond: { smsc: 2 },
      sleep: async (ms) => void waits.push(ms),
    });
    for (let i = 0; i < 3; i++)
      await queue.enqueue({ to: PHONE, channel: 'sms', text: `Сообщение ${i}` });
    await worker.runOnce();
    assert.equal(waits.length, 2);
    const [first = 0, second = 0] = waits;
    assert.ok(first > 400 && second > first, `waits ${waits.join(', ')}`);
  });

  test('keeps a code in the text with dev mode (no seal), for the dev outbox', async () => {
    const gateway = new OutboxGateway(testDb.database.db, clock);
    const id = await sendCode(gateway);
    const row = await rowOf(id);
    assert.equal(row.text, 'Код 482913 — вход в электронный дневник.');
    assert.equal(row.sealed, null);
  });
});

describe('e-mail over SMTP', () => {
  let smtp: SmtpPeer;
  let certFile: string;
  const login = { user: 'diary@school42.example', password: 'smtp-secret' };

  before(async () => {
    const certificate = selfSignedCertificate(dir);
    certFile = certificate.certFile;
    smtp = await startSmtpPeer(certificate, login);
  });
  after(() => smtp.close());

  function transport() {
    return new SmtpTransport({
      host: 'localhost',
      port: smtp.port,
      security: 'starttls',
      user: login.user,
      password: login.password,
      from: 'Школа № 42 <diary@school42.example>',
      caFile: certFile,
      timeoutSeconds: 5,
    });
  }

  test('sends an HTML and a plain-text part in the recipient language over STARTTLS', async () => {
    const { worker, queue } = setup(transport());
    smtp.refuseWith = null;
    await queue.enqueue({
      to: 'parent@example.org',
      channel: 'email',
      text: 'Новая оценка. Математика: 5 <отлично>',
      lang: 'ru',
    });
    const id = await lastId();
    const arrived = smtp.next();
    await worker.runOnce();
    const mail = await arrived;
    assert.equal(mail.subject, 'Электронный дневник: Новая оценка');
    assert.equal(mail.from?.text, '"Школа № 42" <diary@school42.example>');
    assert.match(mail.text ?? '', /Математика: 5 <отлично>/);
    assert.match(mail.text ?? '', /электронный дневник школы/);
    assert.match(String(mail.html), /Математика: 5 &lt;отлично&gt;/);
    assert.match(String(mail.html), /<html lang="ru">/);
    assert.equal((await rowOf(id)).status, 'sent');

    await queue.enqueue({
      to: 'parent@example.org',
      channel: 'email',
      text: 'New mark. Maths: 5',
      lang: 'en',
    });
    const english = smtp.next();
    await worker.runOnce();
    const englishMail = await english;
    assert.equal(englishMail.subject, 'School diary: New mark');
    assert.match(englishMail.text ?? '', /sent by the school diary/);
  });

  test('fails a message the server refuses for good, retries one refused for now', async () => {
    const { worker, queue } = setup(transport());
    smtp.refuseWith = 550;
    await queue.enqueue({ to: 'nobody@example.org', channel: 'email', text: 'Текст.' });
    const refused = await lastId();
    await worker.runOnce();
    assert.equal((await rowOf(refused)).status, 'failed');

    smtp.refuseWith = 451;
    await queue.enqueue({ to: 'busy@example.org', channel: 'email', text: 'Текст.' });
    const busy = await lastId();
    await worker.runOnce();
    const row = await rowOf(busy);
    assert.equal(row.status, 'queued');
    assert.match(row.last_error ?? '', /^smtp_busy/);
    smtp.refuseWith = null;
  });
});
