#!/usr/bin/env node
// Size budget of @school-diary/core (run after `npm run build`): minified + gzip.
// "own" leaves zod out (it is shared with the SDK); "with zod/mini" is what a page pays for core alone.
import { readFileSync } from 'node:fs';
import { measure, kb } from './measure.mjs';

// Every entry of core's exports map, so that a new entry is measured as soon as it exists.
const pkg = JSON.parse(
  readFileSync(new URL('../../packages/core/package.json', import.meta.url), 'utf8'),
);
const entries = Object.entries(pkg.exports)
  .filter(([, target]) => typeof target === 'object' && target.source)
  .map(([subpath]) => `@school-diary/core${subpath.slice(1)}`);

// Target from the foundation issue: 15 KB gzip for core's own code. Not met (18.6 KB on
// 2026-11-29, from 19.2 KB; see docs/benchmarks.md for where the bytes go). Ratchets at today's
// figures + 0.3 KB stop the package and its main entry, which browsers load, from growing back.
const TARGET_OWN = 15 * 1024;
const RATCHET_OWN = 20.9 * 1024;
const RATCHET_MAIN = 20.9 * 1024;
const cases = [
  {
    name: 'core, whole package (all entries), own code',
    code: entries.map((entry) => `export * from '${entry}';`).join(' '),
    external: ['zod'],
  },
  {
    name: 'core main entry, own code',
    code: "export * from '@school-diary/core';",
    external: ['zod'],
    ratchet: RATCHET_MAIN,
  },
  {
    name: 'core main entry with zod/mini',
    code: "export * from '@school-diary/core';",
    external: [],
  },
  {
    name: 'SNILS validator only (`isValidSnils`, `normalizeSnils`), own code',
    code: "export { isValidSnils, normalizeSnils } from '@school-diary/core';",
    external: ['zod'],
  },
  {
    name: 'grade maths only (`weightedAverage`, `finalMark`), own code',
    code: "export { weightedAverage, finalMark } from '@school-diary/core';",
    external: ['zod'],
  },
  {
    name: '`@school-diary/core/validation` (`validate`, ru/en catalogues), own code',
    code: "export * from '@school-diary/core/validation';",
    external: ['zod'],
  },
  {
    name: 'SNILS schema + `validate` (both message catalogues), own code',
    code: "export { snilsSchema, validate } from '@school-diary/core';",
    external: ['zod'],
  },
];

let failed = false;
console.log('| entry | minified | gzip |\n|---|---|---|');
for (const c of cases) {
  // Core's own code counted once: its lazily loaded route schemas are also reachable statically
  // (`routes`), so a split into chunks would only add export lists, not code.
  const size = await measure(c.code, { external: c.external, inlineDynamicImports: true });
  console.log(`| ${c.name} | ${kb(size.minified)} | ${kb(size.gzip)} |`);
  if (c.ratchet && size.gzip > c.ratchet) {
    console.error(`${c.name} grew past its ratchet: ${kb(size.gzip)} > ${kb(c.ratchet)} gzip`);
    failed = true;
  }
  if (c === cases[0]) {
    if (size.gzip > RATCHET_OWN) {
      console.error(`core grew past its ratchet: ${kb(size.gzip)} > ${kb(RATCHET_OWN)} gzip`);
      failed = true;
    } else if (size.gzip > TARGET_OWN) {
      console.log(
        `(core is over its ${kb(TARGET_OWN)} target: ${kb(size.gzip)} gzip; ratchet ${kb(RATCHET_OWN)})`,
      );
    }
  }
}
process.exit(failed ? 1 : 0);
