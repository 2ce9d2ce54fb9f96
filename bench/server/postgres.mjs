#!/usr/bin/env node
// Server on PostgreSQL: one instance against two instances on the same database, with autocannon.
// Loads: the marks list of a child for a whole school year (reads only), and a mixed load of 95%
// reads and 5% writes (a teacher entering marks for the same child, which invalidates the cached
// list on every instance). Two instances get half the connections each, as a round-robin load
// balancer would send them; their throughputs add up and the slower p99 is reported.
// Usage: node bench/server/postgres.mjs [--pg URL] [--duration S] [--warmup S] [--connections N]
//        [--pool N] [--no-write]. The URL defaults to $DIARY_TEST_PG_URL (scripts/pg-test-cluster.sh).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import * as prettier from 'prettier';
import { login, startDiaryServer } from './servers.mjs';

const START = '<!-- bench:server-postgres:start -->';
const END = '<!-- bench:server-postgres:end -->';
const DOCS = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const PARENT = '+79990000001';
const TEACHER = '+79990000011';
const PASSWORD = 'school-diary-demo';
const CHILD = 'chd_maria';
const YEAR_OF_MARKS = 1000;
const KINDS = ['classwork', 'oral', 'homework', 'quiz', 'test', 'dictation', 'essay', 'lab'];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const run = {
  url: option('pg', process.env.DIARY_TEST_PG_URL),
  duration: Number(option('duration', 10)),
  warmup: Number(option('warmup', 3)),
  connections: Number(option('connections', 50)),
  pool: Number(option('pool', 10)),
  write: !process.argv.includes('--no-write'),
};
if (!run.url) {
  console.error(
    'PostgreSQL URL needed: --pg URL or DIARY_TEST_PG_URL (scripts/pg-test-cluster.sh start)',
  );
  process.exit(2);
}

