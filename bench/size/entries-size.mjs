#!/usr/bin/env node
// Size gate of EVERY entry point of every published package (run after `npm run build`): the
// `exports` maps are read, not listed here, so a new entry cannot escape the gate. Each entry is
// bundled as an app would import it (`export * from '<entry>'`: everything it offers, with its
// dependencies; React itself left out, the app has it), minified with terser, and its gzip size
// (what loads with it plus what it loads later by dynamic `import()`) compared with its ratchet in
// entry-budgets.json: today's figure plus a small margin. A page using the SDK is measured, and
// held, in both modes of `validateResponses`. An entry without a ratchet, a ratchet
// without an entry, or an entry over its ratchet fails the gate.
//
//   node bench/size/entries-size.mjs            check, print the table
//   node bench/size/entries-size.mjs --update   set every ratchet to today's size + margin
//   node bench/size/entries-size.mjs --docs     also write the table into docs/benchmarks.md
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { kb, measure } from './measure.mjs';

const root = new URL('../../', import.meta.url).pathname;
const budgetsFile = new URL('./entry-budgets.json', import.meta.url).pathname;
const docsFile = join(root, 'docs/benchmarks.md');
const update = process.argv.includes('--update');
const docs = process.argv.includes('--docs');

/** Published packages that never reach a browser bundle, and why. Anything else is gated. */
const NODE_ONLY = {
  '@school-diary/server': 'the reference server (Node, native SQLite): never bundled for a page',
};
/** Left out of every bundle: the React app brings them (peers of `./react`). */
const EXTERNAL = ['react', 'react-dom'];
/** Ratchet margin: 3 % above today's size, at least 256 B, rounded up to 0.1 KB. */
const ratchetOf = (bytes) => Math.ceil(Math.max(bytes * 1.03, bytes + 256) / 102.4) * 102.4;
/** A per-element React wrapper may add `@lit/react` and its wrapper to the element, no widget. */
const WRAPPER_ALLOWANCE = 2 * 1024;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** The file an export resolves to for an app (`import`/`default` condition), if any. */
function targetOf(value) {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return targetOf(value.import ?? value.default);
  return undefined;
}

/** True when a built module has no runtime code (a types-only entry such as `./jsx`). */
const typesOnly = (file) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '')
    .replace(/export\s*\{\s*\};?/g, '')
    .trim() === '';

// ---- what is gated ----------------------------------------------------------------------------
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: readJson(join(dir, 'package.json')) }))
  .filter(({ pkg }) => !pkg.private);

const entries = [];
const skipped = [];
for (const { dir, pkg } of packages) {
  if (NODE_ONLY[pkg.name]) {
    skipped.push([pkg.name, NODE_ONLY[pkg.name]]);
    continue;
  }
  for (const [key, value] of Object.entries(pkg.exports ?? { '.': pkg.main ?? './index.js' })) {
    const specifier = `${pkg.name}${key.slice(1)}`;
    const target = targetOf(value);
    if (!target || !/\.m?js$/.test(target)) {
      skipped.push([specifier, 'not JavaScript (data or manifest)']);
      continue;
    }
    const file = join(dir, target);
    if (!existsSync(file)) throw new Error(`${specifier}: ${target} is missing: run npm run build`);
    if (typesOnly(file)) {
      skipped.push([specifier, 'types only (no runtime code)']);
      continue;
    }
    entries.push({ pkg: pkg.name, key, specifier });
  }
}

