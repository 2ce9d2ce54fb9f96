#!/usr/bin/env node
// Where the bytes of a bundle go (run after `npm run build`). Bundles an entry exactly as
// measure.mjs does (rollup + node-resolve + terser), with a source map, and attributes every
// byte of the minified output to the module it came from.
//
//   node bench/size/where.mjs "export * from '@school-diary/sdk';"
//   node bench/size/where.mjs "export { routes } from '@school-diary/core';" --external zod --top 20
//   node bench/size/where.mjs "import '@school-diary/elements/define';" --inline --packages
//
// "minified" is exact (bytes of the minified bundle mapped to the module). "gzip share" is an
// estimate: each module's minified text is gzipped on its own and the total gzip of the bundle is
// shared out in proportion, so the column adds up to the real total.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync } from 'node:fs';
import { kb } from './measure.mjs';
import { decodeLine } from './source-map-bytes.mjs';

const args = process.argv.slice(2);
const code = args[0];
if (!code || code.startsWith('--')) {
  console.error('usage: node bench/size/where.mjs "<entry source>" [--external a,b] [--top N]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : args[i + 1];
};
const external = option('external', '').split(',').filter(Boolean);
const top = Number(option('top', '30'));
// --inline: one bundle, dynamic imports inlined (as the issues' "as one bundle" budgets count).
const inline = args.includes('--inline');
// --packages: one row per package (lit, zod, @school-diary/core …) instead of per module.
const byPackage = args.includes('--packages');

/** The module group a source path belongs to: a package's file, or a dependency's package. */
function groupOf(source) {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  const own = /packages\/([^/]+)\/(?:src|dist)\/(.*)$/.exec(source);
  if (dep && !byPackage) return `${dep[1]}/${dep[2].replace(/^(dist|distribution|v4)\//, '')}`;
  if (byPackage) {
    if (dep) return dep[1];
    return own ? `@school-diary/${own[1]}` : source;
  }
  return own ? `@school-diary/${own[1]}/${own[2]}` : source;
}

const EXPORT_LIST = '(export list: the names of the exports)';
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
    {
      // The packages' dist files carry source maps: follow them back to src/ so that a module
      // of the report is a source file, not a rollup chunk.
      name: 'dist-source-maps',
      load(id) {
        if (!/\/packages\/[^/]+\/dist\/.*\.js$/.test(id) || !existsSync(`${id}.map`)) return null;
        return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
      },
    },
    nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] }),
    terser({ format: { comments: false } }),
  ],
  onwarn: () => {},
});
const { output } = await bundle.generate({
  format: 'es',
  sourcemap: true,
  inlineDynamicImports: inline,
});
await bundle.close();

const text = new Map();
let whole = '';
for (const chunk of output) {
  if (chunk.type !== 'chunk') continue;
  whole += `${chunk.code}\n`;
  const kind = chunk.isEntry ? 'entry' : chunk.isDynamicEntry ? 'loaded on first use' : 'shared';
  const gz = gzipSync(chunk.code, { level: 9 }).length;
  console.log(
    `chunk ${chunk.fileName} (${kind}): ${kb(Buffer.byteLength(chunk.code))}, ${kb(gz)} gzip`,
  );
  const sources = chunk.map.sources.map(groupOf);
  const state = { source: 0 };
  const lines = chunk.code.split('\n');
  // The chunk's closing `export{a as name,…}` has no mapping of its own: without this it would be
  // counted to whichever module ends the chunk. It is the bundle's list of exported names.
  const exportList = /export\s*\{[^}]*\};?(?=\s*(\/\/# sourceMappingURL=\S*\s*)?$)/.exec(
    chunk.code,
  );
  const exportLine = exportList ? chunk.code.slice(0, exportList.index).split('\n').length - 1 : -1;
  const exportColumn = exportList
    ? exportList.index - chunk.code.lastIndexOf('\n', exportList.index) - 1
    : 0;
  if (exportList) text.set(EXPORT_LIST, (text.get(EXPORT_LIST) ?? '') + exportList[0]);
  chunk.map.mappings.split(';').forEach((mapping, n) => {
    const line = lines[n] ?? '';
    const limit = n === exportLine ? exportColumn : line.length;
    const segments = decodeLine(mapping, state);
    segments.forEach(([column, source], i) => {
      const end = Math.min(segments[i + 1]?.[0] ?? line.length, limit);
      if (column >= end) return;
      const name = source === -1 ? '(glue)' : (sources[source] ?? '(glue)');
      text.set(name, (text.get(name) ?? '') + line.slice(column, end));
    });
  });
}
const totalGzip = gzipSync(whole, { level: 9 }).length;
const rows = [...text].map(([name, t]) => ({
  name,
  minified: Buffer.byteLength(t),
  alone: gzipSync(t, { level: 9 }).length,
}));
const aloneSum = rows.reduce((sum, r) => sum + r.alone, 0);
rows.sort((a, b) => b.alone - a.alone);
console.log(`total: ${kb(Buffer.byteLength(whole))} minified, ${kb(totalGzip)} gzip\n`);
console.log('| module | minified | gzip share (estimate) |\n|---|---|---|');
for (const r of rows.slice(0, top)) {
  console.log(`| ${r.name} | ${kb(r.minified)} | ${kb((r.alone / aloneSum) * totalGzip)} |`);
}
if (rows.length > top) {
  const rest = rows.slice(top);
  const min = rest.reduce((s, r) => s + r.minified, 0);
  const gz = rest.reduce((s, r) => s + r.alone, 0);
  console.log(`| ${rest.length} more | ${kb(min)} | ${kb((gz / aloneSum) * totalGzip)} |`);
}
