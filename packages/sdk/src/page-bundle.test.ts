// A page's bundle, built with rollup as an app would build it: with `validateResponses` off, zod
// and the route schemas stay in a lazy chunk the page never loads; with it on, that chunk loads.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transform } from 'esbuild';
import { rollup, type OutputChunk } from 'rollup';

const sdkEntry = new URL('./index.ts', import.meta.url).pathname;

/** A page that creates a client and reads a list (a public one: no sign-in needed). */
const page = `
import { createDiaryClient } from ${JSON.stringify(sdkEntry)};
export async function read(validateResponses, fetch) {
  const client = createDiaryClient({ baseUrl: 'https://diary.test', fetch, storage: false, syncTabs: false, validateResponses });
  try {
    return await client.schools.search({ q: 'Гимназия' });
  } finally {
    client.close();
  }
}
`;

const answer = { items: [], total: 0, page: 1, pageSize: 20 };
const fetchAnswer: typeof fetch = async () =>
  new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });

let dir: string;
let chunks: OutputChunk[];
const hasZod = (chunk: OutputChunk) => Object.keys(chunk.modules).some((m) => m.includes('/zod/'));

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdk-page-'));
  await writeFile(join(dir, 'page.js'), page);
  const bundle = await rollup({
    input: join(dir, 'page.js'),
    plugins: [
      nodeResolve({ exportConditions: ['source', 'browser'], extensions: ['.ts', '.js'] }),
      {
        name: 'typescript',
        async transform(code, id) {
          if (!id.endsWith('.ts')) return null;
          const out = await transform(code, { loader: 'ts', target: 'es2022', sourcefile: id });
          return { code: out.code, map: null };
        },
      },
    ],
    onwarn: () => undefined,
  });
  const { output } = await bundle.write({
    dir: join(dir, 'out'),
    format: 'es',
    entryFileNames: '[name].mjs',
    chunkFileNames: '[name]-[hash].mjs',
  });
  chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
  await bundle.close();
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("a page's bundle", () => {
  it('reaches no zod through static imports, and keeps it in a lazy chunk', () => {
    const byName = new Map(chunks.map((c) => [c.fileName, c]));
    const entry = chunks.find((c) => c.isEntry);
    assert.ok(entry);
    const loaded = new Set<string>();
    const visit = (name: string) => {
      if (loaded.has(name)) return;
      loaded.add(name);
      for (const next of byName.get(name)?.imports ?? []) visit(next);
    };
    visit(entry.fileName);
    const withZod = chunks.filter(hasZod).map((c) => c.fileName);
    assert.ok(withZod.length > 0, 'the schemas are still bundled, for validateResponses: true');
    assert.deepEqual(
      withZod.filter((name) => loaded.has(name)),
      [],
      'a chunk loaded with the page holds zod',
    );
  });

  it('reads with validateResponses off without the chunks that hold zod', async () => {
    // Take the zod chunks away: a read that needed one would fail to load it.
    for (const chunk of chunks.filter(hasZod)) await rm(join(dir, 'out', chunk.fileName));
    const entry = chunks.find((c) => c.isEntry);
    assert.ok(entry);
    const { read } = (await import(pathToFileURL(join(dir, 'out', entry.fileName)).href)) as {
      read: (validate: boolean, f: typeof fetch) => Promise<unknown>;
    };
    assert.deepEqual(await read(false, fetchAnswer), answer);
    // With validation on, the same read needs them.
    await assert.rejects(read(true, fetchAnswer), { code: 'load_failed' });
    assert.ok((await readdir(join(dir, 'out'))).length < chunks.length);
  });
});
