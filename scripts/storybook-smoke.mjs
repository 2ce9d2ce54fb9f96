#!/usr/bin/env node
// Opens every entry of the built Storybook (storybook-static/, from `npm run build-storybook`) in
// headless Chromium and fails when a story or docs page throws, shows Storybook's error screen,
// renders nothing, or — at 360 px, a small phone — scrolls sideways. Run by CI after the build.
//
//   node scripts/storybook-smoke.mjs [--screenshots DIR]
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'storybook-static');
const shotsArg = process.argv.indexOf('--screenshots');
const shots = shotsArg > 0 ? resolve(process.argv[shotsArg + 1] ?? 'artifacts/storybook') : null;
if (!existsSync(join(root, 'index.json')))
  throw new Error('storybook-static/index.json is missing: run `npm run build-storybook` first');

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  let file = join(root, path);
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

const { entries } = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
if (shots) mkdirSync(shots, { recursive: true });

// One tab for every entry: the preview loads once and Storybook's own channel switches entries
// (as its manager does), so a run costs one bundle load plus the rendering.
const page = await browser.newPage();
let problems = [];
page.on('pageerror', (error) => problems.push(`throws: ${error.message}`));
page.on('console', (message) => {
  if (message.type() === 'error' && !/favicon|Failed to load resource/.test(message.text()))
    problems.push(`console error: ${message.text()}`);
});
await page.goto(`${base}/iframe.html`, { waitUntil: 'load' });
await page.waitForFunction(() => Boolean(window.__STORYBOOK_ADDONS_CHANNEL__), { timeout: 60_000 });

/** Renders one entry at a width; the problems found, as sentences. */
async function check(entry, width) {
  problems = [];
  const mode = entry.type === 'docs' ? 'docs' : 'story';
  try {
    await page.setViewport({ width, height: 800 });
    const outcome = await page.evaluate(
      ({ id, viewMode }) =>
        new Promise((resolve) => {
          const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
          const events = [
            'storyRendered',
            'docsRendered',
            'storyErrored',
            'storyThrewException',
            'playFunctionThrewException',
            'storyMissing',
          ];
          const handlers = events.map((name) => [name, (detail) => finish(name, detail)]);
          const timer = setTimeout(() => finish('timeout'), 20_000);
          function finish(name, detail) {
            clearTimeout(timer);
            for (const [event, handler] of handlers) channel.off(event, handler);
            resolve({
              name,
              detail:
                detail && typeof detail === 'object'
                  ? String(detail.message ?? detail.title ?? '')
                  : '',
            });
          }
          for (const [event, handler] of handlers) channel.on(event, handler);
          channel.emit('setCurrentStory', { storyId: id, viewMode });
        }),
      { id: entry.id, viewMode: mode },
    );
    if (!['storyRendered', 'docsRendered'].includes(outcome.name))
      problems.push(`${outcome.name} ${outcome.detail}`.trim());
    // The first answers of the memory client (150 ms) and re-renders settle.
    await new Promise((done) => setTimeout(done, 500));
    const target = mode === 'docs' ? '#storybook-docs' : '#storybook-root';
    const state = await page.evaluate((selector) => {
      const rendered = document.querySelector(selector);
      const deep = (node) =>
        [...(node?.children ?? [])].some(
          (child) =>
            (child.shadowRoot?.innerHTML.trim().length ?? 0) > 0 ||
            child.textContent.trim() ||
            deep(child),
        );
      return {
        errored: document.body.classList.contains('sb-show-errordisplay'),
        error: document.querySelector('#error-message')?.textContent ?? '',
        empty: !deep(rendered),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    }, target);
    if (state.errored) problems.push(`shows the error screen: ${state.error}`);
    if (state.empty) problems.push('renders nothing');
    if (mode === 'story' && state.overflow > 1)
      problems.push(`scrolls sideways by ${state.overflow}px`);
    if (shots && mode === 'story')
      await page.screenshot({ path: join(shots, `${entry.id}-${width}.png`), fullPage: true });
  } catch (error) {
    problems.push(`does not render: ${error.message}`);
  }
  return problems;
}

const failures = [];
const started = performance.now();
const list = Object.values(entries);
for (const entry of list) {
  // Docs pages at a desktop width; stories on the smallest phone they must fit.
  const widths = entry.type === 'docs' ? [1280] : [360];
  for (const width of widths) {
    const problems = await check(entry, width);
    for (const p of problems) failures.push(`${entry.id} @ ${width}px ${p}`);
  }
}
await browser.close();
server.close();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(failures.map((f) => `✖ ${f}`).join('\n'));
  console.error(`${failures.length} problems in ${list.length} Storybook entries (${seconds} s)`);
  process.exit(1);
}
console.log(
  `✔ ${list.length} Storybook entries render without errors, none scrolls sideways at 360 px (${seconds} s)`,
);
