// CPU time the real server spends per request on the benchmark's reads: `node
// bench/server/cpu-per-request.mjs [--only TEXT] [--seconds S] [--rounds N]` seeds a demo
// database with a year of marks, starts the server (`DIARY_BENCH_CLI` names another checkout's
// CLI), and reads each of bench:server's reads (marks and timetable, br and gzip; `--only` keeps
// those whose name contains TEXT) with 20 connections, in N rounds (default 2), printing
// requests/s and the server's CPU µs per request (user + system, from /proc): steadier than
// requests/s on a shared machine, for comparing two versions of the code.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { CHILD, SITE_ORIGIN, targetsOf } from './reads.mjs';
import { fillMarks, groupCpuMs, login, seedDemoDatabase, startDiaryServer } from './servers.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const only = option('only', '');
const seconds = Number(option('seconds', 6));
const rounds = Number(option('rounds', 2));
const dir = mkdtempSync(join(tmpdir(), 'diary-cpu-'));
const db = join(dir, 'b.sqlite');
await seedDemoDatabase(db);
fillMarks(db, CHILD, 1000);
const server = await startDiaryServer(db, ['--cors-origin', SITE_ORIGIN]);
try {
  const token = await login(server.url, '+79990000001', 'school-diary-demo');
  const reads = (await targetsOf(server.url, { authorization: `Bearer ${token}` })).filter((t) =>
    t.name.includes(only),
  );
  for (const t of reads)
    await autocannon({
      url: server.url + t.path,
      connections: 20,
      duration: 2,
      headers: t.headers,
    });
  for (let round = 1; round <= rounds; round += 1) {
    for (const t of reads) {
      const before = groupCpuMs(server.group);
      const r = await autocannon({
        url: server.url + t.path,
        connections: 20,
        duration: seconds,
        headers: t.headers,
      });
      const after = groupCpuMs(server.group);
      if (r.non2xx || r.errors) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
      const cpuUs = Math.round(((after - before) * 1000) / r.requests.total);
      console.log(
        `${t.name}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms, server CPU ${cpuUs} µs/req (load ${loadavg()[0].toFixed(1)})`,
      );
    }
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
