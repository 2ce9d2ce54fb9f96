// Test-only: runs the real `school-diary-server` CLI on a temporary demo database (not shipped;
// the SDK never imports the server). Plain JS so the web-test-runner config can use it too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../server/bin/school-diary-server.js', import.meta.url));

function waitForStart(child, output) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const url = /listening on (http:\/\/\S+)/.exec(output())?.[1];
      if (url && output().includes('Press Ctrl+C to stop.')) done(() => resolve(url));
    };
    const fail = (error) => done(() => reject(error));
    const exit = () => fail(new Error(`the diary server exited:\n${output()}`));
    const timer = setTimeout(
      () => fail(new Error(`the diary server did not start:\n${output()}`)),
      // Seeding the demo world takes ~3 s on an idle machine, but ~30 s on a shared, loaded one.
      90_000,
    );
    function done(settle) {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', exit);
      settle();
    }
    child.stdout.on('data', check);
    child.on('exit', exit);
  });
}

/**
 * Starts `school-diary-server --seed demo --dev` on a temporary SQLite file and resolves once it
 * listens. Call `stop()` when done.
 */
export async function startDiaryServer(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'diary-sdk-'));
  const args = [
    BIN,
    '--port',
    String(options.port ?? 0),
    '--db',
    join(dir, 'diary.sqlite'),
    '--seed',
    'demo',
    '--dev',
    '--auth-rate-limit',
    String(options.authRateLimit ?? 100_000),
    // Every browser test signs the demo parents in against this one server.
    '--codes-per-day',
    '100000',
    ...(options.corsOrigins ?? []).flatMap((origin) => ['--cors-origin', origin]),
  ];
  // A process group of its own: the bin starts the server as a child, and both must go.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let url;
  try {
    url = await waitForStart(child, () => out);
  } catch (error) {
    kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port: Number(new URL(url).port),
    dir,
    async stop() {
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A web-test-runner plugin: starts a diary server that allows the test page's origin, stops it
 * with the runner, and tells pages its URL at `/__diary-server-url`.
 */
export function diaryServerPlugin() {
  let server;
  return {
    name: 'diary-server',
    async serverStart({ config }) {
      const origins = ['localhost', '127.0.0.1'].map((host) => `http://${host}:${config.port}`);
      server = await startDiaryServer({ corsOrigins: origins });
    },
    async serverStop() {
      await server?.stop();
    },
    serve(context) {
      if (context.path === '/__diary-server-url')
        return { body: JSON.stringify({ url: server.url }), type: 'json' };
      return undefined;
    },
  };
}
