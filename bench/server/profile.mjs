// CPU profile of the real server under load: `node bench/server/profile.mjs OUT_DIR PATH` seeds a
// demo database with a year of marks, starts the server from source with `node --cpu-prof`, reads
// PATH (e.g. `/api/v1/classes/cls_42_5a/timetable?week=2026-W48`) as a widget on another origin with
// 20 connections for 6 s, stops it and leaves the .cpuprofile in OUT_DIR (open in Chrome DevTools).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { fillMarks, login, seedDemoDatabase, smsOptions, spawnServer } from './servers.mjs';
if (process.argv.length < 4) {
  console.error('usage: node bench/server/profile.mjs OUT_DIR PATH');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'diary-profile-'));
const db = join(dir, 'b.sqlite');
await seedDemoDatabase(db);
fillMarks(db, 'chd_maria', 1000);
const src = fileURLToPath(new URL('../../packages/server/src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');
const server = await spawnServer(
  [
    '--cpu-prof',
    `--cpu-prof-dir=${process.argv[2]}`,
    '--conditions=source',
    '--import',
    tsx,
    src,
    '--port',
    '0',
    '--db',
    db,
    '--auth-rate-limit',
    '1000000',
    '--cors-origin',
    'https://school.example',
    ...(await smsOptions()),
  ],
  { ready: /Press Ctrl\+C/ },
);
const token = await login(server.url, '+79990000001', 'school-diary-demo');
const path = process.argv[3];
const r = await autocannon({
  url: server.url + path,
  connections: 20,
  duration: 6,
  // What a widget on the school's site sends (a cross-origin call with a bearer token).
  headers: {
    authorization: `Bearer ${token}`,
    origin: 'https://school.example',
    'accept-encoding': 'gzip, deflate, br, zstd',
    'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8',
  },
});
console.log(r.requests.average, r.non2xx);
await server.stop();
