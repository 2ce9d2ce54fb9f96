/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../define';
import type { DiaryLogin } from '../login/diary-login';
import { settle, textOf, typeInto } from '../test-support/dom';
import { DiaryServerUnreachable, diagnosingFetch } from './diagnosing-fetch';
import type { DiaryProvider } from './diary-provider';

/** This test page's own server under its other name: another origin that sends no CORS headers. */
const otherOrigin = () => {
  const url = new URL(location.href);
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return url.origin;
};

/** Captures console.error while `run` runs. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const error = console.error;
  console.error = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = error;
  }
  return lines;
}

async function signInThrough(baseUrl: string) {
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider base-url=${baseUrl} session="memory"
      ><diary-login></diary-login
    ></diary-provider>`,
  );
  const login = provider.querySelector('diary-login') as DiaryLogin;
  await waitUntil(() => login.querySelector('input[autocomplete="tel"]'), 'no form');
  typeInto(login.querySelector('input[autocomplete="tel"]'), '+7 999 000-00-01');
  typeInto(login.querySelector('input[autocomplete="current-password"]'), 'school-diary-demo');
  login.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  await waitUntil(() => login.querySelector('[role="alert"]'), 'no failure shown', {
    timeout: 20_000,
  });
  await settle(login);
  return login;
}

describe('telling a CORS mistake from being offline', function () {
  this.timeout(30_000);

  it('a server that refuses the page’s origin: «Дневник временно недоступен» and one console line', async () => {
    let login: DiaryLogin | undefined;
    const lines = await consoleErrors(async () => {
      login = await signInThrough(otherOrigin());
    });
    const alert = textOf(login?.querySelector('[role="alert"]'));
    expect(alert).to.contain('Дневник временно недоступен');
    expect(alert).not.to.contain('подключение к интернету');
    const line = lines.filter((l) => l.includes('--cors-origin'));
    expect(line).to.have.length(1);
    expect(line[0]).to.contain(`--cors-origin ${location.origin}`);
    expect(line[0]).to.contain(otherOrigin());
  });

  it('a server that does not answer: the same words to the parent, no CORS line', async () => {
    let error: unknown;
    const lines = await consoleErrors(async () => {
      await diagnosingFetch()('http://127.0.0.1:9/api/v1/auth/login', { method: 'POST' }).catch(
        (e: unknown) => void (error = e),
      );
    });
    expect(error).to.be.instanceOf(DiaryServerUnreachable);
    expect((error as DiaryServerUnreachable).reason).to.equal('down');
    expect(lines.join('\n')).not.to.contain('--cors-origin');
  });

  it('offline: the plain network failure, so the parent is asked to check the connection', async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    let error: unknown;
    try {
      await diagnosingFetch(failing)(`${otherOrigin()}/api/v1/children`).catch(
        (e: unknown) => void (error = e),
      );
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect(error).not.to.be.instanceOf(DiaryServerUnreachable);
  });
});
