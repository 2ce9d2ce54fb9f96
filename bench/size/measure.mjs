// Measures minified+gzip size of an ES module entry (bundled by rollup + terser).
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';

/**
 * Bundles `code` (an ES module source that imports what is measured) and returns byte sizes.
 * `external` lists package prefixes left out of the bundle (counted elsewhere).
 */
export async function measure(code, { external = [], cwd = process.cwd() } = {}) {
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
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const js = output
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n');
  return { minified: Buffer.byteLength(js), gzip: gzipSync(js, { level: 9 }).length };
}

/** Formats bytes as KB with one decimal. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
