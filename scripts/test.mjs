#!/usr/bin/env node
// Runs every package's tests: Node's built-in runner for *.test.ts outside the browser packages,
// then @web/test-runner in headless Chromium for *.browser.test.ts (found or installed first),
// then the end-to-end tests (*.e2e.test.ts: the examples' `npm start`, and packages' own pages,
// driven by playwright-core).
// Arguments filter the test files by path, e.g. `node scripts/test.mjs sdk`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
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
const browserTests = [];
const e2eTests = [...walk(join(root, 'examples'))].filter((f) => f.endsWith('.e2e.test.ts'));
for (const pkg of readdirSync(packagesDir)) {
  const src = join(packagesDir, pkg, 'src');
  if (!existsSync(src)) continue;
  for (const file of walk(src)) {
    // A package's *.e2e.test.ts drives Chromium from Node, as the examples' end-to-end tests do;
    // the elements package's other tests all run in the browser.
    if (file.endsWith('.e2e.test.ts')) e2eTests.push(file);
    else if (file.endsWith('.browser.test.ts') || (pkg === 'elements' && file.endsWith('.test.ts')))
      browserTests.push(file);
    else if (file.endsWith('.test.ts') && pkg !== 'elements') nodeTests.push(file);
  }
}
// The build scripts' own tests (scripts/*.test.mjs) run under Node too.
for (const name of readdirSync(join(root, 'scripts')))
  if (name.endsWith('.test.mjs')) nodeTests.push(join(root, 'scripts', name));
const pick = (files) =>
  only.length ? files.filter((f) => only.some((o) => relative(root, f).includes(o))) : files;
const selectedNode = pick(nodeTests);
const selectedBrowser = pick(browserTests);
const selectedE2e = pick(e2eTests);
if (selectedNode.length === 0 && selectedBrowser.length === 0 && selectedE2e.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

if (selectedNode.length > 0) {
  const run = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...selectedNode],
    { stdio: 'inherit', cwd: root },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}

// The server suite again on PostgreSQL (one suite, two backends): the files that start servers
// through the test harness, each server on a fresh database copied from a migrated template.
const pgFiles = selectedNode.filter(
  (f) =>
    relative(root, f).startsWith('packages/server/') &&
    /startTestServer|DIARY_TEST_PG_URL|testPostgresUrl/.test(readFileSync(f, 'utf8')),
);
if (pgFiles.length > 0 && !process.env.DIARY_TEST_PG_URL) {
  console.log(
    'PostgreSQL pass skipped: DIARY_TEST_PG_URL is not set (scripts/pg-test-cluster.sh start prints it).',
  );
} else if (pgFiles.length > 0) {
  const started = Date.now();
  const runId = `r${started.toString(36)}`;
  console.log(`== server tests on PostgreSQL (${pgFiles.length} files)`);
  const run = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      `--test-concurrency=${process.env.DIARY_TEST_PG_CONCURRENCY ?? 2}`,
      ...pgFiles,
    ],
    {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, DIARY_TEST_BACKEND: 'postgres', DIARY_TEST_RUN_ID: runId },
    },
  );
  spawnSync(
    process.execPath,
    [join(root, 'scripts/pg-drop-templates.mjs'), process.env.DIARY_TEST_PG_URL, runId],
    { stdio: 'inherit', cwd: root },
  );
  console.log(`PostgreSQL pass took ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** Chromium for the browser tests: CHROME_PATH, a usual install, or Debian's package (as root). */
function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    console.log('Chromium not found: installing it (apt-get install -y chromium)…');
    const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
      stdio: 'inherit',
    });
    if (install.status === 0 && existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.error(
    'Browser tests need Chromium: install it (Debian: `apt-get install -y chromium`) or set CHROME_PATH.',
  );
  process.exit(1);
}

if (selectedBrowser.length > 0) {
  const chrome = findChromium();
  const wtr = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@web/test-runner/dist/bin.js'),
      ...selectedBrowser.map((f) => relative(root, f)),
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (wtr.status !== 0) process.exit(wtr.status ?? 1);
}

if (selectedE2e.length > 0) {
  const chrome = findChromium();
  const e2e = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--test', '--test-reporter=spec', ...selectedE2e],
    { stdio: 'inherit', cwd: root, env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (e2e.status !== 0) process.exit(e2e.status ?? 1);
}
