// Builds every package under packages/ to dist/: one ESM file per entry of its `exports` map
// (the `source` condition names the entry), with declarations. Dependencies stay external.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import typescript from '@rollup/plugin-typescript';
import { embedBuild } from './rollup.embed.mjs';
import { annotatePure } from './scripts/annotate-pure.mjs';
import { declarationExtensions } from './scripts/declaration-extensions.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

const packagesDir = new URL('./packages/', import.meta.url).pathname;
const ORDER = ['core', 'sdk', 'server', 'elements'];

function entriesOf(pkgDir) {
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const input = {};
  for (const target of Object.values(pkg.exports ?? {})) {
    if (typeof target === 'object' && target.source) {
      input[basename(target.source, '.ts')] = join(pkgDir, target.source);
    }
  }
  return input;
}

const isExternal = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

const packageBuilds = readdirSync(packagesDir)
  .filter((name) => existsSync(join(packagesDir, name, 'tsconfig.build.json')))
  .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
  .map((name) => {
    const dir = join(packagesDir, name);
    return {
      input: entriesOf(dir),
      external: isExternal,
      output: {
        dir: join(dir, 'dist'),
        format: 'es',
        sourcemap: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // core: one file per source module, so that a client bundler can split any of core's
        // modules into a lazily loaded chunk (the SDK loads the message catalogues on first use).
        ...(name === 'core' || name === 'sdk'
          ? { preserveModules: true, preserveModulesRoot: join(dir, 'src') }
          : {}),
      },
      plugins: [
        typescript({
          tsconfig: join(dir, 'tsconfig.build.json'),
          outDir: join(dir, 'dist'),
          declarationDir: join(dir, 'dist'),
          noEmitOnError: true,
          // `.js` on the declarations' relative imports, so nodenext consumers resolve them.
          transformers: { afterDeclarations: [declarationExtensions] },
        }),
        annotatePure(),
        // The widgets' lit templates without prettier's layout whitespace.
        ...(name === 'elements' ? [minifyTemplatesPlugin(/\/packages\/elements\/src\//)] : []),
      ],
      onwarn(warning, warn) {
        if (
          warning.code === 'CIRCULAR_DEPENDENCY' &&
          warning.ids?.every((id) => id.includes('node_modules'))
        )
          return;
        warn(warning);
      },
    };
  });

export default [...packageBuilds, embedBuild];
