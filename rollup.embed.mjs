// The one-script-tag build: packages/elements/dist/diary-elements.js, everything bundled (lit,
// the SDK, core, zod/mini) and minified. Each element's define entry is a dynamic import in the
// loader, so rollup splits it into a chunk under dist/diary-elements/, fetched when its tag
// first appears together with every chunk it imports (the loader holds that list and preloads
// them at once). Shared chunks are named by what they hold; every script gets a `.br` and a
// `.gz` sibling for servers that send precompressed files (scripts/embed-plugins.mjs). Built straight from the TypeScript sources (the `source` export condition;
// type-checking is `npm run lint`'s job), so `npm start` can build it alone in seconds.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import ts from 'typescript';
import { annotatePure } from './scripts/annotate-pure.mjs';
import { chunkName, precompress, tagChunks } from './scripts/embed-plugins.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const elements = new URL('./packages/elements/', import.meta.url).pathname;

/** Strips the types of workspace TypeScript sources (isolatedModules holds, so this is exact). */
const stripTypes = {
  name: 'strip-types',
  transform(code, id) {
    if (!id.endsWith('.ts')) return null;
    const out = ts.transpileModule(code, {
      fileName: id,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        sourceMap: true,
      },
    });
    return { code: out.outputText, map: out.sourceMapText };
  },
};

/** Chunks carry content hashes: drop the previous build's, so only what the entry loads stays. */
const cleanChunks = {
  name: 'clean-chunks',
  buildStart() {
    rmSync(`${elements}dist/diary-elements`, { recursive: true, force: true });
  },
};

export const embedBuild = {
  input: { 'diary-elements': `${elements}src/embed.ts` },
  output: {
    dir: `${elements}dist`,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    // lit is on every page with a widget: one chunk, not one per directive a widget first used.
    manualChunks: (id) =>
      /\/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(id) ? 'lit' : undefined,
    chunkFileNames: (chunk) => `diary-elements/${chunkName(chunk)}-[hash].js`,
  },
  plugins: [
    cleanChunks,
    nodeResolve({
      browser: true,
      extensions: ['.ts', '.mjs', '.js', '.json'],
      exportConditions: ['source', 'browser', 'import', 'default'],
    }),
    stripTypes,
    annotatePure(),
    minifyTemplatesPlugin(/\/packages\/elements\/src\//),
    tagChunks(),
    terser({ format: { comments: false } }),
    precompress(),
  ],
  onwarn(warning, warn) {
    // zod's own circular imports and comments are harmless and not ours to fix.
    if (warning.ids?.every((id) => id.includes('node_modules'))) return;
    if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
    warn(warning);
  },
};

export default embedBuild;
