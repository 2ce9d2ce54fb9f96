// Keeps the READMEs' inventories true: a table that lists the kit's packages or tags, or a layout
// block that lists `packages/…`, must name every one that exists and none that does not. The
// packages come from packages/*/package.json, the tags from the elements' define entries (the
// files that register them). Used by scripts/check-doc-examples.mjs (`npm run docs:examples`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The workspace's packages: `{ name, dir }` from each packages/<dir>/package.json. */
export function kitPackages(root) {
  return readdirSync(join(root, 'packages'))
    .filter((dir) => existsSync(join(root, 'packages', dir, 'package.json')))
    .map((dir) => ({
      dir,
      name: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')).name,
    }));
}

/** The tags the elements register: every `defineElement('diary-…')` of a define entry. */
export function kitTags(root) {
  const src = join(root, 'packages/elements/src');
  const tags = new Set();
  for (const file of readdirSync(src).filter((f) => /^define(-[\w-]+)?\.ts$/.test(f)))
    for (const [, tag] of readFileSync(join(src, file), 'utf8').matchAll(
      /(?:defineElement|customElements\.define)\(\s*['"](diary-[\w-]+)['"]/g,
    ))
      tags.add(tag);
  return [...tags].sort();
}

const PACKAGE = /@school-diary\/[\w-]+/g;
const TAG = /<(diary-[\w-]+)>/g;

/** The tables of a markdown text: each a list of rows, each a list of cells (separator left out). */
function tablesOf(text) {
  const tables = [];
  let current;
  for (const line of text.split('\n')) {
    if (!line.trimStart().startsWith('|')) {
      current = undefined;
      continue;
    }
    if (/^\s*\|[\s|:-]+\|\s*$/.test(line)) continue;
    if (!current) tables.push((current = []));
    current.push(
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|'),
    );
  }
  return tables;
}

/** The layout blocks of a markdown text: fenced blocks (no language, or `text`) naming packages/. */
function layoutBlocksOf(text) {
  const blocks = [];
  let fence;
  for (const line of text.split('\n')) {
    const marker = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (!fence && marker) fence = { marker: marker[1], language: marker[2], lines: [] };
    else if (fence && marker && line.trim() === fence.marker) {
      const body = fence.lines.join('\n');
      if (['', 'text'].includes(fence.language) && /^packages\/[\w-]+/m.test(body))
        blocks.push(body);
      fence = undefined;
    } else fence?.lines.push(line);
  }
  return blocks;
}

const missingAndUnknown = (what, named, known, where) => {
  const problems = [];
  for (const name of known) if (!named.has(name)) problems.push(`${where} omits ${what} ${name}`);
  for (const name of named)
    if (!known.includes(name))
      problems.push(`${where} names ${what} ${name}, which does not exist`);
  return problems;
};

/**
 * What is wrong with the inventories of one markdown file. `complete`: whether its tables and
 * layout blocks must list every package and tag (READMEs), or only name none that is missing.
 */
export function inventoryProblems(text, { where, packages, tags, complete = true }) {
  const names = packages.map((p) => p.name);
  const dirs = packages.map((p) => p.dir);
  const problems = [];
  for (const [i, rows] of tablesOf(text).entries()) {
    const at = `${where}, table ${i + 1}`;
    const first = (pattern) => {
      const found = new Set();
      let rowsNaming = 0;
      for (const cells of rows) {
        const hits = [...(cells[0] ?? '').matchAll(pattern)].map((m) => m[1] ?? m[0]);
        if (hits.length) rowsNaming += 1;
        for (const hit of hits) found.add(hit);
      }
      return { found, rowsNaming };
    };
    const pkgs = first(PACKAGE);
    const tagged = first(TAG);
    if (complete && pkgs.rowsNaming >= 2)
      problems.push(...missingAndUnknown('package', pkgs.found, names, at));
    if (complete && tagged.rowsNaming >= 2)
      problems.push(...missingAndUnknown('tag', tagged.found, tags, at));
    // Anywhere in any table: no package or tag that does not exist.
    const cells = rows.flat().join(' ');
    for (const [name] of cells.matchAll(PACKAGE))
      if (!names.includes(name)) problems.push(`${at} names package ${name}, which does not exist`);
    for (const [, tag] of cells.matchAll(TAG))
      if (!tags.includes(tag)) problems.push(`${at} names tag <${tag}>, which does not exist`);
  }
  for (const [i, block] of layoutBlocksOf(text).entries()) {
    const named = new Set([...block.matchAll(/^(packages\/[\w-]+)/gm)].map((m) => m[1]));
    const folders = dirs.map((dir) => `packages/${dir}`);
    const at = `${where}, layout block ${i + 1}`;
    if (complete) problems.push(...missingAndUnknown('folder', named, folders, at));
    else
      for (const folder of named)
        if (!folders.includes(folder))
          problems.push(`${at} names folder ${folder}, which does not exist`);
  }
  return [...new Set(problems)];
}