// ---- measure: one rollup build per package, every entry an input ------------------------------
async function measurePackage(list) {
  const ids = new Map(list.map((e, i) => [`\0entry-${i}.js`, e]));
  const bundle = await rollup({
    input: Object.fromEntries([...ids.keys()].map((id, i) => [`entry-${i}`, id])),
    external: (id) => EXTERNAL.some((e) => id === e || id.startsWith(`${e}/`)),
    plugins: [
      {
        name: 'entries',
        resolveId: (id) => (ids.has(id) ? id : null),
        load: (id) =>
          ids.has(id)
            ? `import '${ids.get(id).specifier}'; export * from '${ids.get(id).specifier}';`
            : null,
      },
      nodeResolve({
        browser: true,
        rootDir: root,
        exportConditions: ['browser', 'import', 'default'],
      }),
      terser({ format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const sizes = new Map();
  for (const chunk of chunks.values()) {
    if (!chunk.isEntry) continue;
    // What loads with the entry (static imports, compressed together as one bundle would be)...
    const initial = new Set();
    // (`imports` also names the externals, which are no chunk of ours.)
    const visit = (name) => {
      if (initial.has(name) || !chunks.has(name)) return;
      initial.add(name);
      for (const next of chunks.get(name).imports) visit(next);
    };
    visit(chunk.fileName);
    // ...and what it may load on first use, each such chunk its own request.
    const lazy = new Set();
    const visitLazy = (name) => {
      if (initial.has(name) || lazy.has(name) || !chunks.has(name)) return;
      lazy.add(name);
      const c = chunks.get(name);
      for (const next of [...c.imports, ...c.dynamicImports]) visitLazy(next);
    };
    for (const name of initial) for (const next of chunks.get(name).dynamicImports) visitLazy(next);
    const initialGzip = gzip([...initial].map((n) => chunks.get(n).code).join('\n'));
    const lazyGzip = [...lazy].reduce((sum, n) => sum + gzip(chunks.get(n).code), 0);
    sizes.set(ids.get(chunk.facadeModuleId), {
      initialGzip,
      lazyGzip,
      gzip: initialGzip + lazyGzip,
    });
  }
  return sizes;
}

const measured = new Map();
for (const { pkg } of packages) {
  const list = entries.filter((e) => e.pkg === pkg.name);
  if (list.length === 0) continue;
  for (const [entry, size] of await measurePackage(list)) measured.set(entry, size);
}
for (const entry of entries)
  if (!measured.has(entry)) throw new Error(`${entry.specifier} was not measured`);

// ---- the SDK as a page uses it, in both modes of `validateResponses` ---------------------------
// A page that signs in and lists marks with `createDiaryClient`. Off (the default), its calls load
// no zod and no schema; on, they load zod and the route schemas. "Loaded later" is what its calls
// load on first use (the route schemas when checking; whatever the SDK loads lazily either way).
const SDK_PAGE = (validate) => `
import { createDiaryClient } from '@school-diary/sdk';
const client = createDiaryClient({ baseUrl: 'https://diary.example', validateResponses: ${validate} });
export async function page(phone, password, code, childId, render) {
  const { challengeId } = await client.auth.login({ phone, password });
  await client.auth.verify({ challengeId, code });
  return client.grades.list.watch({ childId }, ({ data }) => render(data.items));
}`;
const scenarios = [false, true].map((validate) => ({
  specifier: `@school-diary/sdk page: sign in, list marks (validateResponses: ${validate})`,
  validate,
}));
for (const scenario of scenarios) {
  const size = await measure(SDK_PAGE(scenario.validate), { cwd: root });
  measured.set(scenario, {
    initialGzip: size.initialGzip,
    lazyGzip: size.gzip - size.initialGzip,
    gzip: size.gzip,
  });
}
entries.push(...scenarios);

// ---- compare with the ratchets ----------------------------------------------------------------
const stored = existsSync(budgetsFile) ? readJson(budgetsFile) : { budgets: {} };
const budgets = stored.budgets ?? {};
const failures = [];
const rows = [];
for (const entry of entries) {
  const size = measured.get(entry);
  const budget = budgets[entry.specifier];
  rows.push([entry.specifier, size, update ? ratchetOf(size.gzip) : budget]);
  if (update) continue;
  if (budget === undefined)
    failures.push(
      `${entry.specifier} has no ratchet in bench/size/entry-budgets.json (a new entry?)`,
    );
  else if (size.gzip > budget)
    failures.push(
      `${entry.specifier} grew past its ratchet: ${kb(size.gzip)} > ${kb(budget)} gzip`,
    );
}
if (!update)
  for (const specifier of Object.keys(budgets))
    if (!entries.some((e) => e.specifier === specifier))
      failures.push(
        `bench/size/entry-budgets.json has a ratchet for ${specifier}, which is no entry`,
      );

// A per-element React wrapper is its element plus `@lit/react`: never another widget.
for (const wrapper of entries.filter((e) => e.key?.startsWith('./react/'))) {
  const define = entries.find(
    (e) => e.pkg === wrapper.pkg && e.key === `./define/${wrapper.key.slice('./react/'.length)}`,
  );
  if (!define) {
    failures.push(`${wrapper.specifier} has no ./define/ counterpart to compare with`);
    continue;
  }
  const extra = measured.get(wrapper).gzip - measured.get(define).gzip;
  if (extra > WRAPPER_ALLOWANCE)
    failures.push(
      `${wrapper.specifier} is ${kb(extra)} larger than ${define.specifier} (allowed ${kb(WRAPPER_ALLOWANCE)}): does it pull in other widgets?`,
    );
}

const table = [
  '| entry point | loads with it (gzip) | loaded later (gzip) | total gzip | ratchet |',
  '|---|---|---|---|---|',
  ...rows.map(
    ([name, size, budget]) =>
      `| \`${name}\` | ${kb(size.initialGzip)} | ${size.lazyGzip ? kb(size.lazyGzip) : '—'} | ${kb(size.gzip)} | ${budget === undefined ? 'none' : kb(budget)} |`,
  ),
].join('\n');
const notGated = `Not gated:\n\n${skipped.map(([name, why]) => `- \`${name}\`: ${why}`).join('\n')}`;
console.log(`${table}\n\n${notGated}`);

if (update) {
  const next = {
    $comment:
      'Gzip ratchets of every entry point, written by `node bench/size/entries-size.mjs --update` ' +
      '(today + 3 %, at least 256 B). Raise one only by what a change honestly needs.',
    budgets: Object.fromEntries(rows.map(([name, , budget]) => [name, Math.round(budget)])),
  };
  writeFileSync(budgetsFile, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`wrote ${entries.length} ratchets to bench/size/entry-budgets.json`);
}
if (docs) {
  const start = '<!-- bench:entry-sizes:start -->';
  const end = '<!-- bench:entry-sizes:end -->';
  const text = readFileSync(docsFile, 'utf8');
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at === -1 || until < at) throw new Error(`docs/benchmarks.md lacks ${start} … ${end}`);
  writeFileSync(
    docsFile,
    `${text.slice(0, at + start.length)}\n${table}\n\n${notGated}\n${text.slice(until)}`,
  );
  console.log('wrote the table into docs/benchmarks.md');
}
for (const failure of failures) console.error(`size gate: ${failure}`);
process.exit(failures.length ? 1 : 0);
