#!/usr/bin/env node
// What each script of the one-script embed holds (run after `npm run build`): per file its gzip
// level 9 size, and the modules its bytes come from, read from the file's source map.
//
//   node bench/size/embed-where.mjs --tags provider,login      the chunks the loader preloads
//   node bench/size/embed-where.mjs --tags provider sdk-event-stream  and chunks by name (hash optional)
//   add --markdown for one table row per file (docs/benchmarks.md), --min 200 to hide small modules
//
// A module's share of a file's gzip is an estimate: each module's minified text is gzipped on its
// own and the file's real gzip size is shared out in proportion, so the shares add up.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { textBySource } from './source-map-bytes.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'packages/elements/dist');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const markdown = args.includes('--markdown');
const minShare = Number(option('min') ?? 150);
const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** The loader's map of tag → chunks (as bench/size/embed-size.mjs reads it). */
function tagChunks() {
  const loader = readFileSync(join(dist, 'diary-elements.js'), 'utf8');
  const literal = /(['"])(\{\\?"diary-(?:\\.|(?!\1).)*\})\1/.exec(loader);
  if (!literal) throw new Error('dist/diary-elements.js holds no tag chunks: run npm run build');
  const [, quote, text] = literal;
  return JSON.parse(quote === '"' ? JSON.parse(`"${text}"`) : text);
}

/** A source file as a reader names it: a dependency by package (and file), a kit module by path. */
function moduleOf(source) {
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(source);
  if (dep) {
    const file = dep[2].replace(/^(dist|distribution|development|v4)\//, '');
    return `${dep[1]}/${file}`;
  }
  const own = /packages\/([^/]+)\/src\/(.*)$/.exec(source);
  return own ? `${own[1]}/${own[2]}` : source;
}

/** A file of the build by its name, with or without its content hash (`sdk-event-stream`). */
function fileNamed(name) {
  const file = basename(name);
  if (file === 'diary-elements.js' || file.endsWith('.js')) return file;
  const found = readdirSync(join(dist, 'diary-elements')).find(
    (f) => f.endsWith('.js') && f.replace(/-[\w-]{8}\.js$/, '') === file,
  );
  if (!found) throw new Error(`the embed build has no chunk named ${file}`);
  return found;
}

/** The files asked for: the chunks the loader preloads for `--tags`, then the named ones. */
function filesToShow() {
  const files = new Set();
  const tags = option('tags');
  if (tags) {
    const chunks = tagChunks();
    files.add('diary-elements.js');
    for (const tag of tags.split(',')) {
      if (!chunks[`diary-${tag}`]) throw new Error(`the loader knows no <diary-${tag}>`);
      for (const file of chunks[`diary-${tag}`]) files.add(basename(file));
    }
  }
  const values = new Set(['tags', 'min'].map(option));
  for (const arg of args) if (!arg.startsWith('--') && !values.has(arg)) files.add(fileNamed(arg));
  return [...files];
}

/** A chunk's name without its content hash. */
const label = (file) => (file === 'diary-elements.js' ? file : file.replace(/-[\w-]{8}\.js$/, ''));
const pathOf = (file) =>
  file === 'diary-elements.js' ? join(dist, file) : join(dist, 'diary-elements', file);

let total = 0;
const rows = [];
for (const file of filesToShow()) {
  const path = pathOf(file);
  // The file as served, its source-map comment included; the comment counts as glue.
  const code = readFileSync(path, 'utf8');
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
  const base = resolve(dirname(path), map.sourceRoot ?? '');
  const text = textBySource(code, map, (s) => moduleOf(resolve(base, s)));
  const size = gzip(code);
  total += size;
  const alone = [...text].map(([name, t]) => [name, gzip(t)]);
  const aloneSum = alone.reduce((s, [, g]) => s + g, 0);
  const modules = alone
    .map(([name, g]) => [name, Math.round((g / aloneSum) * size)])
    .sort((a, b) => b[1] - a[1]);
  rows.push({ file, size, modules });
}

const shown = (modules) => {
  const big = modules.filter(([, g]) => g >= minShare);
  const rest = modules.length - big.length;
  const restBytes = modules.slice(big.length).reduce((s, [, g]) => s + g, 0);
  const parts = big.map(([name, g]) => `${name} ${g}`);
  if (rest) parts.push(`${rest} more ${restBytes}`);
  return parts.join(', ');
};
if (markdown) {
  console.log('| script | gzip B | what it holds (gzip share B) |\n|---|---|---|');
  for (const { file, size, modules } of rows)
    console.log(`| ${label(file)} | ${size} | ${shown(modules)} |`);
  console.log(`| ${rows.length} scripts | ${total} (${(total / 1024).toFixed(1)} KB) | |`);
} else {
  for (const { file, size, modules } of rows) {
    console.log(`${file}: ${size} B gzip`);
    for (const [name, g] of modules)
      if (g >= minShare) console.log(`  ${String(g).padStart(6)}  ${name}`);
  }
  console.log(`${rows.length} files, ${total} B = ${(total / 1024).toFixed(1)} KB gzip`);
}
