// The measures a parent feels, on the example site as `npm start` serves it, in Chromium with a
// cold cache. Every script is counted gzipped at level 9, whatever the server sent. Prints a
// table and fails past the limits:
// - the kit's JavaScript a login page loads before its form is usable;
// - every distinct script of signing in and opening the grades page (login → children → grades);
// - time to a usable login form on slow 4G, as a ratio to one bare request for a small static
//   file on the same emulated link in the same run (medians of interleaved runs);
// - a signed-in parent opening the grades page on a phone (4× CPU slowdown, slow 4G, 360 px):
//   until the grade table shows its rows (median of runs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
/** When the navigation's response had fully arrived, in ms since navigation. */
function responseEnd(): number {
  const { performance } = globalThis as unknown as PageView;
  return performance.getEntriesByType('navigation')[0]?.responseEnd ?? NaN;
}

describe(
  'what a parent waits for on the example site (npm start, Chromium)',
  { timeout: 400_000 },
  () => {
    let site: StartedSite;
    let browser: Browser;
    const rows: [string, string, string][] = [];

    before(async () => {
      site = await startSite();
      browser = await launchChromium();
    });

    after(async () => {
      console.log(
        [
          '| measure | value | limit |',
          '|---|---|---|',
          ...rows.map((r) => `| ${r.join(' | ')} |`),
        ].join('\n'),
      );
      await browser?.close();
      await site?.stop();
    });

    /** A page on a fresh context (cold cache) with a link emulated by CDP, and CPU slowed if asked. */
    async function emulatedPage(
      options: {
        viewport?: { width: number; height: number };
        cpu?: number;
        session?: unknown;
      } = {},
    ): Promise<{ context: BrowserContext; page: Page }> {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        locale: 'ru-RU',
      });
      if (options.session)
        await context.addInitScript({
          content: `localStorage.setItem('school-diary.session', ${JSON.stringify(JSON.stringify(options.session))});`,
        });
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

    it('a login page loads at most 32 KB of the kit’s JavaScript before its form is usable', async () => {
      const context = await browser.newContext({ locale: 'ru-RU' });
      const page = await context.newPage();
      const scripts = recordScripts(page);
      await page.goto(`${site.url}/login.html`);
      await page.waitForFunction(loginFormShown, undefined, { polling: 'raf' });
      await scripts.settled();
      const kit = [...scripts.sizes].filter(([path]) => isKit(path));
      const total = kb(sum(kit.map(([, size]) => size)));
      rows.push([
        `login page: kit JS before the form is usable (${kit.length} scripts)`,
        `${total.toFixed(1)} KB`,
        `≤ ${LIMITS.loginKb} KB`,
      ]);
      await context.close();
      assert.ok(
        total <= LIMITS.loginKb,
        `${total.toFixed(1)} KB: ${kit.map(([p, s]) => `${p} ${s}`).join(', ')}`,
      );
    });

    it('signing in and opening the grades page loads at most 70 KB of scripts', async () => {
      const context = await browser.newContext({ locale: 'ru-RU' });
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
      const total = kb(sum(scripts.sizes.values()));
      rows.push([
        `sign in → children → grades: distinct scripts (${scripts.sizes.size})`,
        `${total.toFixed(1)} KB`,
        `≤ ${LIMITS.signInToGradesKb} KB`,
      ]);
      await context.close();
      assert.ok(
        total <= LIMITS.signInToGradesKb,
        `${total.toFixed(1)} KB: ${[...scripts.sizes].map(([p, s]) => `${p} ${s}`).join(', ')}`,
      );
    });

    it('a login form is usable on slow 4G within 4× one bare request on the same link', async () => {
      const forms: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const file = await emulatedPage();
        await file.page.goto(`${site.url}/favicon.svg`);
        bare.push(await file.page.evaluate(responseEnd));
        await file.context.close();
        const login = await emulatedPage();
        await login.page.goto(`${site.url}/login.html`);
        forms.push(
          await login.page
            .waitForFunction(loginFormShown, undefined, { polling: 'raf' })
            .then((h) => h.jsonValue() as Promise<number>),
        );
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
        `${ratio.toFixed(2)}×: form ${forms.join(', ')} ms, bare ${bare.join(', ')} ms`,
      );
    });

    it('a signed-in parent sees grade rows within 2 s on a phone (4× CPU, slow 4G, 360 px)', async () => {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const { context, page } = await emulatedPage({
          viewport: { width: 360, height: 740 },
          cpu: 4,
          session: await parentSession(),
        });
        await page.goto(`${site.url}/grades.html?child=${MARIA}`);
        times.push(
          await page
            .waitForFunction(gradeRowsShown, undefined, { polling: 'raf', timeout: 60_000 })
            .then((h) => h.jsonValue() as Promise<number>),
        );
        await context.close();
      }
      const time = median(times);
      rows.push([
        `phone: grade rows shown (median of ${RUNS})`,
        `${(time / 1000).toFixed(2)} s`,
        `≤ ${LIMITS.phoneGradesMs / 1000} s`,
      ]);
      assert.ok(time <= LIMITS.phoneGradesMs, `${times.map(Math.round).join(', ')} ms`);
    });
  },
);
