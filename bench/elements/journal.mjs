#!/usr/bin/env node
// Journal benchmark (issue 20, "Scale and speed"): one class × subject × year, 35 pupils by 170
// lessons (~6,000 cells). <diary-journal> (which renders the lesson columns in view) against a
// hand-written vanilla-DOM table of every cell in the same headless Chromium run, on a desktop
// (1280 px) and a phone (360 px) viewport: the first render must take ≤ 1.5× the baseline, and
// typing a mark must update the cell and the row's average in < 16 ms (one frame). Every sample
// is a fresh page; variants run interleaved round-robin after 2 warm-up rounds; results are
// medians with the 95% confidence interval of the mean, the ratio a bootstrap interval.
//
//   node bench/elements/journal.mjs [--samples 20] [--check] [--write]
//
// --check exits 1 when a target is missed; --write puts the table into docs/benchmarks.md
// between the bench:journal markers.
import { build } from 'esbuild';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { mean, meanCi, median, ratioCi } from './stats.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SAMPLES = option('samples', 20);
const MAX_RATIO = 1.5;
const FRAME_MS = 16;

const { outputFiles } = await build({
  entryPoints: [`${root}bench/elements/journal-page.ts`],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  conditions: ['source', 'browser', 'import', 'default'],
  // As chat.mjs: keep the calls that initialise core's lazily imported modules.
  ignoreAnnotations: true,
  tsconfig: `${root}tsconfig.json`,
  minify: true,
  write: false,
  logLevel: 'error',
});
const bundle = outputFiles[0].text;

const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter(Boolean)
  .find((p) => existsSync(p));
if (!executablePath) {
  console.error('Chromium not found: install it or set CHROME_PATH.');
  process.exit(1);
}
const launch = () =>
  puppeteer.launch({
    executablePath,
    headless: true,
    protocolTimeout: 600_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--js-flags=--expose-gc',
    ],
  });
let browser = await launch();
const version = await browser.version();

const WIDTHS = [1280, 360];

async function freshPage(width = WIDTHS[0]) {
  if (!browser.connected) browser = await launch();
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  await page.setContent('<!doctype html><html lang="ru"><body style="margin:0"></body></html>');
  await page.addScriptTag({ content: bundle });
  return page;
}

async function sample(kind, impl, width) {
  for (let attempt = 1; ; attempt += 1) {
    let page;
    try {
      page = await freshPage(width);
      return await page.evaluate((k, i) => globalThis.journalBench.run(k, i), kind, impl);
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(`A ${kind}:${impl} sample failed (${error.message}); taking it again.`);
    } finally {
      await page?.close().catch(() => {});
    }
  }
}

// The baseline must show what the widget shows: the same cells, averages and heads.
{
  const page = await freshPage();
  const differ = await page.evaluate(() => globalThis.journalBench.compare());
  await page.close();
  if (differ.length) {
    console.error(`The vanilla table differs from the widget: ${differ.join('; ')}`);
    process.exit(1);
  }
  console.error('Baseline checked: it shows what the widget shows.');
}

const loadAtStart = os.loadavg()[0];
const variants = WIDTHS.flatMap((width) =>
  ['first', 'type'].flatMap((kind) => ['lit', 'vanilla'].map((impl) => ({ width, kind, impl }))),
);
const id = (v) => `${v.width}:${v.kind}:${v.impl}`;
const results = new Map(variants.map((v) => [id(v), []]));
for (let round = -2; round < SAMPLES; round += 1) {
  for (const v of variants) {
    const ms = await sample(v.kind, v.impl, v.width);
    if (round >= 0) results.get(id(v)).push(ms);
  }
  if (round >= 0) process.stderr.write(`\rround ${round + 1}/${SAMPLES}`);
}
process.stderr.write('\n');
await browser.close();

const f = (x) => x.toFixed(2);
const cell = (xs) => {
  const [lo, hi] = meanCi(xs);
  return `${f(median(xs))} (${f(lo)}–${f(hi)})`;
};
const misses = [];
const rows = WIDTHS.flatMap((width) => {
  const get = (kind, impl) => results.get(id({ width, kind, impl }));
  const first = { lit: get('first', 'lit'), vanilla: get('first', 'vanilla') };
  const type = { lit: get('type', 'lit'), vanilla: get('type', 'vanilla') };
  const ratio = mean(first.lit) / mean(first.vanilla);
  const [r0, r1] = ratioCi(first.lit, first.vanilla);
  const typeHigh = meanCi(type.lit)[1];
  if (ratio > MAX_RATIO) misses.push(`first render at ${width} px`);
  if (median(type.lit) >= FRAME_MS) misses.push(`typing a mark at ${width} px`);
  return [
    `| first render, 35 × 170, ${width} px | ${cell(first.lit)} | ${cell(first.vanilla)} | ${ratio.toFixed(2)}× (${r0.toFixed(2)}–${r1.toFixed(2)}) | ≤ ${MAX_RATIO.toFixed(1)}× vanilla | ${ratio <= MAX_RATIO ? 'yes' : 'no'} |`,
    `| typing a mark: cell and row average, ${width} px | ${cell(type.lit)} | ${cell(type.vanilla)} | ${(mean(type.lit) / mean(type.vanilla)).toFixed(2)}× | < ${FRAME_MS} ms (one frame) | ${median(type.lit) < FRAME_MS ? 'yes' : 'no'} (upper CI ${f(typeHigh)} ms) |`,
  ];
});
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:journal\` (bench/elements/journal.mjs) on ${os.cpus().length} × ${cpu}, Node ${process.version}, ${version} headless; ${SAMPLES} samples per variant (fresh page each, interleaved round-robin after 2 warm-up rounds); 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end. The grid: 35 pupils × 170 lessons, 3,900 filled cells, in a viewport ${WIDTHS.join(' and ')} px wide (800 px high). The widget renders the lesson columns in view with an overscan; the baseline renders every cell. First render: from adding the element (the widget with its provider and an in-page data source shaped like the SDK client; the baseline reading the same source) to the laid-out table. Typing: with the last pupil's last lesson brought into view and focused by keyboard (not timed), a key on it, then Enter, until the cell and the row's average are rendered and laid out. Times in ms: median (95% CI of the mean).`,
  '',
  '| case | `<diary-journal>` ms | vanilla DOM ms | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  misses.length ? `Targets missed: ${misses.join('; ')}.` : 'All targets met.',
].join('\n');
console.log(table);

if (flag('write')) {
  const path = `${root}docs/benchmarks.md`;
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- bench:journal:start -->';
  const end = '<!-- bench:journal:end -->';
  if (!doc.includes(start)) throw new Error('docs/benchmarks.md has no bench:journal markers');
  const before = doc.slice(0, doc.indexOf(start) + start.length);
  const after = doc.slice(doc.indexOf(end));
  writeFileSync(path, `${before}\n\n${table}\n\n${after}`);
}
if (flag('check') && misses.length) process.exit(1);
