#!/usr/bin/env node
// The floor under each size budget (run after `npm run build`; part of `npm run size`): what the
// issue itself requires and the chosen stack costs, measured as one bundle (rollup + terser, gzip
// level 9, dynamic imports inlined), before any of the code that implements the rest of the
// issue. A budget below its floor cannot be met by writing that code smaller; it needs a larger
// budget, another stack or fewer features.
//
//   node bench/size/floors.mjs          prints the table
//   node bench/size/floors.mjs --docs   also writes it into docs/benchmarks.md
//
// Informational: it fails only when a measured entry cannot be bundled.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measure, kb } from './measure.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const core = (file) => `${root}packages/core/dist/${file}.js`;
const reexport = (...files) => files.map((f) => `export * from '${core(f)}';`).join('\n');

// Core's modules in the sections of its index.ts (a `// heading` line, then its `export *` lines),
// which follow the numbered items of issue 2: read from the file, so a new module is counted.
const CORE_SECTIONS = [];
for (const line of readFileSync(`${root}packages/core/src/index.ts`, 'utf8').split('\n')) {
  const heading = /^\/\/ (.+)$/.exec(line);
  const module = /^export \* from '\.\/(.+)';$/.exec(line);
  if (heading && !line.includes('—')) CORE_SECTIONS.push({ name: heading[1], files: [] });
  else if (module) {
    if (CORE_SECTIONS.length === 0) throw new Error('core index.ts: an export before any heading');
    CORE_SECTIONS.at(-1).files.push(module[1]);
  }
}
/** How many sections hold issue 2's items 1–3 (identifiers, catalogues, domain schemas). */
const ITEMS_1_TO_3 = CORE_SECTIONS.findIndex((s) => s.name === 'Domain schemas') + 1;
if (ITEMS_1_TO_3 === 0) throw new Error('core index.ts has no "// Domain schemas" section');

// What every response is checked against (issue 5: "Every response is validated with core's
// schema"): the schemas of every route, with zod/mini.
const CONTRACT = reexport('route-schemas/all');
const STACK_SDK =
  "export { default as ky } from 'ky';\nexport { get, set, del, createStore } from 'idb-keyval';";
const STACK_LIT = "export * from 'lit';\nexport * from '@lit/context';";

const size = async (code, external = []) =>
  (await measure(code, { external, inlineDynamicImports: true, cwd: root })).gzip;

const rows = [];
const row = (name, bytes) => rows.push({ name, bytes });

// Issue 2: core's own code (zod left out), section by section, cumulatively.
let cumulative = '';
const coreAfter = [];
for (const [i, { name, files }] of CORE_SECTIONS.entries()) {
  cumulative += `${reexport(...files)}\n`;
  coreAfter.push(await size(cumulative, ['zod']));
  const whole = i === CORE_SECTIONS.length - 1 ? ' (the whole package)' : '';
  row(`core's own code${i === 0 ? ': ' : ', + '}${name}${whole}`, coreAfter.at(-1));
}

// Issue 5: the stack and the contract, no SDK code.
row(
  'zod/mini, smallest use (one object of a string and a number)',
  await size(
    "import { object, string, number } from 'zod/mini';\nconst s = object({ a: string(), b: number() });\nexport const parse = (x) => s.safeParse(x);",
  ),
);
row('ky', await size("export { default } from 'ky';"));
row('idb-keyval (get, set, del, createStore)', await size(STACK_SDK.split('\n')[1]));
row("every route's schemas, own code (zod left out)", await size(CONTRACT, ['zod']));
row("every route's schemas with zod/mini", await size(CONTRACT));
const sdkFloor = await size(`${CONTRACT}\n${STACK_SDK}`);
row("**SDK floor**: every route's schemas + zod/mini + ky + idb-keyval", sdkFloor);
const sdkToday = await size("export { createDiaryClient } from '@school-diary/sdk';");
row('`createDiaryClient` today (all of issue 5), same measure', sdkToday);

// Issue 6: the SDK floor, lit, and the rules and messages the child form must use.
row('lit + @lit/context', await size(STACK_LIT));
const part1Floor = await size(
  `${CONTRACT}\n${STACK_SDK}\n${STACK_LIT}\nexport * from '@school-diary/core/validation';`,
);
row(
  "**part 1 floor**: SDK floor + lit + core's validation (the child form's rules, ru/en)",
  part1Floor,
);
const part1Today = await size(
  ['provider', 'login', 'child-form']
    .map((e) => `import '@school-diary/elements/define/${e}';`)
    .join('\n'),
);
row('provider + login + child form today, same measure', part1Today);

// Issue 7: the set holds part 1's widgets too, so its floor is part 1's.
const part2Floor = part1Floor;
const part2Today = await size("import '@school-diary/elements/define';");
row('six widgets + provider today, same measure', part2Today);

// Each budget beside its floor: what is left under the budget for the code the floor leaves out,
// and what that code takes today.
const budgets = [
  {
    issue: 2,
    budget: 15,
    of: 'core, whole package, own code',
    floor: coreAfter[ITEMS_1_TO_3 - 1],
    floorName: 'items 1–3 as written today',
    rest: 'the route table, grade maths, CSV (items 4–6)',
    today: coreAfter.at(-1) - coreAfter[ITEMS_1_TO_3 - 1],
  },
  {
    issue: 5,
    budget: 20,
    of: 'whole SDK with dependencies',
    floor: sdkFloor,
    floorName: 'SDK floor',
    rest: 'all SDK code',
    today: sdkToday - sdkFloor,
  },
  {
    issue: 6,
    budget: 35,
    of: 'provider + login + child form with lit and the SDK',
    floor: part1Floor,
    floorName: 'part 1 floor',
    rest: 'SDK code, provider, login, child form',
    today: part1Today - part1Floor,
  },
  {
    issue: 7,
    budget: 60,
    of: 'six widgets + provider + SDK + lit, one bundle',
    floor: part2Floor,
    floorName: "part 1 floor: the set holds part 1's widgets",
    rest: 'SDK code, provider, six widgets',
    today: part2Today - part2Floor,
  },
];

const lines = ['| measured (one bundle) | gzip |', '| --- | --- |'];
for (const r of rows) lines.push(`| ${r.name} | ${kb(r.bytes)} |`);
lines.push(
  '',
  '| issue | budget | of | floor | left under the budget | for | which today takes |',
  '| --- | --- | --- | --- | --- | --- | --- |',
);
for (const b of budgets) {
  const left = b.budget * 1024 - b.floor;
  const leftText = left < 0 ? `none: ${kb(-left)} over` : kb(left);
  lines.push(
    `| ${b.issue} | ${b.budget} KB | ${b.of} | ${kb(b.floor)} (${b.floorName}) | ${leftText} | ${b.rest} | ${kb(b.today)} |`,
  );
}
const table = lines.join('\n');
console.log(table);

if (process.argv.includes('--docs')) {
  const file = `${root}docs/benchmarks.md`;
  const start = '<!-- bench:floors:start -->';
  const end = '<!-- bench:floors:end -->';
  const text = readFileSync(file, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`docs/benchmarks.md lacks ${start} … ${end}`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n\n${table}\n\n${text.slice(to)}`);
  console.log('\n(written to docs/benchmarks.md)');
}
