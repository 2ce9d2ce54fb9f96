#!/usr/bin/env node
// Server reads benchmark: the real diary server against a bare node:http server returning the same
// bytes precomputed (the ceiling), in one run, with autocannon. Writes docs/benchmarks.md.
// Options: --check (exit 1 below target), --duration S, --warmup S, --connections N, --no-write,
// --runs N (N interleaved rounds; each read reports the round with its median ratio, default 3),
// --only TEXT (only the reads whose name contains TEXT; implies --no-write).
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { CHILD, ENCODINGS, getRaw, SITE_ORIGIN, targetsOf } from './reads.mjs';
import { contextLine, resultsTable, section, writeSection } from './report.mjs';
import {
  fillMarks,
  groupCpuMs,
  login,
  seedDemoDatabase,
  spawnServer,
  startDiaryServer,
} from './servers.mjs';

const TARGETS = { ratio: 0.6, p99: 20 };
const PARENT = { phone: '+79990000001', password: 'school-diary-demo' };
/** A school year of marks, as the issue asks for. */
const YEAR_OF_MARKS = 1000;
const DOCS = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const CEILING = fileURLToPath(new URL('./ceiling.mjs', import.meta.url));
/** Headers that belong to a connection or a moment, not to the response. */
const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
function textOption(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const run = {
  check: process.argv.includes('--check'),
  only: textOption('only'),
  write: !process.argv.includes('--no-write') && textOption('only') === undefined,
  runs: option('runs', 3),
  duration: option('duration', 10),
  warmup: option('warmup', 3),
  connections: option('connections', 50),
};

/** The exact response of the real server for each read, for the ceiling to replay. */
async function snapshot(url, targets) {
  for (const target of targets) {
    const { res, body } = await getRaw(url + target.path, target.headers);
    if (res.statusCode !== 200) throw new Error(`GET ${target.path}: ${res.statusCode}`);
    if ((res.headers['content-encoding'] ?? 'identity') !== target.encoding)
      throw new Error(`${target.name}: answered ${res.headers['content-encoding']}`);
    target.body = body;
    target.response = Object.fromEntries(
      Object.entries(res.headers).filter(([k]) => !HOP_HEADERS.has(k)),
    );
    const json =
      target.encoding === 'br'
        ? brotliDecompressSync(body)
        : target.encoding === 'gzip'
          ? gunzipSync(body)
          : body;
    if (res.headers['access-control-allow-origin'] !== SITE_ORIGIN)
      throw new Error(`${target.name}: no CORS answer for ${SITE_ORIGIN}`);
    target.jsonBytes = json.length;
    target.items = (JSON.parse(json.toString()).items ?? []).length;
  }
}

async function cannon(url, headers, seconds, group) {
  const cpuBefore = group === undefined ? undefined : groupCpuMs(group);
  const result = await autocannon({
    url,
    connections: run.connections,
    duration: seconds,
    headers,
  });
  if (result.non2xx || result.errors || result.timeouts)
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  const cpuAfter = group === undefined ? undefined : groupCpuMs(group);
  const cpuUs =
    cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? undefined
      : Math.round(((cpuAfter - cpuBefore) * 1000) / result.requests.total);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ...(cpuUs === undefined ? {} : { cpuUs }),
  };
}

/** A fresh demo database in `dir`, with a school year of marks for the child. */
async function prepareDatabase(dir) {
  const template = join(dir, 'template.sqlite');
  await seedDemoDatabase(template);
  const db = join(dir, 'bench.sqlite');
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(template + suffix)) copyFileSync(template + suffix, db + suffix);
  return { db, seeded: fillMarks(db, CHILD, YEAR_OF_MARKS) };
}

/**
 * Measures each read on the server and the ceiling, interleaved (server, ceiling, next read, …),
 * after a warm-up of both, in `run.runs` rounds; each read keeps the round with its median ratio
 * (so its requests/s and latencies stay one consistent pair) and the ratios of every round.
 */
async function measure(real, ceiling, targets) {
  for (const t of targets) {
    console.log(`${t.name}: ${t.path} (${t.jsonBytes} bytes of JSON, ${t.body.length} sent)`);
    await cannon(real.url + t.path, t.headers, run.warmup);
    await cannon(ceiling.url + t.path, t.headers, run.warmup);
  }
  const rounds = targets.map(() => []);
  for (let round = 1; round <= run.runs; round += 1) {
    console.log(`round ${round} of ${run.runs} (load ${loadavg()[0].toFixed(1)})`);
    for (const [i, t] of targets.entries()) {
      const server = await cannon(real.url + t.path, t.headers, run.duration, real.group);
      const bare = await cannon(ceiling.url + t.path, t.headers, run.duration, ceiling.group);
      rounds[i].push({ real: server, ceiling: bare, ratio: server.rps / bare.rps });
      console.log(
        `  ${t.name}: server ${JSON.stringify(server)}, ceiling ${JSON.stringify(bare)}, ratio ${(server.rps / bare.rps).toFixed(2)}`,
      );
    }
  }
  return targets.map((t, i) => {
    const sorted = [...rounds[i]].sort((a, b) => a.ratio - b.ratio);
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    return {
      name: t.name,
      json: t.jsonBytes,
      wire: t.body.length,
      real: median.real,
      ceiling: median.ceiling,
      ratios: rounds[i].map((r) => r.ratio),
    };
  });
}

/** For scale: the framework alone, and the framework with the session lookup of every request. */
async function context(real, auth) {
  const health = await cannon(`${real.url}/healthz`, {}, run.duration);
  const me = await cannon(
    `${real.url}/api/v1/auth/me`,
    { ...auth, ...ENCODINGS[0].headers },
    run.duration,
  );
  return { health, me };
}

async function main() {
  const load = { start: loadavg()[0].toFixed(1), end: '' };
  const dir = mkdtempSync(join(tmpdir(), 'diary-bench-'));
  const stops = [];
  try {
    const { db, seeded } = await prepareDatabase(dir);
    const real = await startDiaryServer(db, ['--cors-origin', SITE_ORIGIN]);
    stops.push(real.stop);
    const auth = {
      authorization: `Bearer ${await login(real.url, PARENT.phone, PARENT.password)}`,
    };
    const targets = (await targetsOf(real.url, auth)).filter(
      (t) => run.only === undefined || t.name.includes(run.only),
    );
    await snapshot(real.url, targets);
    const responses = join(dir, 'responses.json');
    const spec = targets.map((t) => ({
      path: t.path,
      encoding: t.encoding,
      headers: t.response,
      body: t.body.toString('base64'),
    }));
    writeFileSync(responses, JSON.stringify(spec));
    const ceiling = await spawnServer([CEILING, responses]);
    stops.push(ceiling.stop);

    const rows = await measure(real, ceiling, targets);
    const scale = run.write ? await context(real, auth) : undefined;
    load.end = loadavg()[0].toFixed(1);
    const table = resultsTable(rows, TARGETS);
    console.log(`\n${table}\n`);
    if (scale) console.log(`${contextLine(scale)}\n`);
    const missed = rows.filter(
      (r) => r.real.rps / r.ceiling.rps < TARGETS.ratio || r.real.p99 >= TARGETS.p99,
    );
    if (run.write) {
      const marks = targets[0]?.items ?? 0;
      const date = new Date().toISOString().slice(0, 10);
      const details = { ...run, date, targets: TARGETS, marks, seeded, scale, missed, load };
      await writeSection(DOCS, section(table, details));
      console.log('written to docs/benchmarks.md');
    }
    if (run.check && missed.length) {
      console.error(`below target: ${missed.map((r) => r.name).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
