// The measures a parent feels, on the example site as `npm start` serves it, in Chromium with a
// cold cache. Every script is counted gzipped at level 9, whatever the server sent. Prints a
// table and fails past the limits:
// - the kit's JavaScript a login page loads before its form is usable;
// - every distinct script of signing in and opening the grades page (login → children → grades);
// - time to a usable login form on slow 4G, as a ratio to one bare request for a small static
//   file on the same emulated link in the same run (medians of interleaved runs);
// - a signed-in parent opening the grades page on a phone (4× CPU slowdown, slow 4G, 360 px):
//   until the grade table shows its rows (median of runs).
// The limits hold for the site as a school deploys it: the SDK not checking the server's answers
// (`validateResponses` off). The byte measures are also printed with the checks on, as
// `npm start` serves the site for development.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { createDiaryClient } from '@school-diary/sdk';
import { latestCode, startSite, type StartedSite } from './school-site-server';
import { launchChromium, MARIA, PARENT, PASSWORD, signInParent } from './site-browser';

const LIMITS = {
  loginKb: 32,
  signInToGradesKb: 70,
  loginOnSlow4gRatio: 4,
  phoneGradesMs: 2000,
};
/** Slow 4G as Lighthouse's mobile profile has it: 150 ms round trip, 1.6 Mbit/s down. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
const RUNS = 3;
/**
 * Limits this build does not meet yet (figures and where the bytes go: docs/benchmarks.md). Their
 * tests still measure, print and assert, but are reported as TODO instead of failing the run;
 * drop an entry when its limit holds.
 */
const NOT_MET_YET = {
  loginKb:
    'floor about 45 KB: the SDK with ky and the route manifest, lit, the catalogue and theme, the login (docs/benchmarks.md)',
  signInToGradesKb:
    'floor about 102 KB: the login page, the child form, the bell, the grade table and the chart (docs/benchmarks.md)',
  loginOnSlow4gRatio:
    'three round trips (page, loader, chunks) and about 70 KB on the link: at least 4.4x before any CPU (docs/benchmarks.md)',
  phoneGradesMs:
    'chunks, then the children, the year, the marks; parse and render at a 4x slowdown (docs/benchmarks.md)',
} as const;
const todo = (limit: keyof typeof NOT_MET_YET) => ({ todo: NOT_MET_YET[limit] });
/** The example site's switch for the SDK's checks of the server's answers (see its site.js). */
type Checks = 'off' | 'on';

interface Scripts {
  /** URL path → gzip -9 bytes of the body. */
  readonly sizes: Map<string, number>;
  /** Resolves once every script response seen so far has been read. */
  settled(): Promise<void>;
}

