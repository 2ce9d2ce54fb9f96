#!/usr/bin/env node
// A/B of the server's reads: the server of an earlier commit (the base) against this
// checkout's, and the ceiling, interleaved in rounds on copies of one seeded database, reading the
// same URL as the demo parent with the headers of one of bench:server's encodings (a widget on
// the school's site: `Origin`, and brotli by default). On a shared machine requests/s move with the load; CPU time
// per request of each process group (from /proc) is the steadier comparison.
// Usage: node bench/server/ab.mjs --base COMMIT [--path P] [--encoding br|gzip] [--rounds N]
//        [--duration S] [--connections N]. The base's packages/server is extracted with `git archive` into a
//        temporary directory inside the checkout (so it resolves this checkout's node_modules).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ENCODINGS, SITE_ORIGIN } from './reads.mjs';
import {
  fillMarks,
  groupCpuMs,
  login,
  seedDemoDatabase,
  smsOptions,
  spawnServer,
  startDiaryServer,
} from './servers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CEILING = fileURLToPath(new URL('./ceiling.mjs', import.meta.url));
const PARENT = '+79990000001';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const base = option('base');
if (!base || !/^[\w./-]+$/.test(base)) {
  console.error('usage: node bench/server/ab.mjs --base COMMIT [--path P] [--rounds N]');
  process.exit(2);
}
const path = option('path', '/api/v1/classes/cls_42_5a/timetable?week=2026-W48');
const rounds = Number(option('rounds', 3));
const duration = Number(option('duration', 8));
const connections = Number(option('connections', 50));
const encoding = ENCODINGS.find((e) => e.name === option('encoding', 'br'));
if (!encoding) throw new Error(`--encoding: one of ${ENCODINGS.map((e) => e.name).join(', ')}`);

function raw(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function cannon(url, headers, seconds, group) {
  const before = groupCpuMs(group);
  const r = await autocannon({ url, connections, duration: seconds, headers });
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  const cpu = groupCpuMs(group) - before;
  return {
    rps: Math.round(r.requests.average),
    p99: r.latency.p99,
    cpuUs: Math.round((cpu * 1000) / r.requests.total),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'diary-ab-'));
const baseDir = join(ROOT, `.bench-base-${process.pid}`);
const stops = [];
try {
  mkdirSync(baseDir);
  const archive = execFileSync('git', ['archive', base, 'packages/server', 'tsconfig.base.json'], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  });
  execFileSync('tar', ['-x', '-C', baseDir], { input: archive });
  const template = join(dir, 'template.sqlite');
  await seedDemoDatabase(template);
  fillMarks(template, 'chd_maria', 1000);
  const copy = (name) => {
    const db = join(dir, name);
    for (const s of ['', '-wal', '-shm'])
      if (existsSync(template + s)) copyFileSync(template + s, db + s);
    return db;
  };
  const dbBase = copy('base.sqlite');
  const dbHead = copy('head.sqlite');
  const cors = ['--cors-origin', SITE_ORIGIN];
  const head = await startDiaryServer(dbHead, cors);
  stops.push(head.stop);
  const old = await spawnServer(
    [
      join(baseDir, 'packages/server/bin/school-diary-server.js'),
      ...['--port', '0', '--db', dbBase, '--auth-rate-limit', '1000000'],
      ...cors,
      ...(await smsOptions()),
    ],
    { ready: /Press Ctrl\+C to stop\./ },
  );
  stops.push(old.stop);
  const hHead = {
    authorization: `Bearer ${await login(head.url, PARENT, 'school-diary-demo')}`,
    ...encoding.headers,
  };
  const hBase = {
    authorization: `Bearer ${await login(old.url, PARENT, 'school-diary-demo')}`,
    ...encoding.headers,
  };
  await raw(old.url + path, hBase);
  const { res, body } = await raw(head.url + path, hHead);
  if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode}`);
  const headers = Object.fromEntries(
    Object.entries(res.headers).filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)),
  );
  const spec = join(dir, 'responses.json');
  writeFileSync(
    spec,
    JSON.stringify([{ path, encoding: encoding.name, headers, body: body.toString('base64') }]),
  );
  const ceiling = await spawnServer([CEILING, spec]);
  stops.push(ceiling.stop);
  const sides = [
    ['base', old, hBase],
    ['head', head, hHead],
    ['ceiling', ceiling, hHead],
  ];
  for (const [, side, h] of sides) await cannon(side.url + path, h, 2, side.group);
  console.log(
    `${path}, ${encoding.name}, ${connections} connections, ${duration} s per side, base ${base}`,
  );
  for (let i = 1; i <= rounds; i += 1) {
    const out = {};
    for (const [name, side, h] of sides)
      out[name] = await cannon(side.url + path, h, duration, side.group);
    const f = (x) => x.toFixed(2);
    console.log(
      `round ${i} (load ${loadavg()[0].toFixed(1)}): ` +
        Object.entries(out)
          .map(([n, r]) => `${n} ${r.rps} req/s p99 ${r.p99} ms ${r.cpuUs} µs/req`)
          .join('; ') +
        ` | base/ceiling ${f(out.base.rps / out.ceiling.rps)}, head/ceiling ${f(out.head.rps / out.ceiling.rps)}` +
        `, CPU per request head/base ${f(out.head.cpuUs / out.base.cpuUs)}`,
    );
  }
} finally {
  for (const stop of stops.reverse()) await stop();
  rmSync(baseDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
