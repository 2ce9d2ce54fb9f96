#!/usr/bin/env node
// Size gate of the one-script embed (run after `npm run build`): what a page of the example school
// site downloads, gzip level 9 per file (each file is its own request), from the built embed. The
// loader (dist/diary-elements.js) is on every page; each tag brings the chunks the loader preloads
// for it (its define chunk and everything that imports statically), shared chunks once per page.
// What a page loads later, on first use, is not counted here: the end-to-end page measures
// (examples/school-site/e2e/page-measures.e2e.test.ts) count what a real page really loads.
//
//   node bench/size/embed-size.mjs          check, print the table
//   node bench/size/embed-size.mjs --docs   also write the table into docs/benchmarks.md
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb } from './measure.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'packages/elements/dist');

/** Ratchets in gzip bytes, about 3 % above today's sizes: growth is a decision, not an accident. */
const BUDGETS = {
  loader: 2.7 * 1024,
  'login page (provider + login)': 61 * 1024,
  'registration page (provider + child form)': 68.5 * 1024,
  'grades page (provider + grade table + timeline chart)': 86 * 1024,
  'schedule page (provider + schedule)': 65.5 * 1024,
  'chat page (provider + chat)': 63.2 * 1024,
  'application page (provider + application)': 57.5 * 1024,
  'support page (provider + support)': 80 * 1024,
  'notifications page (provider + notifications)': 60 * 1024,
  'attendance page (provider + child picker + attendance)': 77.5 * 1024,
  'portfolio page (provider + child picker + portfolio)': 75 * 1024,
  'homework page (provider + child picker + homework)': 61.5 * 1024,
  'news page (provider + child picker + news)': 58.6 * 1024,
  'tests page (provider + child picker + upcoming tests)': 56.2 * 1024,
  'account page (provider + account + QR hand-off)': 64.5 * 1024,
  'child card page (provider + child picker + child card)': 70.2 * 1024,
  'admin page (provider + school setup + news editor + substitutions + identity desk + audit log)': 127 * 1024,
  'every tag at once': 292 * 1024,
};
const PAGES = {
  'login page (provider + login)': ['provider', 'login'],
  'registration page (provider + child form)': ['provider', 'child-form'],
  'grades page (provider + grade table + timeline chart)': [
    'provider',
    'grade-table',
    'timeline-chart',
  ],
  'schedule page (provider + schedule)': ['provider', 'schedule'],
  'chat page (provider + chat)': ['provider', 'chat'],
  'application page (provider + application)': ['provider', 'application'],
  'support page (provider + support)': ['provider', 'support'],
  'notifications page (provider + notifications)': ['provider', 'notifications'],
  'news page (provider + child picker + news)': ['provider', 'child-picker', 'news'],
  'child card page (provider + child picker + child card)': [
    'provider',
    'child-picker',
    'child-card',
  ],
  'attendance page (provider + child picker + attendance)': [
    'provider',
    'child-picker',
    'attendance',
  ],
  'portfolio page (provider + child picker + portfolio)': ['provider', 'child-picker', 'portfolio'],
  'homework page (provider + child picker + homework)': ['provider', 'child-picker', 'homework'],
  'tests page (provider + child picker + upcoming tests)': [
    'provider',
    'child-picker',
    'upcoming-tests',
  ],
  'account page (provider + account + QR hand-off)': ['provider', 'account', 'qr-handoff'],
  'admin page (provider + school setup + news editor + substitutions + identity desk + audit log)': [
    'provider',
    'school-setup',
    'news-editor',
    'substitutions',
    'identity-desk',
    'audit-log',
  ],
  'every tag at once': null,
};

const read = (file) => readFileSync(join(dist, file));
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** The loader's map of tag → chunks (a JSON string literal the build wrote into the loader). */
function tagChunks() {
  const loader = read('diary-elements.js').toString('utf8');
  const literal = /(['"])(\{\\?"diary-(?:\\.|(?!\1).)*\})\1/.exec(loader);
  if (!literal) throw new Error('dist/diary-elements.js holds no tag chunks: run npm run build');
  const [, quote, text] = literal;
  return JSON.parse(quote === '"' ? JSON.parse(`"${text}"`) : text);
}

const chunks = tagChunks();
let failed = false;
const rows = [['loader (dist/diary-elements.js)', gzip(read('diary-elements.js')), BUDGETS.loader]];
for (const [page, names] of Object.entries(PAGES)) {
  const tags = names ? names.map((name) => `diary-${name}`) : Object.keys(chunks);
  const files = new Set(['diary-elements.js']);
  for (const tag of tags) {
    if (!chunks[tag]) throw new Error(`the loader knows no <${tag}>: run npm run build`);
    for (const file of chunks[tag]) files.add(file.replace(/^\.\//, ''));
  }
  const total = [...files].reduce((sum, f) => sum + gzip(read(f)), 0);
  rows.push([`${page}, ${files.size} files`, total, BUDGETS[page]]);
}
const table = [
  '| one-script embed: what a page downloads | gzip | ratchet |',
  '|---|---|---|',
  ...rows.map(([name, size, budget]) => `| ${name} | ${kb(size)} | ${kb(budget)} |`),
].join('\n');
console.log(table);
for (const [name, size, budget] of rows)
  if (size > budget) {
    console.error(`over its ratchet: ${name}: ${kb(size)} > ${kb(budget)} gzip`);
    failed = true;
  }
if (process.argv.includes('--docs')) {
  const docsFile = join(root, 'docs/benchmarks.md');
  const start = '<!-- bench:embed-size:start -->';
  const end = '<!-- bench:embed-size:end -->';
  const text = readFileSync(docsFile, 'utf8');
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at === -1 || until < at) throw new Error(`docs/benchmarks.md lacks ${start} … ${end}`);
  writeFileSync(docsFile, `${text.slice(0, at + start.length)}\n${table}\n${text.slice(until)}`);
  console.log('wrote the table into docs/benchmarks.md');
}
process.exit(failed ? 1 : 0);
