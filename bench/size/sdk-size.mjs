#!/usr/bin/env node
// Size of @school-diary/sdk (run after `npm run build`): minified + gzip, bundled with rollup.
// The budget is 20 KB gzip for the whole SDK with its dependencies. Since 2026-11-29 the
// SDK loads zod and the schemas on first use: `createDiaryClient` builds its methods from core's
// schema-free route manifest and loads each resource group's schemas (a chunk per group, zod in a
// chunk they share) on the group's first call; the checks of its own storage, error answers and
// live events, and the ru/en catalogues of the outbox, load on first use too. So every case
// reports what loads with the page ("initial") and everything ("total", each chunk loaded on
// first use gzipped on its own: a request of its own). The budget line compares the TOTAL (with
// the initial figure beside it). Ratchets just above today's figures (2026-11-29: whole SDK
// 16.2 KB initial / 46.8 KB total, own code 9.1 KB) stop them growing unnoticed; only they fail.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { measure, kb } from './measure.mjs';

const BUDGET = 20 * 1024;
const RATCHET_WHOLE = 41 * 1024;
const RATCHET_WHOLE_INITIAL = 17 * 1024;
const RATCHET_OWN = 9.3 * 1024;

const LOGIN_AND_MARKS = `
import { createDiaryClient } from '@school-diary/sdk';
const client = createDiaryClient({ baseUrl: 'https://diary.example' });
export async function page(phone, password, code, childId, render) {
  const { challengeId } = await client.auth.login({ phone, password });
  await client.auth.verify({ challengeId, code });
  return client.grades.list.watch({ childId }, ({ data }) => render(data.items));
}`;

const LOGIN_AND_MARKS_PICKED = `
import { createClient } from '@school-diary/sdk';
import { routes } from '@school-diary/core';
const client = createClient({
  baseUrl: 'https://diary.example',
  routes: {
    auth: { login: routes.auth.login, verify: routes.auth.verify },
    grades: { list: routes.grades.list },
  },
});
export async function page(phone, password, code, childId, render) {
  const { challengeId } = await client.auth.login({ phone, password });
  await client.auth.verify({ challengeId, code });
  return client.grades.list.watch({ childId }, ({ data }) => render(data.items));
}`;

/**
 * What a page loads when it calls some groups: the initial chunks, and the chunks loaded on first
 * use whose module path matches one of `uses` (a group's schemas, the SDK's checks), with what
 * they import. Each loaded chunk is gzipped on its own, as `measure` does.
 */
async function pageLoad(code, uses) {
  const id = '\0page.js';
  const bundle = await rollup({
    input: id,
    plugins: [
      {
        name: 'page',
        resolveId: (i) => (i === id ? i : null),
        load: (i) => (i === id ? code : null),
      },
      nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
      terser({ format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const loaded = new Set();
  const visit = (chunk, into) => {
    if (!chunk || initial.has(chunk) || into.has(chunk)) return;
    into.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name), into);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk, initial);
  for (const chunk of chunks)
    if (chunk.isDynamicEntry && uses.some((u) => chunk.facadeModuleId?.includes(u)))
      visit(chunk, loaded);
  const gzip = (list) => gzipSync(list.map((c) => c.code).join('\n'), { level: 9 }).length;
  const lazy = [...loaded].reduce((sum, c) => sum + gzip([c]), 0);
  return { initialGzip: gzip([...initial]), gzip: gzip([...initial]) + lazy, chunks: loaded.size };
}

const cases = [
  {
    name: 'whole SDK (`export *`) with core, zod/mini, ky, idb-keyval',
    code: "export * from '@school-diary/sdk';",
    external: [],
    whole: true,
  },
  {
    name: 'whole SDK, own code (core, zod, ky, idb-keyval left out)',
    code: "export * from '@school-diary/sdk';",
    external: ['@school-diary/core', 'zod', 'ky', 'idb-keyval'],
    own: true,
  },
  {
    name: '`createDiaryClient` only (all operations, events, outbox) with dependencies',
    code: "export { createDiaryClient } from '@school-diary/sdk';",
    external: [],
  },
  {
    name: 'page built with `createClient` from 3 operations of `routes`, with dependencies',
    code: LOGIN_AND_MARKS_PICKED,
    external: [],
  },
  { name: 'ky alone (for reference)', code: "export { default } from 'ky';", external: [] },
  {
    name: '`@school-diary/sdk/testing` (memory client, fixtures) with dependencies',
    code: "export * from '@school-diary/sdk/testing';",
    external: [],
  },
];

let failed = false;
console.log('| entry | minified | gzip |\n|---|---|---|');
for (const c of cases) {
  const size = await measure(c.code, { external: c.external });
  if (size.lazy) {
    console.log(
      `| ${c.name}: loaded with the page | ${kb(size.initialMinified)} | ${kb(size.initialGzip)} |`,
    );
    console.log(
      `| ${c.name}: total, with what loads on first use | ${kb(size.minified)} | ${kb(size.gzip)} |`,
    );
  } else {
    console.log(`| ${c.name} | ${kb(size.minified)} | ${kb(size.gzip)} |`);
  }
  if (c.whole && size.gzip > RATCHET_WHOLE) {
    console.error(`the SDK grew past its ratchet: ${kb(size.gzip)} > ${kb(RATCHET_WHOLE)} gzip`);
    failed = true;
  } else if (c.whole && size.initialGzip > RATCHET_WHOLE_INITIAL) {
    console.error(
      `the SDK's initial load grew past its ratchet: ${kb(size.initialGzip)} > ${kb(RATCHET_WHOLE_INITIAL)} gzip`,
    );
    failed = true;
  } else if (c.whole) {
    const verdict = size.gzip > BUDGET ? 'over' : 'within';
    console.log(
      `(whole SDK ${verdict} the ${kb(BUDGET)} budget: ${kb(size.gzip)} gzip in total, ${kb(size.initialGzip)} loaded with the page; ratchets ${kb(RATCHET_WHOLE)} / ${kb(RATCHET_WHOLE_INITIAL)})`,
    );
  }
  if (c.own && size.gzip > RATCHET_OWN) {
    console.error(
      `the SDK's own code grew past its ratchet: ${kb(size.gzip)} > ${kb(RATCHET_OWN)}`,
    );
    failed = true;
  }
}

// A page that logs in and lists marks with `createDiaryClient`, in both modes of
// `validateResponses`: off (the default), it loads no zod and no schema; on, its calls load zod
// and the route schemas as one chunk.
for (const validate of [false, true]) {
  const code = LOGIN_AND_MARKS.replace('baseUrl:', `validateResponses: ${validate}, baseUrl:`);
  const page = await pageLoad(code, validate ? ['route-schemas'] : []);
  const mode = `\`validateResponses: ${validate}\``;
  console.log(
    `| page that logs in and lists marks (\`createDiaryClient\`, ${mode}): loaded with the page | | ${kb(page.initialGzip)} |`,
  );
  console.log(
    `| the same page with what its calls load (${page.chunks} chunks) | | ${kb(page.gzip)} |`,
  );
  if (page.gzip > BUDGET)
    console.log(`(the login + marks page is over the ${kb(BUDGET)} budget: ${kb(page.gzip)} gzip)`);
}
process.exit(failed ? 1 : 0);