/** Records every script a page loads (modulepreloads included), gzipped at level 9. */
function recordScripts(page: Page): Scripts {
  const sizes = new Map<string, number>();
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const path = new URL(response.url()).pathname;
    if (type !== 'script' && !path.endsWith('.js')) return;
    reads.push(
      response.body().then(
        (body) => void sizes.set(path, gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  return { sizes, settled: async () => void (await Promise.all(reads)) };
}

const kb = (bytes: number) => bytes / 1024;
const sum = (sizes: Iterable<number>) => [...sizes].reduce((a, b) => a + b, 0);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const isKit = (path: string) => path.startsWith('/embed/');
const listed = (sizes: Iterable<[string, number]>) =>
  [...sizes].map(([path, size]) => `${path} ${size}`).join(', ');

// Browser-side functions (this file is compiled without DOM types; the site's CSP forbids eval).
interface Queryable {
  querySelector(selector: string): (Queryable & { shadowRoot: Queryable | null }) | null;
}
interface PageView {
  readonly document: Queryable;
  readonly performance: {
    now(): number;
    getEntriesByType(type: string): { responseEnd: number }[];
  };
}
/** The login form is on screen with its fields and its button: ms since navigation, or false. */
function loginFormShown(): number | false {
  const { document, performance } = globalThis as unknown as PageView;
  const login = document.querySelector('diary-login');
  const root = login?.shadowRoot ?? login;
  const ready =
    root?.querySelector('input[type="tel"]') && root.querySelector('button[type="submit"]');
  return ready ? performance.now() : false;
}
/** The grade table shows rows of marks: ms since navigation, or false. */
function gradeRowsShown(): number | false {
  const { document, performance } = globalThis as unknown as PageView;
  const table = document.querySelector('diary-grade-table');
  const root = table?.shadowRoot ?? table;
  return root?.querySelector('tbody tr[data-subject]') ? performance.now() : false;
}
interface StorageView {
  readonly localStorage: { setItem(key: string, value: string): void };
}
/** Sets the example site's switch of the SDK's answer checks (`on` or `off`). */
function setChecks(value: string): void {
  (globalThis as unknown as StorageView).localStorage.setItem('school42:validate-responses', value);
}
/** Keeps a session where the site's `persist-session` provider looks for it. */
function keepSession(session: string): void {
  (globalThis as unknown as StorageView).localStorage.setItem('school-diary.session', session);
}
/** When the navigation's response had fully arrived, in ms since navigation. */
function responseEnd(): number {
  const { performance } = globalThis as unknown as PageView;
  return performance.getEntriesByType('navigation')[0]?.responseEnd ?? NaN;
}

describe(
  'what a parent waits for on the example site (npm start, Chromium)',
  { timeout: 600_000 },
  () => {
    let site: StartedSite;
    let browser: Browser;
    const rows: [string, string, string][] = [];

    before(async () => {
      site = await startSite();
      browser = await launchChromium();
    });

    after(async () => {
      const table = ['| measure | value | limit |', '|---|---|---|'];
      for (const row of rows) table.push(`| ${row.join(' | ')} |`);
      console.log(table.join('\n'));
      await browser?.close();
      await site?.stop();
    });

    /** A fresh context (cold cache) whose pages have the SDK's answer checks on or off. */
    async function contextWith(checks: Checks, options: BrowserContextOptions = {}) {
      const context = await browser.newContext({ locale: 'ru-RU', ...options });
      await context.addInitScript(setChecks, checks);
      return context;
    }

    /** A page on a fresh context on emulated slow 4G with the cache off, CPU slowed if asked. */
    async function emulatedPage(
      options: {
        viewport?: { width: number; height: number };
        cpu?: number;
        session?: unknown;
      } = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await contextWith('off', {
        viewport: options.viewport ?? { width: 1280, height: 800 },
      });
      if (options.session)
        await context.addInitScript(keepSession, JSON.stringify(options.session));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      if (options.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpu });
      return { context, page };
    }

    /** A fresh kept session of the demo parent, as the site's persist-session keeps it. */
    async function parentSession(): Promise<unknown> {
      let kept: unknown;
      const client = createDiaryClient({
        baseUrl: site.url,
        storage: false,
        syncTabs: false,
        persistSession: { load: () => undefined, save: (session) => void (kept = session) },
      });
      const { challengeId } = await client.auth.login({ phone: PARENT, password: PASSWORD });
      await client.auth.verify({ challengeId, code: await latestCode(site.url, PARENT) });
      client.close();
      return kept;
    }

    /** The kit's scripts a login page loads before its form is usable. */
    async function loginScripts(checks: Checks): Promise<[string, number][]> {
      const context = await contextWith(checks);
      const page = await context.newPage();
      const scripts = recordScripts(page);
      await page.goto(`${site.url}/login.html`);
      await page.waitForFunction(loginFormShown, undefined, { polling: 'raf' });
      await scripts.settled();
      await context.close();
      return [...scripts.sizes].filter(([path]) => isKit(path));
    }

    /** Every distinct script of signing in and opening the grades page. */
    async function signInToGradesScripts(checks: Checks): Promise<Map<string, number>> {
      const context = await contextWith(checks);
      const page = await context.newPage();
      const scripts = recordScripts(page);
      await signInParent(page, site.url);
      await page.locator('[data-children-list]').getByText('Иванова Мария').waitFor();
      await page
        .locator(`[data-children-list] [data-child="${MARIA}"] a`, { hasText: 'Оценки' })
        .click();
      await page
        .locator('diary-grade-table tbody tr[data-subject]')
        .first()
        .waitFor({ timeout: 30_000 });
      await page.locator('diary-timeline-chart svg').first().waitFor({ timeout: 30_000 });
      await scripts.settled();
      await context.close();
      return scripts.sizes;
    }

    it(
      'a login page loads at most 32 KB of the kit’s JavaScript before its form is usable',
      todo('loginKb'),
      async () => {
        const checked = await loginScripts('on');
        rows.push([
          `login page, answers checked (npm start): kit JS before the form is usable (${checked.length} scripts)`,
          `${kb(sum(checked.map(([, size]) => size))).toFixed(1)} KB`,
          '—',
        ]);
        const kit = await loginScripts('off');
        const total = kb(sum(kit.map(([, size]) => size)));
        rows.push([
          `login page: kit JS before the form is usable (${kit.length} scripts)`,
          `${total.toFixed(1)} KB`,
          `≤ ${LIMITS.loginKb} KB`,
        ]);
        assert.ok(total <= LIMITS.loginKb, `${total.toFixed(1)} KB: ${listed(kit)}`);
      },
    );

    it(
      'signing in and opening the grades page loads at most 70 KB of scripts',
      todo('signInToGradesKb'),
      async () => {
        const checked = await signInToGradesScripts('on');
        rows.push([
          `sign in → children → grades, answers checked (npm start): distinct scripts (${checked.size})`,
          `${kb(sum(checked.values())).toFixed(1)} KB`,
          '—',
        ]);
        const scripts = await signInToGradesScripts('off');
        const total = kb(sum(scripts.values()));
        rows.push([
          `sign in → children → grades: distinct scripts (${scripts.size})`,
          `${total.toFixed(1)} KB`,
          `≤ ${LIMITS.signInToGradesKb} KB`,
        ]);
        assert.ok(total <= LIMITS.signInToGradesKb, `${total.toFixed(1)} KB: ${listed(scripts)}`);
      },
    );

    it(
      'a login form is usable on slow 4G within 4× one bare request on the same link',
      todo('loginOnSlow4gRatio'),
      async () => {
        const forms: number[] = [];
        const bare: number[] = [];
        // Interleaved, so that a busy moment of the machine weighs on both sides alike.
        for (let run = 0; run < RUNS; run++) {
          const file = await emulatedPage();
          await file.page.goto(`${site.url}/favicon.svg`);
          bare.push(await file.page.evaluate(responseEnd));
          await file.context.close();
          const login = await emulatedPage();
          await login.page.goto(`${site.url}/login.html`);
          const shown = await login.page.waitForFunction(loginFormShown, undefined, {
            polling: 'raf',
          });
          forms.push((await shown.jsonValue()) as number);
          await login.context.close();
        }
        const ratio = median(forms) / median(bare);
        rows.push([
          `login form usable on slow 4G (median of ${RUNS}: ${Math.round(median(forms))} ms; one bare request ${Math.round(median(bare))} ms)`,
          `${ratio.toFixed(1)}×`,
          `≤ ${LIMITS.loginOnSlow4gRatio}×`,
        ]);
        assert.ok(
          ratio <= LIMITS.loginOnSlow4gRatio,
          `${ratio.toFixed(2)}×: form ${forms.map(Math.round).join(', ')} ms, bare ${bare.map(Math.round).join(', ')} ms`,
        );
      },
    );

    it(
      'a signed-in parent sees grade rows within 2 s on a phone (4× CPU, slow 4G, 360 px)',
      todo('phoneGradesMs'),
      async () => {
        const times: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const { context, page } = await emulatedPage({
            viewport: { width: 360, height: 740 },
            cpu: 4,
            session: await parentSession(),
          });
          await page.goto(`${site.url}/grades.html?child=${MARIA}`);
          const shown = await page.waitForFunction(gradeRowsShown, undefined, {
            polling: 'raf',
            timeout: 60_000,
          });
          times.push((await shown.jsonValue()) as number);
          await context.close();
        }
        const time = median(times);
        rows.push([
          `phone: grade rows shown (median of ${RUNS})`,
          `${(time / 1000).toFixed(2)} s`,
          `≤ ${LIMITS.phoneGradesMs / 1000} s`,
        ]);
        assert.ok(time <= LIMITS.phoneGradesMs, `${times.map(Math.round).join(', ')} ms`);
      },
    );
  },
);
