#!/usr/bin/env node
// Size budget of @school-diary/elements (run after `npm run build`): minified + gzip, bundled by
// rollup + terser from the built ESM entries. Every case registers its tags (the define entries),
// since that is what a page ships. lit is shared by all widgets, so the set is measured as one
// bundle (lit counted once) and each element also alone, with and without lit and the SDK.
import { measure, kb } from './measure.mjs';

/**
 * Target from the elements issue: provider + login + child form, with lit and the SDK, ≤ 35 KB.
 * Not met (see docs/benchmarks.md): the SDK alone is larger. Until it is, a ratchet on the
 * widgets' own code stops them from growing past today's size; the total is reported.
 */
const TARGET = 35 * 1024;
/** Target from the elements part 2 issue: all six widgets + provider + SDK + lit, one bundle. */
const TARGET_ALL = 60 * 1024;
// The widgets' own code, all six and the provider (measured 46.7 KB gzip after part 2: login and
// child form ≈17.6 KB, grade table +9.2, chart +7.2, schedule +4.5, chat +6, appearance and
// shared helpers the rest). Raise only by what a change honestly needs. +1 KB (47 → 48) for the
// chart table's pages and the grade widgets' render caches (measured 47.7 KB); +0.5 KB (48 → 48.5)
// for the chat's attachment downloads (measured 48.2 KB); +1 KB (48.5 → 49.5) for issue 7's speed
// work: the chart's one-pass series (core's moving average and trend kept as running sums in the
// widget, points that list their marks lazily) and the grade table's append path (measured 49.4 KB).
// Lowered to 47.2 KB after issues 6/7's size pass (measured 46.9 KB: templates built without layout
// whitespace, catalogues keyed once, the code step and the marks notices shared; +0.3 KB margin).
const RATCHET_OWN = 47.2 * 1024;
const SHARED = [
  'lit',
  '@lit/',
  '@school-diary/sdk',
  '@school-diary/core',
  'zod',
  'ky',
  'idb-keyval',
];

const cases = [
  {
    name: 'provider + login + child form, with lit, SDK, core, zod/mini (part 1 budget)',
    code: [
      "import '@school-diary/elements/define/provider';",
      "import '@school-diary/elements/define/login';",
      "import '@school-diary/elements/define/child-form';",
    ].join('\n'),
    external: [],
    target: TARGET,
  },
  {
    // The budget is for one bundle: what dynamic imports reach is inlined into it.
    name: 'all six widgets + provider, with lit, SDK, core, zod/mini, as one bundle (part 2 budget)',
    code: "import '@school-diary/elements/define';",
    external: [],
    inline: true,
    target: TARGET_ALL,
  },
  {
    name: 'all six widgets + provider, own code only (lit, SDK, core and zod left out)',
    code: "import '@school-diary/elements/define';",
    external: SHARED,
    ratchet: RATCHET_OWN,
  },
  {
    name: 'the SDK alone (`createDiaryClient`, with core, zod/mini, ky, idb-keyval)',
    code: "export { createDiaryClient, localStorageSession } from '@school-diary/sdk';",
    external: [],
  },
  {
    name: '`diary-provider` alone, with lit and the SDK',
    code: "import '@school-diary/elements/define/provider';",
    external: [],
  },
  {
    name: '`diary-login` alone, own code (lit, SDK, core left out)',
    code: "import '@school-diary/elements/define/login';",
    external: SHARED,
  },
  {
    name: '`diary-login` alone, with lit, core and zod/mini (no SDK: it comes with the provider)',
    code: "import '@school-diary/elements/define/login';",
    external: ['@school-diary/sdk'],
  },
  {
    name: '`diary-child-form` alone, own code (lit, SDK, core left out)',
    code: "import '@school-diary/elements/define/child-form';",
    external: SHARED,
  },
  {
    name: '`diary-child-form` alone, with lit, core and zod/mini (no SDK)',
    code: "import '@school-diary/elements/define/child-form';",
    external: ['@school-diary/sdk'],
  },
  {
    name: '`diary-grade-table` alone, own code (lit, SDK, core left out)',
    code: "import '@school-diary/elements/define/grade-table';",
    external: SHARED,
  },
  {
    name: '`diary-timeline-chart` alone, own code (lit, SDK, core left out)',
    code: "import '@school-diary/elements/define/timeline-chart';",
    external: SHARED,
  },
  {
    name: '`diary-schedule` alone, own code (lit, SDK, core left out)',
    code: "import '@school-diary/elements/define/schedule';",
    external: SHARED,
  },
  {
    name: '`diary-chat` alone, own code (lit, SDK, core left out)',
    code: "import '@school-diary/elements/define/chat';",
    external: SHARED,
  },
  {
    name: 'lit + @lit/context alone (counted once in the set)',
    code: "export { LitElement, html, css } from 'lit'; export { ContextConsumer, ContextProvider } from '@lit/context';",
    external: [],
  },
];

let failed = false;
const notes = [];
console.log('| entry | minified | gzip |\n|---|---|---|');
for (const c of cases) {
  const size = await measure(c.code, {
    external: c.external,
    inlineDynamicImports: c.inline === true,
  });
  console.log(`| ${c.name} | ${kb(size.minified)} | ${kb(size.gzip)} |`);
  if (c.target !== undefined && size.gzip > c.target) {
    notes.push(`(the set is over its ${kb(c.target)} target: ${kb(size.gzip)} gzip)`);
  }
  if (c.ratchet !== undefined && size.gzip > c.ratchet) {
    console.error(`elements grew past their ratchet: ${kb(size.gzip)} > ${kb(c.ratchet)} gzip`);
    failed = true;
  }
}
for (const note of notes) console.log(note);
process.exit(failed ? 1 : 0);
