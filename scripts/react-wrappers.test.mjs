// The generated React wrappers as a bundler sees them: each `@school-diary/elements/react/<name>`
// entry bundled on its own (esbuild, from the TypeScript sources) must contain its own element's
// module and no other element's, and register only its own tag; `./react` must still have all.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const elements = join(root, 'packages/elements');
const pkg = JSON.parse(readFileSync(join(elements, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(elements, 'custom-elements.json'), 'utf8'));
/** Every tag and the source module of its element class, from the manifest. */
const tags = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.tagName).map((d) => ({ tag: d.tagName, path: m.path })),
);

/** Bundles one export of the package as an app would import it; returns its modules and code. */
async function bundle(entry) {
  const result = await build({
    stdin: {
      contents: `export * from '@school-diary/elements${entry.slice(1)}';`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    conditions: ['source'],
    external: ['react', 'react-dom'],
    logLevel: 'silent',
  });
  const modules = Object.keys(result.metafile.inputs).map((p) =>
    p.replace(/^(\.\.\/)+/, '').replace(/^.*?(packages\/)/, '$1'),
  );
  return { modules, code: result.outputFiles[0].text };
}

/** Tags the bundle registers: `defineElement('diary-x', …)` calls left in the code. */
const definedTags = (code) =>
  [...code.matchAll(/defineElement\(\s*["'](diary-[\w-]+)["']/g)].map((m) => m[1]).sort();

const wrapperEntries = Object.keys(pkg.exports).filter((key) => key.startsWith('./react/'));

describe('per-element React wrappers', () => {
  it('has one ./react/<name> export per tag of the manifest', () => {
    assert.deepEqual(
      wrapperEntries.sort(),
      tags.map((t) => `./react/${t.tag.replace(/^diary-/, '')}`).sort(),
    );
    for (const key of wrapperEntries) {
      const name = key.slice('./react/'.length);
      assert.deepEqual(pkg.exports[key], {
        source: `./src/react-${name}.ts`,
        types: `./dist/react-${name}.d.ts`,
        default: `./dist/react-${name}.js`,
      });
    }
  });

  for (const { tag, path } of tags) {
    const entry = `./react/${tag.replace(/^diary-/, '')}`;
    it(`${entry} bundles <${tag}> and no other widget`, async () => {
      const { modules, code } = await bundle(entry);
      assert.ok(modules.includes(path), `${path} is missing from ${modules.join(', ')}`);
      const others = tags.filter((t) => t.path !== path && modules.includes(t.path));
      assert.deepEqual(
        others.map((t) => t.path),
        [],
        `${entry} pulls in other widgets`,
      );
      assert.deepEqual(definedTags(code), [tag]);
      assert.ok(
        modules.some((m) => m.includes('@lit/react/')),
        `${entry} does not bundle @lit/react`,
      );
    });
  }

  it('./react still bundles and registers every widget', async () => {
    const { modules, code } = await bundle('./react');
    for (const { path } of tags) assert.ok(modules.includes(path), `${path} missing`);
    assert.deepEqual(definedTags(code), tags.map((t) => t.tag).sort());
  });

  it('the committed wrappers match the manifest (react-wrappers --check)', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/react-wrappers.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
  });
});
