#!/usr/bin/env node
// Runs the code examples of the docs and READMEs, so none of them rots: every ```ts block right
// after a `<!-- example: run -->` line is type-checked (strict) and run with Node against the
// workspace's sources (the SDK, core, and the server on a temporary database). First it checks
// the inventories (scripts/doc-inventory.mjs): a README table or layout block that lists the
// kit's packages or tags names every one that exists and none that does not; no guide names a
// package, tag or package folder that does not exist. Run by CI.
//
//   node scripts/check-doc-examples.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inventoryProblems, kitPackages, kitTags } from './doc-inventory.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sources = [
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'README.md')),
  join(root, 'README.md'),
].filter((file) => {
  try {
    return readFileSync(file, 'utf8').includes('<!-- example: run -->');
  } catch {
    return false;
  }
});

// ---- inventories --------------------------------------------------------------------------------
const packages = kitPackages(root);
const tags = kitTags(root);
const readmes = [
  join(root, 'README.md'),
  ...packages.map((p) => join(root, 'packages', p.dir, 'README.md')),
];
const guides = readdirSync(join(root, 'docs'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => join(root, 'docs', f));
const inventory = [...readmes, ...guides]
  .filter((file) => existsSync(file))
  .flatMap((file) =>
    inventoryProblems(readFileSync(file, 'utf8'), {
      where: relative(root, file),
      packages,
      tags,
      complete: readmes.includes(file),
    }),
  );
for (const problem of inventory) console.error(`✖ ${problem}`);
if (inventory.length === 0)
  console.log(
    `✔ the READMEs list all ${packages.length} packages and ${tags.length} tags, and no other`,
  );

const examples = [];
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/<!-- example: run -->\s*```ts\n([\s\S]*?)```/g)) {
    const line = text.slice(0, match.index).split('\n').length;
    examples.push({ where: `${relative(root, file)}:${line}`, code: match[1] });
  }
}

// Inside the repository, so `@school-diary/*` resolve to the workspace packages.
const dir = join(root, 'scripts', '.doc-examples');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const files = examples.map((example, i) => {
  const file = join(dir, `example-${i + 1}.ts`);
  writeFileSync(file, `// ${example.where}\nexport {};\n${example.code}`);
  return { ...example, file };
});

let failed = inventory.length;
try {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'preserve'];
  const more = ['--moduleResolution', 'bundler', '--customConditions', 'source', '--types', 'node'];
  const lib = ['--lib', 'es2023,dom,dom.iterable', '--skipLibCheck'];
  try {
    execFileSync(process.execPath, [tsc, ...flags, ...more, ...lib, ...files.map((f) => f.file)], {
      cwd: root,
      encoding: 'utf8',
    });
    console.log(`✔ ${files.length} examples type-check`);
  } catch (error) {
    failed += 1;
    console.error(`✖ the examples do not type-check:\n${error.stdout}`);
    for (const f of files) console.error(`  ${relative(root, f.file)} is ${f.where}`);
  }
  for (const example of files) {
    try {
      execFileSync(process.execPath, ['--conditions=source', '--import', 'tsx', example.file], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      console.log(`✔ ${example.where} runs`);
    } catch (error) {
      failed += 1;
      console.error(`✖ ${example.where} fails:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (examples.length === 0) throw new Error('no runnable examples found');
if (failed) process.exit(1);
