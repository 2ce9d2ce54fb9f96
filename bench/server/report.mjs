// The results table of the server benchmark and its section in docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as prettier from 'prettier';

const START = '<!-- bench:server:start -->';
const END = '<!-- bench:server:end -->';

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes) => fmt(bytes / 1024, 1);

/** A markdown table: per read, the real server and the ceiling, and the ratio. */
export function resultsTable(rows, targets) {
  const lines = [
    '| read | JSON / sent KB | server req/s | server p50 / p99 ms | ceiling req/s | ceiling p50 / p99 ms | ratio | target met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const ratio = r.real.rps / r.ceiling.rps;
    const met = ratio >= targets.ratio && r.real.p99 < targets.p99 ? 'yes' : 'no';
    lines.push(
      `| ${r.name} | ${kb(r.json)} / ${kb(r.wire)} | ${fmt(r.real.rps)} | ${r.real.p50} / ${r.real.p99} | ` +
        `${fmt(r.ceiling.rps)} | ${r.ceiling.p50} / ${r.ceiling.p99} | ${fmt(ratio, 2)} | ${met} |`,
    );
  }
  return lines.join('\n');
}

/** The framework's own floor, measured on the same server. */
export function contextLine({ health, me }) {
  return (
    `For scale, on the same server: \`GET /healthz\` (fastify, helmet, CORS; no database) ` +
    `${fmt(health.rps)} req/s, p99 ${health.p99} ms; \`GET /api/v1/auth/me\` (plus the session ` +
    `lookup every request makes) ${fmt(me.rps)} req/s, p99 ${me.p99} ms.`
  );
}

/** The whole "Server reads" section body, with how and where it was measured. */
export function section(table, run) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const verdict = run.missed.length
    ? `Not met for: ${run.missed.map((r) => r.name).join('; ')}.`
    : 'Met for every read.';
  return [
    START,
    '',
    `Measured ${run.date} on ${cpus().length} × ${cpu}, Node ${process.version}; ` +
      `${run.connections} connections, ${run.duration} s per run after a ${run.warmup} s warm-up ` +
      'of each, runs interleaved (server, ceiling, server, ceiling). "gzip" requests send ' +
      '`Accept-Encoding: gzip, deflate, br` as a browser does; "identity" ones send none. ' +
      "Latencies are autocannon's. The marks list held " +
      `${run.marks} marks (the demo seed's ${run.seeded} up to today, topped up over the whole ` +
      "year in the benchmark's copy of the database).",
    '',
    table,
    '',
    contextLine(run.scale),
    '',
    'Where the gap comes from: the ceiling only writes bytes. The server also runs fastify with ' +
      'helmet and CORS and, on every request, three or four indexed SQLite queries through Kysely ' +
      "(the session; the caller's right to the child or class; the data versions), each statement " +
      'prepared anew. The read cache spares everything else: loading the marks, the grade maths, ' +
      'serialising and gzip happen once per data version.',
    '',
    `Target: the server at ≥ ${run.targets.ratio * 100}% of the ceiling's requests/s with p99 ` +
      `under ${run.targets.p99} ms. ${verdict}`,
    '',
    END,
  ].join('\n');
}

/**
 * Replaces the section between the markers in the file (or appends it under a heading), and
 * formats the file as `prettier --check .` expects it.
 */
export async function writeSection(file, body) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + body + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n## Server reads\n\n${DESCRIPTION}\n\n${body}\n`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }));
}

const DESCRIPTION = `\`npm run bench:server\` (bench/server/run.mjs; \`-- --check\` exits 1 below target). The
real server (the CLI, on a temporary copy of a freshly seeded demo database) against a bare
\`node:http\` server that answers with the same bytes, precomputed (the ceiling): Мария's marks for
the whole school year and her class's timetable of the current week, read as the demo parent.
Repeated reads come from the read cache; authentication, authorisation and the data-version check
still run on every request.`;
