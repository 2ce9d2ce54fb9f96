import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { chunkName, ownerOf, precompress, tagChunks, TAG_CHUNKS_MARKER } from './embed-plugins.mjs';

const sizes = (table) => (id) => table[id] ?? 1;

test('names a shared chunk by the owners of its code, the biggest first', () => {
  const chunk = {
    name: 'chat',
    moduleIds: [
      '/r/node_modules/zod/v4/core/schemas.js',
      '/r/packages/core/src/rule.ts',
      '/r/packages/core/src/snils.ts',
    ],
  };
  const size = sizes({
    '/r/node_modules/zod/v4/core/schemas.js': 9000,
    '/r/packages/core/src/rule.ts': 300,
    '/r/packages/core/src/snils.ts': 800,
  });
  // One part per kit package: its biggest module speaks for it.
  assert.equal(chunkName(chunk, size), 'zod.core-snils');
});

test('keeps a define entry’s name, and says which part of one dependency a chunk holds', () => {
  assert.equal(
    chunkName({
      name: 'define-chat',
      isDynamicEntry: true,
      facadeModuleId: '/r/packages/elements/src/define-chat.ts',
      moduleIds: ['/r/packages/elements/src/define-chat.ts', '/r/packages/core/src/csv.ts'],
    }),
    'define-chat',
  );
  const lit = {
    name: 'x',
    moduleIds: ['/r/node_modules/lit-html/directives/repeat.js'],
  };
  assert.equal(
    chunkName(lit, () => 10),
    'lit-repeat',
  );
});

test('an owner is a dependency’s name or a kit package and module (a folder for its index)', () => {
  assert.equal(ownerOf('/r/node_modules/@lit/context/lib/x.js'), 'lit');
  assert.equal(ownerOf('/r/node_modules/idb-keyval/dist/index.js'), 'idb-keyval');
  assert.equal(ownerOf('/r/packages/sdk/src/outbox.ts'), 'sdk-outbox');
  assert.equal(ownerOf('/r/packages/core/src/schemas/index.ts'), 'core-schemas');
});

test('writes each tag’s chunks into the loader and a .br and .gz beside every script', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'embed-plugins-'));
  try {
    const src = join(dir, 'packages/elements/src');
    mkdirSync(src, { recursive: true });
    writeFileSync(join(src, 'shared.ts'), 'export const shared = () => "shared";\n');
    writeFileSync(join(src, 'deep.ts'), 'export const deep = () => "deep";\n');
    writeFileSync(
      join(src, 'define-a.ts'),
      'import { shared } from "./shared.ts";\nimport { deep } from "./deep.ts";\nexport const a = shared() + deep();\n',
    );
    writeFileSync(
      join(src, 'define-b.ts'),
      'import { shared } from "./shared.ts";\nexport const b = shared();\n',
    );
    writeFileSync(
      join(src, 'entry.ts'),
      `export const chunks = '${TAG_CHUNKS_MARKER}';\n` +
        'export const tags = { a: () => import("./define-a.ts"), b: () => import("./define-b.ts") };\n',
    );
    const out = join(dir, 'dist');
    const bundle = await rollup({
      input: { loader: join(src, 'entry.ts') },
      plugins: [tagChunks(), precompress()],
    });
    await bundle.write({
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: (chunk) => `parts/${chunkName(chunk)}-[hash].js`,
    });
    const loader = readFileSync(join(out, 'loader.js'), 'utf8');
    // The loader holds the map as a JSON string literal.
    const literal = /chunks = ("(?:[^"\\]|\\.)*")/.exec(loader)?.[1] ?? '""';
    const tags = JSON.parse(JSON.parse(literal));
    const files = readdirSync(join(out, 'parts'));
    const file = (prefix) =>
      `./parts/${files.find((f) => f.startsWith(prefix) && f.endsWith('.js'))}`;
    assert.deepEqual(Object.keys(tags), ['diary-a', 'diary-b']);
    assert.equal(tags['diary-a'][0], file('define-a-'));
    assert.ok(tags['diary-a'].includes(file('elements-shared')), JSON.stringify(tags));
    assert.deepEqual(tags['diary-b'], [file('define-b-'), file('elements-shared')]);
    for (const name of [
      'loader.js',
      ...files.filter((f) => f.endsWith('.js')).map((f) => `parts/${f}`),
    ]) {
      const code = readFileSync(join(out, name));
      assert.deepEqual(gunzipSync(readFileSync(join(out, `${name}.gz`))), code, name);
      assert.deepEqual(brotliDecompressSync(readFileSync(join(out, `${name}.br`))), code, name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
