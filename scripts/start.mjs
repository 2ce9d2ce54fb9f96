#!/usr/bin/env node
// The product's main command: builds the one-script embed when its sources changed, then starts
// the reference server with the demo school world on an embedded SQLite file, in dev mode
// (one-time codes readable at /api/v1/dev/outbox), serving the example school site at / and the
// embed at /embed/diary-elements.js. Extra args pass through to the server (e.g. --port 0).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const bundle = join(root, 'packages/elements/dist/diary-elements.js');

/** Newest modification time under a directory (tests and stories do not reach the bundle). */
function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist' || /\.(test|stories)\.ts$/.test(name)) continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

function embedIsStale() {
  if (!existsSync(bundle)) return true;
  const inputs = [
    'packages/core/src',
    'packages/sdk/src',
    'packages/elements/src',
    'rollup.embed.mjs',
    'scripts/minify-templates.mjs',
  ];
  const sources = Math.max(...inputs.map((p) => newest(join(root, p))));
  return sources > statSync(bundle).mtimeMs;
}

if (embedIsStale()) {
  console.log('Building the one-script embed (packages/elements/dist/diary-elements.js)…');
  const build = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/rollup/dist/bin/rollup'),
      '-c',
      join(root, 'rollup.embed.mjs'),
      '--silent',
    ],
    { stdio: 'inherit', cwd: root },
  );
  if (build.status !== 0) {
    console.error('npm start: the embed build failed (see above)');
    process.exit(build.status ?? 1);
  }
}

/**
 * The demo identity provider (packages/server/src/testing/demo-oidc-provider.ts) in a process of
 * its own, and the server's `--oidc-config` naming it «Демо-ID». DIARY_DEMO_OIDC=0 leaves it out.
 */
async function demoProvider() {
  if (process.env.DIARY_DEMO_OIDC === '0') return { args: [], child: null };
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      join(root, 'packages/server/src/testing/demo-oidc-provider.ts'),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: root },
  );
  const lines = createInterface({ input: child.stdout });
  const issuer = await new Promise((resolve, reject) => {
    lines.on('line', (line) => line.startsWith('issuer ') && resolve(line.slice(7)));
    child.on('exit', () => reject(new Error('the demo identity provider stopped')));
  });
  const dir = mkdtempSync(join(tmpdir(), 'diary-demo-oidc-'));
  writeFileSync(join(dir, 'secret'), 'demo-client-secret');
  const providers = [
    {
      name: 'demo',
      title: 'Демо-ID',
      issuer,
      clientId: 'school-diary-demo',
      clientSecretFile: join(dir, 'secret'),
    },
  ];
  writeFileSync(join(dir, 'oidc.json'), JSON.stringify({ providers }));
  console.log(`Demo identity provider: ${issuer} (button «Войти через Демо-ID»)`);
  return { args: ['--oidc-config', join(dir, 'oidc.json')], child };
}

const demo = await demoProvider();
const args = [
  `${root}packages/server/bin/school-diary-server.js`,
  // DIARY_DEMO_SEED=0: the database as it is (a school made with `create-school`), no demo world.
  ...(process.env.DIARY_DEMO_SEED === '0' ? [] : ['--seed', 'demo']),
  '--dev',
  '--db',
  process.env.DIARY_DB ?? `${root}diary.sqlite`,
  '--site',
  `${root}examples/school-site`,
  '--embed-dir',
  `${root}packages/elements/dist`,
  ...demo.args,
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    child.kill(signal);
    demo.child?.kill(signal);
  });
child.on('exit', (code, signal) => {
  demo.child?.kill();
  process.exit(code ?? (signal ? 1 : 0));
});
