// CPU time the real server spends per request on one read: `node bench/server/cpu-per-request.mjs
// [PATH] [SECONDS]` seeds a demo database with a year of marks, starts the server from source,
// reads PATH (default: the child's class timetable this week) as a widget on another origin with
// 20 connections, and prints requests/s and the server's CPU µs per request (user + system, from
// /proc): steadier than requests/s on a shared machine, for comparing two versions of the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { fillMarks, groupCpuMs, login, seedDemoDatabase, startDiaryServer } from './servers.mjs';

const path = process.argv[2] ?? '/api/v1/classes/cls_42_5a/timetable?week=2026-W49';
const seconds = Number(process.argv[3] ?? 8);
const dir = mkdtempSync(join(tmpdir(), 'diary-cpu-'));
const db = join(dir, 'b.sqlite');
await seedDemoDatabase(db);
fillMarks(db, 'chd_maria', 1000);
const server = await startDiaryServer(db, ['--cors-origin', 'https://school.example']);
try {
  const token = await login(server.url, '+79990000001', 'school-diary-demo');
  const headers = {
    authorization: `Bearer ${token}`,
    origin: 'https://school.example',
    'accept-encoding': 'gzip, deflate, br, zstd',
    'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8',
  };
  const url = server.url + path;
  await autocannon({ url, connections: 20, duration: 2, headers });
  const before = groupCpuMs(server.group);
  const r = await autocannon({ url, connections: 20, duration: seconds, headers });
  const after = groupCpuMs(server.group);
  if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
  const cpuUs = Math.round(((after - before) * 1000) / r.requests.total);
  console.log(
    `${path}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, server CPU ${cpuUs} µs/req (load ${loadavg()[0].toFixed(1)})`,
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
