// Rollup plugins of the one-script embed (rollup.embed.mjs):
// - chunkName: names a shared chunk by what it holds (`lit.elements-theme`, `zod.core-rule`),
//   not by the first module rollup happened to split it from;
// - tagChunks: writes, into the loader, each tag's chunks (its define chunk and everything that
//   imports statically), so the loader preloads them at once instead of one level at a time;
// - precompress: writes a `.br` and a `.gz` beside every script of the build, at the highest
//   level, for servers that send precompressed files.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import MagicString from 'magic-string';
import { basename, dirname, join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The marker in packages/elements/src/embed/tag-chunks.ts that the build replaces. */
export const TAG_CHUNKS_MARKER = '__DIARY_TAG_CHUNKS__';

/** Which package a module belongs to: a dependency's name, or one of the kit's packages. */
export function ownerOf(id) {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
  if (dependency)
    return /^(@lit\/|lit$|lit-html$|lit-element$)/.test(dependency) ? 'lit' : dependency;
  const own = /packages\/([^/]+)\/src\/(.+)$/.exec(id);
  if (!own) return basename(id).replace(/\.\w+$/, '');
  const [, pkg, file] = own;
  const name = basename(file).replace(/\.\w+$/, '');
  // A folder's index says less than the folder's name.
  const module = name === 'index' ? basename(dirname(file)) : name;
  return `${pkg}-${module}`;
}

const sourceSize = (id) => {
  try {
    return statSync(id).size;
  } catch {
    return 1;
  }
};

/**
 * The name of a chunk (rollup's `chunkFileNames` gets it) from what it holds: a define entry
 * keeps its name; a shared chunk is named by the owners of its code, the biggest sources first
 * (a dependency by its name, a kit module as `<package>-<module>`), at most three.
 */
export function chunkName(chunk, size = sourceSize) {
  if (chunk.isDynamicEntry && /\/define-[\w-]+\.ts$/.test(chunk.facadeModuleId ?? ''))
    return chunk.name;
  const bytes = new Map();
  for (const id of chunk.moduleIds) {
    const length = size(id);
    const owner = ownerOf(id);
    bytes.set(owner, (bytes.get(owner) ?? 0) + length);
  }
  const owners = [...bytes].sort((a, b) => b[1] - a[1]).map(([owner]) => owner);
  // One dependency alone: say which part of it (`lit-repeat`, not a third `lit`).
  if (owners.length === 1 && !/^(core|sdk|elements)-/.test(owners[0])) {
    const biggest = [...chunk.moduleIds].sort((a, b) => size(b) - size(a))[0] ?? '';
    const part = basename(biggest).replace(/\.\w+$/, '');
    return part === 'index' || part.startsWith(owners[0]) ? owners[0] : `${owners[0]}-${part}`;
  }
  // Kit modules of one package read as one: keep the package's biggest module only.
  const seen = new Set();
  const parts = owners.filter((owner) => {
    const pkg = owner.split('-')[0];
    if (/^(core|sdk|elements)$/.test(pkg)) {
      if (seen.has(pkg)) return false;
      seen.add(pkg);
    }
    return true;
  });
  return parts.slice(0, 3).join('.') || chunk.name;
}

/** The static imports of a chunk, transitively, itself first. */
function closure(file, chunks, seen = new Set()) {
  if (seen.has(file) || !chunks[file]) return seen;
  seen.add(file);
  for (const imported of chunks[file].imports) closure(imported, chunks, seen);
  return seen;
}

/**
 * Writes each tag's chunks into the entry chunk in place of {@link TAG_CHUNKS_MARKER}. A tag is
 * known by its define module (`define-<name>.ts` → `<diary-name>`).
 */
export function tagChunks() {
  return {
    name: 'tag-chunks',
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.isEntry || !code.includes(TAG_CHUNKS_MARKER)) return null;
      const tags = {};
      for (const file of chunk.dynamicImports) {
        // Rollup may merge a define module into a shared chunk: look for it among the modules.
        for (const id of meta.chunks[file]?.moduleIds ?? []) {
          const define = /\/define-([\w-]+)\.ts$/.exec(id)?.[1];
          if (!define) continue;
          tags[`diary-${define}`] = [...closure(file, meta.chunks)].map(
            (f) => `./${posix.relative(posix.dirname(chunk.fileName), f)}`,
          );
        }
      }
      // The marker is a string literal in the source ('…' or "…"): replace it quotes and all.
      const found = new RegExp(`(['"])${TAG_CHUNKS_MARKER}\\1`).exec(code);
      if (!found) return this.error('tag-chunks: the marker is not a string literal');
      const out = new MagicString(code);
      out.overwrite(
        found.index,
        found.index + found[0].length,
        JSON.stringify(JSON.stringify(tags)),
      );
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
  };
}

/** Writes `<file>.br` and `<file>.gz` beside every script the build wrote. */
export function precompress() {
  return {
    name: 'precompress',
    writeBundle(options, bundle) {
      const dir = options.dir ?? dirname(options.file);
      // Source maps are fetched by developer tools only: sent as they are.
      for (const fileName of Object.keys(bundle).filter((name) => !name.endsWith('.map'))) {
        const path = join(dir, fileName);
        const content = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(content, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            },
          }),
        );
      }
    },
  };
}
