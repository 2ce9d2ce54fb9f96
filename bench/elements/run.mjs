#!/usr/bin/env node
// Benchmarks of <diary-grade-table> and <diary-timeline-chart> against hand-written vanilla
// baselines, and of the chart against uPlot (its own benchmark's 166,650 points), in headless
// Chromium (puppeteer-core driving /usr/bin/chromium, or CHROME_PATH). Tachometer's method
// without its WebDriver dependency: every sample is a fresh page of one browser, variants run
// interleaved round-robin, and each result is a median with the 95% confidence interval of the
// mean; the ratio's interval is a bootstrap over the samples. A sample that fails (a page or the
// browser lost under load) is taken again, in a new browser if need be.
//
//   node bench/elements/run.mjs [--samples 30] [--check] [--write] [--only table-update:1500,chart:50000]
//
// --check exits 1 when a target is missed; --write puts the table into docs/benchmarks.md
// between the bench:grades markers.
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
const SAMPLES = option('samples', 30);

/** The comparisons, each against its peer (`vanilla` or `uplot`), and their budgets. */
const CASES = [
  {
    kind: 'table-first',
    count: 1500,
    title: 'grade table, first render, 1,500 marks (15 subjects)',
    peer: 'vanilla',
    maxRatio: 1.3,
  },
  {
    kind: 'table-update',
    count: 1500,
    title: 'grade table, update after one new mark',
    peer: 'vanilla',
    maxRatio: 1.3,
  },
  {
    kind: 'chart',
    count: 50000,
    title: 'timeline chart, first render, 50,000 points',
    peer: 'vanilla',
    maxRatio: 1.2,
  },
  {
    kind: 'chart-peer',
    count: 166650,
    title: 'timeline chart, first render, 166,650 points, against uPlot',
    peer: 'uplot',
    maxRatio: 1.0,
  },
];

// --only KIND[,KIND] runs some cases (while working on them; not with --write).
const onlyAt = args.indexOf('--only');
if (onlyAt >= 0) {
  if (flag('write')) throw new Error('--only and --write do not go together');
  const kinds = String(args[onlyAt + 1]).split(',');
  CASES.splice(0, CASES.length, ...CASES.filter((c) => kinds.includes(`${c.kind}:${c.count}`)));
}

const { outputFiles } = await build({
  entryPoints: [`${root}bench/elements/page.ts`],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  conditions: ['source', 'browser', 'import', 'default'],
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
const uplotCss = readFileSync(`${root}node_modules/uplot/dist/uPlot.min.css`, 'utf8');

/** One browser for the whole run (a new one only if it is lost); slow steps under load are fine. */
const launch = () =>
  puppeteer.launch({
    executablePath,
    headless: true,
    // A loaded machine (2 cores shared by many builds) can take minutes over one step.
    protocolTimeout: 600_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      // page.ts collects the garbage of generating the data before timing.
      '--js-flags=--expose-gc',
    ],
  });
let browser = await launch();
const version = await browser.version();

/** A fresh page with the benchmark bundle (and uPlot's style sheet) loaded. */
async function freshPage() {
  if (!browser.connected) browser = await launch();
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="ru"><body style="margin:0"></body></html>');
  await page.addStyleTag({ content: uplotCss });
  await page.addScriptTag({ content: bundle });
  return page;
}

async function sample(kind, impl, count) {
  for (let attempt = 1; ; attempt += 1) {
    let page;
    try {
      page = await freshPage();
      return await page.evaluate(
        (k, i, n) => globalThis.diaryBench.run(k, i, n),
        kind,
        impl,
        count,
      );
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(
        `A ${kind}:${count}:${impl} sample failed (${error.message}); taking it again.`,
      );
      if (!browser.connected) browser = await launch();
    } finally {
      await page?.close().catch(() => {});
    }
  }
}

// The baselines must show what the widgets show: the same elements, text, accessible names and
// path data (checked on every run; a difference stops the benchmark).
{
  const page = await freshPage();
  for (const [kind, count] of [
    ['table', 1500],
    ['chart', 1000],
    ['chart', 50000],
  ]) {
    const differ = await page.evaluate((k, n) => globalThis.diaryBench.compare(k, n), kind, count);
    if (differ.length) {
      console.error(`The ${kind} baseline differs from the widget on ${count} marks: ${differ}`);
      process.exit(1);
    }
  }
  await page.close();
  console.error('Baselines checked: they draw what the widgets draw.');
}

const loadAtStart = os.loadavg()[0];
const variants = CASES.flatMap((c) => ['lit', c.peer].map((impl) => ({ ...c, impl })));
const results = new Map(variants.map((v) => [`${v.kind}:${v.count}:${v.impl}`, []]));
// Two warm-up rounds (not recorded), then interleaved rounds.
for (let round = -2; round < SAMPLES; round += 1) {
  for (const v of variants) {
    const ms = await sample(v.kind, v.impl, v.count);
    if (round >= 0) results.get(`${v.kind}:${v.count}:${v.impl}`).push(ms);
  }
  if (round >= 0 && (round + 1) % 10 === 0) console.error(`… ${round + 1}/${SAMPLES} rounds`);
}
await browser.close();

const f = (x) => x.toFixed(2);
const rows = [];
const misses = [];
for (const c of CASES) {
  const lit = results.get(`${c.kind}:${c.count}:lit`);
  const van = results.get(`${c.kind}:${c.count}:${c.peer}`);
  const [l0, l1] = meanCi(lit);
  const [v0, v1] = meanCi(van);
  const ratio = mean(lit) / mean(van);
  const [r0, r1] = ratioCi(lit, van);
  const ratioMet = ratio <= c.maxRatio;
  const target = `≤ ${c.maxRatio.toFixed(1)}× ${c.peer === 'uplot' ? 'uPlot' : 'vanilla'}`;
  if (!ratioMet) misses.push(c.title);
  rows.push(
    `| ${c.title} | ${f(median(lit))} (${f(l0)}–${f(l1)}) | ${c.peer === 'uplot' ? 'uPlot 1.6.32' : 'vanilla'}: ${f(median(van))} (${f(v0)}–${f(v1)}) | ${ratio.toFixed(2)}× (${r0.toFixed(2)}–${r1.toFixed(2)}) | ${target} | ${ratioMet ? 'yes' : 'no'} |`,
  );
}
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}, ${version} headless; ${SAMPLES} samples per variant (fresh page each, interleaved round-robin after 2 warm-up rounds); 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end. Each timed step starts after a forced garbage collection (the data's, and before an update the first render's, so neither variant pays for garbage it did not make in that step). Times in ms: median (95% CI of the mean). Ratio: mean of the widget / mean of the baseline, with a bootstrap 95% interval.`,
  '',
  '| case | widget ms | peer ms | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  misses.length ? `Targets missed: ${misses.join('; ')}.` : 'All targets met.',
].join('\n');
console.log(table);

if (flag('write')) {
  const path = `${root}docs/benchmarks.md`;
  const doc = readFileSync(path, 'utf8');
  const start = '<!-- bench:grades:start -->';
  const end = '<!-- bench:grades:end -->';
  if (!doc.includes(start)) throw new Error('docs/benchmarks.md has no bench:grades markers');
  const before = doc.slice(0, doc.indexOf(start) + start.length);
  const after = doc.slice(doc.indexOf(end));
  writeFileSync(path, `${before}\n\n${table}\n\n${after}`);
}
if (flag('check') && misses.length) process.exit(1);
