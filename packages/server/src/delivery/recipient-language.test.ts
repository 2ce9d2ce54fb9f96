// E-mail in the recipient's language: a user's language comes from the browser they registered
// or signed in with (Accept-Language), and a mark's e-mail reaches each family member in theirs,
// over SMTP to a real SMTP server, parsed as a mail client would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtp-peer';
import { selfSignedCertificate } from '../testing/tls-cert';
import { SmtpTransport } from './email-smtp';

const U = DEMO.users;
const LOGIN = { user: 'diary@school42.example', password: 'smtp-secret' };

describe('e-mail in the recipient language', () => {
  let server: TestServer;
  let smtp: SmtpPeer;
  const certDir = mkdtempSync(join(tmpdir(), 'diary-smtp-'));

  before(async () => {
    const certificate = selfSignedCertificate(certDir);
    smtp = await startSmtpPeer(certificate, LOGIN);
    server = await startTestServer({
      delivery: {
        transports: [
          new SmtpTransport({
            host: 'localhost',
            port: smtp.port,
            security: 'starttls',
            ...LOGIN,
            from: 'Школа № 42 <diary@school42.example>',
            caFile: certificate.certFile,
            timeoutSeconds: 5,
          }),
        ],
        pollMs: 50,
      },
    });
  });
  after(async () => {
    await server.close();
    await smtp.close();
    rmSync(certDir, { recursive: true, force: true });
  });

  /** Signs a demo user in from a browser in `lang` and has their marks e-mailed to `email`. */
  async function signInWantingEmail(phone: string, id: string, lang: string, email: string) {
    const started = await server.call<{ challengeId: string }>('POST', '/api/v1/auth/login', {
      body: { phone, password: 'school-diary-demo' },
      lang,
    });
    const session = await server.call<{ accessToken: string }>('POST', '/api/v1/auth/verify', {
      body: { challengeId: started.body.challengeId, code: await server.lastCode(phone) },
      lang,
    });
    assert.equal(session.status, 200, session.text);
    // No route sets an e-mail address yet: the fixture writes it.
    await server.database.db.updateTable('users').set({ email }).where('id', '=', id).execute();
    const settings = await server.call('PATCH', '/api/v1/notification-settings', {
      token: session.body.accessToken,
      body: { kinds: { mark: { email: true } } },
    });
    assert.equal(settings.status, 200, settings.text);
  }

  it("sends a mark's e-mail in English to the parent who uses English, in Russian to the child", async () => {
    await signInWantingEmail(
      U.parentIvanova.phone,
      U.parentIvanova.id,
      'en-GB,en;q=0.9',
      'mother@example.org',
    );
    await signInWantingEmail(
      U.studentMaria.phone,
      U.studentMaria.id,
      'ru-RU,ru;q=0.9',
      'maria@example.org',
    );
    const teacher = (await server.login(U.teacherMath.phone)).accessToken;
    const mails: ParsedMail[] = [];
    const both = new Promise<void>((resolve) => {
      const take = () =>
        smtp.next().then((mail) => {
          mails.push(mail);
          if (mails.length === 2) resolve();
          else void take();
        });
      void take();
    });
    const mark = await server.call('POST', '/api/v1/marks', {
      token: teacher,
      body: {
        childId: DEMO.children.maria.id,
        subjectId: 'sub_42_math',
        value: 5,
        kind: 'oral',
        date: '2026-11-24',
      },
    });
    assert.equal(mark.status, 201, mark.text);
    await both;
    const to = (mail: ParsedMail) =>
      (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
    const english = mails.find((m) => to(m) === 'mother@example.org');
    const russian = mails.find((m) => to(m) === 'maria@example.org');
    assert.ok(english && russian);
    assert.equal(english.subject, 'School diary: New mark: Математика');
    assert.match(english.text ?? '', /Мария: 5 — oral answer, 24 Nov 2026/i);
    assert.match(english.text ?? '', /sent by the school diary/);
    assert.match(String(english.html), /<html lang="en">/);
    assert.equal(english.headers.get('content-language'), 'en');
    assert.equal(russian.subject, 'Электронный дневник: Новая оценка: Математика');
    assert.match(russian.text ?? '', /Мария: 5 — устный ответ, 24\.11\.2026/i);
    assert.match(String(russian.html), /<html lang="ru">/);
  });
});