function databaseUrl(name) {
  const url = new URL(run.url);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh `diary_bench` database with the demo world and a school year of marks for the child. */
async function prepareDatabase() {
  await withClient(run.url, async (c) => {
    await c.query('drop database if exists diary_bench with (force)');
    await c.query('create database diary_bench');
  });
  const url = databaseUrl('diary_bench');
  const seeding = await startDiaryServer(url, ['--seed', 'demo']);
  await seeding.stop();
  const before = await withClient(url, async (c) => {
    const child = (await c.query('select class_id from children where id = $1', [CHILD])).rows[0];
    const cls = (
      await c.query('select school_id, school_year from classes where id = $1', [child.class_id])
    ).rows[0];
    const year = (
      await c.query(
        'select start_date, end_date from school_years where school_id = $1 and name = $2',
        [cls.school_id, cls.school_year],
      )
    ).rows[0];
    const teaching = (
      await c.query(
        'select teacher_id, subject_id from teaching where class_id = $1 order by subject_id',
        [child.class_id],
      )
    ).rows;
    const had = Number(
      (
        await c.query(
          'select count(*) as n from marks where child_id = $1 and date between $2 and $3',
          [CHILD, year.start_date, year.end_date],
        )
      ).rows[0].n,
    );
    const days = [];
    for (
      let d = new Date(`${year.start_date}T00:00:00Z`);
      d <= new Date(`${year.end_date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    )
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
    await c.query('begin');
    for (let i = 0; i < YEAR_OF_MARKS - had; i += 1) {
      const { teacher_id: teacher, subject_id: subject } = teaching[i % teaching.length];
      const date = days[Math.floor((i * days.length) / (YEAR_OF_MARKS - had))];
      const at = `${date}T12:00:00.000Z`;
      await c.query(
        `insert into marks (id, child_id, subject_id, teacher_id, lesson_id, value, weight, kind, date, comment, created_at, updated_at)
         values ($1, $2, $3, $4, null, $5, $6, $7, $8, null, $9, $9)`,
        [
          `mrk_bench_${i}`,
          CHILD,
          subject,
          teacher,
          String(2 + ((i * 7) % 4)),
          i % 3 === 0 ? 2 : 1,
          KINDS[i % KINDS.length],
          date,
          at,
        ],
      );
    }
    await c.query('commit');
    return { had, year, subject: teaching.find((t) => t.teacher_id)?.subject_id, teaching };
  });
  return { url, ...before };
}

async function post(url, body, headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** One autocannon run per instance in parallel, the connections split between them. */
async function load(urls, requests, seconds) {
  const per = Math.max(1, Math.floor(run.connections / urls.length));
  const results = await Promise.all(
    urls.map((url) => autocannon({ url, connections: per, duration: seconds, requests })),
  );
  for (const r of results)
    if (r.non2xx || r.errors || r.timeouts)
      throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The machine's 1-minute load average at the start: the cores are shared with other work. */
const loadAtStart = loadavg()[0] ?? 0;

async function main() {
  const db = await prepareDatabase();
  const extra = ['--db-pool', String(run.pool)];
  const servers = [];
  try {
    servers.push(await startDiaryServer(db.url, extra));
    servers.push(await startDiaryServer(db.url, extra));
    const [a] = servers;
    const parent = `Bearer ${await login(a.url, PARENT, PASSWORD)}`;
    const teacher = `Bearer ${await login(a.url, TEACHER, PASSWORD)}`;
    const marks = `/api/v1/children/${CHILD}/grades?from=${db.year.start_date}&to=${db.year.end_date}`;
    const read = {
      method: 'GET',
      path: marks,
      headers: { authorization: parent, 'accept-encoding': 'gzip, deflate, br' },
    };
    const write = {
      method: 'POST',
      path: '/api/v1/marks',
      headers: { authorization: teacher, 'content-type': 'application/json' },
      body: JSON.stringify({
        childId: CHILD,
        subjectId: 'sub_42_math',
        value: 4,
        kind: 'oral',
        date: db.year.start_date > '2026-11-24' ? db.year.start_date : '2026-11-24',
      }),
    };
    // Checks the write is accepted before measuring (a 4xx would only show as non-2xx later).
    await post(`${a.url}/api/v1/marks`, JSON.parse(write.body), { authorization: teacher });
    const loads = [
      { name: 'marks list, whole school year (reads only)', requests: [read] },
      {
        name: 'mixed: 95% marks-list reads, 5% new marks',
        requests: [...Array.from({ length: 19 }, () => read), write],
      },
    ];
    const rows = [];
    for (const l of loads) {
      const one = [servers[0].url];
      const two = servers.map((s) => s.url);
      await load(one, l.requests, run.warmup);
      await load(two, l.requests, run.warmup);
      const single = await load(one, l.requests, run.duration);
      const double = await load(two, l.requests, run.duration);
      rows.push({ name: l.name, single, double });
      console.log(`${l.name}: one ${JSON.stringify(single)}, two ${JSON.stringify(double)}`);
    }
    const table = [
      '| load | 1 instance req/s | 1 instance p50 / p99 ms | 2 instances req/s | 2 instances p50 / p99 ms | scaling factor |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${fmt(r.single.rps)} | ${r.single.p50} / ${r.single.p99} | ${fmt(r.double.rps)} | ` +
          `${r.double.p50} / ${r.double.p99} | ${fmt(r.double.rps / r.single.rps, 2)} |`,
      ),
    ].join('\n');
    console.log(`\n${table}\n`);
    if (run.write) await writeSection(table);
  } finally {
    for (const s of servers.reverse()) await s.stop();
    await withClient(run.url, (c) => c.query('drop database if exists diary_bench with (force)'));
  }
}

async function writeSection(table) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const version = await withClient(
    run.url,
    async (c) => (await c.query('show server_version')).rows[0].server_version,
  );
  const body = [
    START,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, Node ${process.version}, ` +
      `PostgreSQL ${version} on the same machine (scripts/pg-test-cluster.sh: fsync off); ` +
      `${run.connections} connections in all, ${run.duration} s per run after a ${run.warmup} s warm-up, ` +
      `each instance with a pool of ${run.pool} connections. With two instances each gets half the ` +
      'connections (a round-robin balancer); req/s add up, the slower p50/p99 is shown. The marks ' +
      `list holds ${YEAR_OF_MARKS} marks and is read gzipped by the demo parent; the mixed load ` +
      'sends 19 reads then one new mark by the teacher on every connection, so every 20th request ' +
      "invalidates the list's cache on both instances. The machine's load average was " +
      `${fmt(loadAtStart, 1)} when the run started (other jobs share these cores; above 2 every ` +
      'figure here is depressed and noisy).',
    '',
    table,
    '',
    'Everything here shares two cores: both instances, PostgreSQL and autocannon. A second instance ' +
      'adds no CPU, so a factor near or below 1 is the expected measurement here, not a limit of the ' +
      'design; on separate machines instances add up until PostgreSQL is the bottleneck ' +
      '(docs/scaling.md).',
    '',
    END,
  ].join('\n');
  const text = readFileSync(DOCS, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + body + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n## Server on PostgreSQL: one instance and two\n\n` +
        '`node bench/server/postgres.mjs` (needs `DIARY_TEST_PG_URL`, e.g. from ' +
        '`scripts/pg-test-cluster.sh start`). Two server processes on one PostgreSQL database; ' +
        `see docs/scaling.md for what the numbers mean at regional scale.\n\n${body}\n`;
  const options = (await prettier.resolveConfig(DOCS)) ?? {};
  writeFileSync(DOCS, await prettier.format(next, { ...options, filepath: DOCS }));
  console.log('written to docs/benchmarks.md');
}

if (!existsSync(DOCS)) throw new Error(`missing ${DOCS}`);
await main();
