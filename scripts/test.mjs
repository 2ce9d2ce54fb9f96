#!/usr/bin/env node
// Runs every package's tests: Node's built-in runner for *.test.ts outside the browser packages.
// Browser tests (*.browser.test.ts and the elements package) join through @web/test-runner once they exist.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

const packagesDir = join(root, 'packages');
const nodeTests = [];
for (const pkg of readdirSync(packagesDir)) {
  const src = join(packagesDir, pkg, 'src');
  if (pkg === 'elements' || !existsSync(src)) continue;
  for (const file of walk(src)) {
    if (file.endsWith('.test.ts') && !file.endsWith('.browser.test.ts')) nodeTests.push(file);
  }
}
const selected = only.length
  ? nodeTests.filter((f) => only.some((o) => relative(root, f).includes(o)))
  : nodeTests;
if (selected.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...selected],
  { stdio: 'inherit', cwd: root },
);
process.exit(run.status ?? 1);
