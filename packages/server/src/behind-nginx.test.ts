import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Challenge, Session } from '@school-diary/core';
import { chromium } from 'playwright-core';
import { ManualClock } from './clock';
import { DEMO, DEMO_PASSWORD, seedDemo } from './seed/demo';
import { spawnCli, type CliProcess } from './testing/cli-process';
import { startSmsPeer, SMS_PEER_CREDENTIALS, type SmsPeer } from './testing/sms-peers';
import { startSmtpPeer, type SmtpPeer } from './testing/smtp-peer';
import { openTestDatabase, type TestDatabase } from './testing/test-database';
import { selfSignedCertificate, type TestCertificate } from './testing/tls-cert';

// Debian's nginx in front of two server instances (on PostgreSQL in the suite's PostgreSQL pass,
// see testPostgresUrl, else on one SQLite file), with real SMS (SMSC protocol) and SMTP peers.
const NGINX = '/usr/sbin/nginx';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NGINX_CONF = join(ROOT, 'docs/deploy/nginx-school-diary.conf');
const SITE = join(ROOT, 'examples/school-site');
const EMBED = join(ROOT, 'packages/elements/dist/diary-elements.js');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Why the browser sign-in cannot run here, or false when it can. */
function browserSkip(): string | false {
  if (!existsSync(CHROMIUM)) return `needs Chromium at ${CHROMIUM} (or CHROME_PATH)`;
  if (!existsSync(EMBED)) return `needs the built embed at ${EMBED} (npm run build)`;
  return false;
}
const U = DEMO.users;
const TOKEN = 'scrape-token-for-the-test-0123456789';
const PARENT_EMAIL = 'ivanova@example.org';
const SMTP_LOGIN = { user: 'diary@school42.example', password: 'smtp-secret' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The latest weekday before today (marks are entered for school days). */
function recentSchoolDay(): string {
  const day = new Date();
  do day.setUTCDate(day.getUTCDate() - 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return day.toISOString().slice(0, 10);
}

interface Answer<T> {
  readonly status: number;
  readonly text: string;
  readonly body: T;
  readonly headers: Record<string, string | string[] | undefined>;
}

describe(
  'behind nginx with TLS: two instances, real SMS and e-mail peers',
  { skip: existsSync(NGINX) ? false : `needs Debian's nginx at ${NGINX} (apt-get install nginx)` },
  () => {
    let dir: string;
    let cert: TestCertificate;
    let sms: SmsPeer;
    let smtp: SmtpPeer;
    let test: TestDatabase;
    let dbArg: string;
    let nginx: ChildProcess | undefined;
    let proxyPort: number;
    const ports: number[] = [];
    const instances = new Map<number, CliProcess>();

    const start = async (port: number): Promise<void> => {
      const cli = spawnCli(
        [
          ...['--db', dbArg, '--port', String(port), '--db-pool', '4'],
          ...['--sms-provider', 'smsc', '--sms-api-url', sms.url],
          ...['--sms-login', SMS_PEER_CREDENTIALS.smsc.login],
          ...['--sms-password', SMS_PEER_CREDENTIALS.smsc.password],
          ...['--smtp-host', 'localhost', '--smtp-port', String(smtp.port)],
          ...['--smtp-user', SMTP_LOGIN.user, '--smtp-password', SMTP_LOGIN.password],
          ...['--smtp-from', 'Школа № 42 <diary@school42.example>', '--smtp-ca', cert.certFile],
          ...['--trust-proxy', '127.0.0.1', '--metrics-token', TOKEN, '--auth-rate-limit', '6'],
          ...['--site', SITE, '--smtp-rate', '200'],
        ],
        { cwd: dir },
      );
      instances.set(port, cli);
      await cli.waitFor(/Press Ctrl\+C to stop\./, 60_000);
    };

    const stop = async (port: number): Promise<void> => {
      const cli = instances.get(port);
      assert.ok(cli);
      cli.signal('SIGTERM');
      const exit = await cli.exited;
      assert.equal(exit.code, 0, exit.stderr);
      assert.match(exit.stdout, /SIGTERM received: shutting down\.\nStopped\./);
    };

    /** A request through nginx over TLS, from a loopback address standing for one client. */
    function call<T = unknown>(
      method: string,
      path: string,
      options: {
        token?: string;
        body?: unknown;
        from?: string;
        headers?: Record<string, string>;
      } = {},
    ): Promise<Answer<T>> {
      const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
      return new Promise((resolve, reject) => {
        const req = httpsRequest(
          {
            host: '127.0.0.1',
            port: proxyPort,
            servername: 'localhost',
            ca: cert.cert,
            method,
            path,
            agent: false,
            localAddress: options.from ?? '127.0.0.1',
            headers: {
              ...options.headers,
              ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
              ...(payload ? { 'content-type': 'application/json' } : {}),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            res.on('end', () => {
              let body: unknown = text;
              if ((res.headers['content-type'] ?? '').includes('json') && text)
                body = JSON.parse(text);
              resolve({ status: res.statusCode ?? 0, text, body: body as T, headers: res.headers });
            });
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    }

    /** A live-event stream through nginx; frames are collected as they arrive. */
    function openStream(token: string) {
      const frames: { event?: string; data?: string; retry?: string }[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      const req = httpsRequest({
        host: '127.0.0.1',
        port: proxyPort,
        servername: 'localhost',
        ca: cert.cert,
        path: '/api/v1/events',
        agent: false,
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      });
      req.on('response', (res) => {
        res.setEncoding('utf8').on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const frame: Record<string, string> = {};
            for (const line of block.split('\n')) {
              const match = /^(event|data|retry): ?(.*)$/.exec(line);
              if (match?.[1]) frame[match[1]] = match[2] ?? '';
            }
            frames.push(frame);
            for (const wake of waiters.splice(0)) wake();
          }
        });
      });
      req.on('error', () => undefined);
      req.end();
      return {
        frames,
        async next(match: (f: { event?: string; data?: string; retry?: string }) => boolean) {
          for (;;) {
            const found = frames.find(match);
            if (found) return found;
            await new Promise<void>((resolve) => waiters.push(resolve));
          }
        },
        close: () => req.destroy(),
      };
    }

    async function signIn(phone: string, from: string): Promise<string> {
      // Other SMS go out meanwhile (a new-device notice to the previous user): wait for the code.
      const codeSent = sms.next((m) => m.phone === phone.slice(1) && /\d{6}/.test(m.text));
      const started = await call<Challenge>('POST', '/api/v1/auth/login', {
        body: { phone, password: DEMO_PASSWORD },
        from,
      });
      assert.equal(started.status, 200, started.text);
      const received = await codeSent;
      assert.equal(received.provider, 'smsc');
      assert.equal(received.phone, phone.slice(1));
      const code = /\d{6}/.exec(received.text)?.[0];
      assert.ok(code, received.text);
      const session = await call<Session>('POST', '/api/v1/auth/verify', {
        body: { challengeId: started.body.challengeId, code },
        from,
      });
      assert.equal(session.status, 200, session.text);
      return session.body.accessToken;
    }

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'diary-nginx-'));
      cert = selfSignedCertificate(dir);
      sms = await startSmsPeer();
      smtp = await startSmtpPeer(cert, SMTP_LOGIN);
      // The demo world seeded at the real time: the instances run on the system clock.
      const clock = new ManualClock(new Date().toISOString().slice(0, 13) + ':00:00.000Z');
      test = await openTestDatabase(dir, { seed: true, clock });
      if (!test.seeded) await seedDemo(test.database.db, { clock });
      const db = test.database.db;
      await db
        .updateTable('users')
        .set({ email: PARENT_EMAIL })
        .where('id', '=', U.parentIvanova.id)
        .execute();
      await db
        .deleteFrom('notification_settings')
        .where('user_id', '=', U.parentIvanova.id)
        .where('kind', '=', 'mark')
        .execute();
      await db
        .insertInto('notification_settings')
        .values({ user_id: U.parentIvanova.id, kind: 'mark', in_app: 1, sms: 0, email: 1 })
        .execute();
      await test.database.close();
      dbArg = test.url ?? join(dir, 'diary.sqlite');

      ports.push(await freePort(), await freePort());
      proxyPort = await freePort();
      const redirectPort = await freePort();
      await Promise.all(ports.map(start));

      const site = readFileSync(NGINX_CONF, 'utf8')
        .replace('127.0.0.1:8081', `127.0.0.1:${ports[0]}`)
        .replace('127.0.0.1:8082', `127.0.0.1:${ports[1]}`)
        .replace('listen 80;', `listen 127.0.0.1:${redirectPort};`)
        .replace('listen 443 ssl http2;', `listen 127.0.0.1:${proxyPort} ssl http2;`)
        .replace('/etc/ssl/school-diary/fullchain.pem', cert.certFile)
        .replace('/etc/ssl/school-diary/privkey.pem', cert.keyFile)
        .replace('shared:diary_tls:10m', 'off');
      const temp = join(dir, 'nginx-temp');
      mkdirSync(temp);
      const conf = [
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        `error_log ${join(dir, 'nginx-error.log')} warn;`,
        `pid ${join(dir, 'nginx.pid')};`,
        'events { worker_connections 256; }',
        'http {',
        `  access_log ${join(dir, 'nginx-access.log')};`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (kind) => `  ${kind}_temp_path ${join(temp, kind)};`,
        ),
        site,
        '}',
      ].join('\n');
      writeFileSync(join(dir, 'nginx.conf'), conf);
      nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
        stdio: 'ignore',
      });
      // Wait until nginx answers (it starts in a few milliseconds; the loop only waits for it).
      for (let i = 0; ; i++) {
        const ok = await call('GET', '/healthz').then(
          (a) => a.status === 200,
          () => false,
        );
        if (ok) break;
        if (i > 100) throw new Error(readFileSync(join(dir, 'nginx-error.log'), 'utf8'));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    after(async () => {
      nginx?.kill('SIGTERM');
      for (const cli of instances.values()) {
        cli.signal('SIGTERM');
        const exit = await Promise.race([cli.exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (!exit) cli.crash();
      }
      await sms?.close();
      await smtp?.close();
      await test?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    let parent: string;
    let teacher: string;

    it('serves the example site and signs a parent in with a code sent over the SMS provider API', async () => {
      const page = await call('GET', '/');
      assert.equal(page.status, 200);
      assert.match(page.text, /<html/i);
      assert.equal((await call('GET', '/api/v1/dev/outbox')).status, 404, 'no dev outbox');
      parent = await signIn(U.parentIvanova.phone, '127.0.0.10');
      teacher = await signIn(U.teacherMath.phone, '127.0.0.11');
    });

    it(
      'signs a parent in on the example site in Chromium through nginx, the code over the SMS API',
      { skip: browserSkip() },
      async () => {
        const browser = await chromium.launch({
          executablePath: CHROMIUM,
          headless: true,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
        });
        try {
          // The test's own certificate authority is not the browser's: accept its certificate.
          const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'ru-RU' });
          const page = await context.newPage();
          await page.goto(`https://localhost:${proxyPort}/login.html`);
          const codeSent = sms.next(
            (m) => m.phone === U.parentIvanova.phone.slice(1) && /\d{6}/.test(m.text),
          );
          await page.getByLabel('Номер мобильного телефона').fill(U.parentIvanova.phone);
          await page.getByLabel('Пароль', { exact: true }).fill(DEMO_PASSWORD);
          await page.getByRole('button', { name: 'Войти', exact: true }).click();
          const code = /\d{6}/.exec((await codeSent).text)?.[0] ?? '';
          await page.getByLabel('Код из СМС').fill(code);
          await page.getByRole('button', { name: 'Продолжить' }).click();
          // The school's page takes a signed-in parent to «Мои дети», read through the proxy.
          await page.waitForURL(/\/children\.html$/);
          await page.getByText('Мария', { exact: false }).first().waitFor();
        } finally {
          await browser.close();
        }
      },
    );

    it('streams a mark to the parent through the proxy and e-mails it over SMTP', async () => {
      const stream = openStream(parent);
      try {
        await stream.next((f) => f.retry !== undefined);
        const mailed = smtp.next();
        const created = await call<{ id: string }>('POST', '/api/v1/marks', {
          token: teacher,
          body: {
            childId: DEMO.children.maria.id,
            subjectId: 'sub_42_math',
            value: 5,
            kind: 'oral',
            date: recentSchoolDay(),
          },
        });
        assert.equal(created.status, 201, created.text);
        const frame = await stream.next((f) => f.event === 'mark.created');
        assert.equal(
          (JSON.parse(frame.data ?? '{}') as { data: { id: string } }).data.id,
          created.body.id,
        );
        const mail = await mailed;
        assert.equal(mail.to && !Array.isArray(mail.to) ? mail.to.text : '', PARENT_EMAIL);
        assert.match(mail.subject ?? '', /Новая оценка/);
        assert.match(mail.text ?? '', /отлично|5/);
        assert.ok(mail.html, 'an HTML part');

        const marks = await call<{ items: { id: string }[] }>(
          'GET',
          `/api/v1/children/${DEMO.children.maria.id}/grades`,
          { token: parent },
        );
        assert.equal(marks.status, 200);
        assert.ok(marks.body.items.some((m) => m.id === created.body.id));
      } finally {
        stream.close();
      }
    });

    it('counts the SMS and the e-mail in the delivery metrics; /metrics stays off the proxy', async () => {
      assert.equal((await call('GET', '/metrics')).status, 404);
      const sent = { sms: 0, email: 0 };
      for (const port of ports) {
        const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        assert.equal(res.status, 200);
        const pattern =
          /^diary_deliveries_total\{channel="(sms|email)",provider="\w+",outcome="sent",reason=""\} (\d+)$/gm;
        for (const [, channel, count] of (await res.text()).matchAll(pattern))
          sent[channel as 'sms' | 'email'] += Number(count);
      }
      assert.ok(sent.sms >= 2, `SMS codes counted: ${sent.sms}`);
      assert.ok(sent.email >= 1, `e-mails counted: ${sent.email}`);
    });

    it('limits sign-in attempts per real client address, whatever X-Forwarded-For a client sends', async () => {
      const attempt = (from: string, i: number) =>
        call('POST', '/api/v1/auth/login', {
          body: { phone: '+79990000000', password: 'wrong-password-123' },
          from,
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        });
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await attempt('127.0.0.2', i)).status);
      assert.equal(statuses.at(-1), 429, `one client, spoofing or not: ${statuses.join(',')}`);
      assert.notEqual((await attempt('127.0.0.3', 0)).status, 429, 'another client is not limited');
    });

    it('loses no acknowledged write and no queued e-mail across a rolling restart', async () => {
      const mailsBefore = smtp.messages.length;
      const acknowledged: string[] = [];
      let refused = 0;
      let writing = true;
      const writer = (async () => {
        for (let i = 0; writing || i < 3; i++) {
          const res = await call<{ id: string }>('POST', '/api/v1/marks', {
            token: teacher,
            body: {
              childId: DEMO.children.maria.id,
              subjectId: 'sub_42_math',
              value: 2 + (i % 4),
              kind: 'oral',
              date: recentSchoolDay(),
            },
          }).catch(() => ({ status: 0, body: { id: '' } }));
          if (res.status === 201) acknowledged.push(res.body.id);
          else refused += 1;
        }
      })();
      for (const port of ports) {
        await stop(port);
        await start(port);
      }
      writing = false;
      await writer;
      assert.ok(
        acknowledged.length >= 3,
        `writes went through: ${acknowledged.length}, refused ${refused}`,
      );

      const marks = await call<{ items: { id: string }[] }>(
        'GET',
        `/api/v1/children/${DEMO.children.maria.id}/grades`,
        { token: parent },
      );
      const stored = new Set(marks.body.items.map((m) => m.id));
      for (const id of acknowledged)
        assert.ok(stored.has(id), `mark ${id} was acknowledged and kept`);

      // Every acknowledged mark's e-mail arrives (the outbox survives the restarts).
      while (smtp.messages.length < mailsBefore + acknowledged.length) await smtp.next();
      assert.equal(smtp.messages.length, mailsBefore + acknowledged.length);
    });
  },
);
