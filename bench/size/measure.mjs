// Measures minified+gzip size of an ES module entry (bundled by rollup + terser).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';

/**
 * Bundles `code` (an ES module source that imports what is measured) and returns byte sizes:
 * `minified`/`gzip` of every chunk together, `initialMinified`/`initialGzip` of what loads with
 * the page (without the chunks loaded on first use by dynamic `import()`), `lazy` whether any is.
 * `external` lists package prefixes left out of the bundle (counted elsewhere).
 * `inlineDynamicImports` bundles what a dynamic `import()` reaches into the one output file: for
 * measuring a package's own code once, without the export lists a split into chunks adds.
 */
export async function measure(
  code,
  { external = [], cwd = process.cwd(), inlineDynamicImports = false } = {},
) {
  const virtualId = '\0size-entry.js';
  const bundle = await rollup({
    input: virtualId,
    external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
    plugins: [
      {
        name: 'virtual',
        resolveId: (id) => (id === virtualId ? id : null),
        load: (id) => (id === virtualId ? code : null),
      },
      nodeResolve({
        browser: true,
        rootDir: cwd,
        exportConditions: ['browser', 'import', 'default'],
      }),
      terser({ format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports });
  await bundle.close();
  const chunks = output.filter((o) => o.type === 'chunk');
  const js = chunks.map((o) => o.code).join('\n');
  // What the page loads up front: the entry chunk and the chunks it imports statically. The
  // rest (dynamic `import()`s) loads on first use; `minified`/`gzip` count everything.
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const initial = new Set();
  const visit = (chunk) => {
    if (!chunk || initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const initialJs = [...initial].map((o) => o.code).join('\n');
  const initialGzip = gzipSync(initialJs, { level: 9 }).length;
  // A chunk loaded on first use is its own request, compressed on its own.
  const lazyGzip = chunks
    .filter((c) => !initial.has(c))
    .reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0);
  return {
    minified: Buffer.byteLength(js),
    gzip: initialGzip + lazyGzip,
    initialMinified: Buffer.byteLength(initialJs),
    initialGzip,
    lazy: initial.size < chunks.length,
  };
}

/** Formats bytes as KB with one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
