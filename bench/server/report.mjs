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
    '| read | JSON / sent KB | server req/s | server p50 / p99 ms | ceiling req/s | ceiling p50 / p99 ms | ratio (median) | ratios of the rounds | CPU µs/req server / ceiling | target met |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const ratio = r.real.rps / r.ceiling.rps;
    const met = ratio >= targets.ratio && r.real.p99 < targets.p99 ? 'yes' : 'no';
    const rounds = (r.ratios ?? [ratio]).map((x) => fmt(x, 2)).join(', ');
    const cpu =
      r.real.cpuUs === undefined || r.ceiling.cpuUs === undefined
        ? '–'
        : `${r.real.cpuUs} / ${r.ceiling.cpuUs}`;
    lines.push(
      `| ${r.name} | ${kb(r.json)} / ${kb(r.wire)} | ${fmt(r.real.rps)} | ${r.real.p50} / ${r.real.p99} | ` +
        `${fmt(r.ceiling.rps)} | ${r.ceiling.p50} / ${r.ceiling.p99} | ${fmt(ratio, 2)} | ${rounds} | ${cpu} | ${met} |`,
    );
  }
  return lines.join('\n');
}

/** The framework's own floor, measured on the same server. */
export function contextLine({ health, me }) {
  return (
    `For scale, on the same server: \`GET /healthz\` (fastify, helmet, CORS; no database) ` +
    `${fmt(health.rps)} req/s, p99 ${health.p99} ms; \`GET /api/v1/auth/me\` (fastify, the ` +
    `session kept in memory, the user's row) ${fmt(me.rps)} req/s, ` +
    `p99 ${me.p99} ms.`
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
      `of each, runs interleaved (server, ceiling, next read, …) in ${run.runs} rounds; each read ` +
      'shows the round with its median ratio, and the ratios of all rounds. "CPU µs/req" is the ' +
      'CPU time (user + system, from /proc) each process group used per request answered in that ' +
      'round: steadier than requests/s on a shared machine. "br" requests send the headers ' +
      'Chromium sends on a cross-origin call (`Origin`, `Authorization`, `Accept-Encoding: gzip, ' +
      'deflate, br, zstd`…); "gzip" ones send `Origin`, `Authorization`, `Accept-Encoding: gzip`. ' +
      "Latencies are autocannon's. The marks list held " +
      `${run.marks} marks (the demo seed's ${run.seeded} up to today, topped up over the whole ` +
      "year in the benchmark's copy of the database).",
    '',
    table,
    '',
    contextLine(run.scale),
    '',
    'Where the time goes: the ceiling only writes bytes. The server answers every request on ' +
      'its one path inside fastify: the session, then the authorisation and the versions of the ' +
      'data the read depends on (both kept in memory until the database changes, checked ' +
      'once per request against the WAL-index header of the `-shm` file, one `pread`), then ' +
      'the body from the versioned read cache, compressed once per coding when it was made, ' +
      'written straight to the socket with the headers the request hooks set.',
    '',
    'The machine is shared (2 cores, other engineers building and testing at the same time) and ' +
      'autocannon runs on it too: absolute figures move by several times between runs, and the ' +
      'server, which does more work per request, suffers more from contention than the ceiling, ' +
      'so the ratio moves too. Compare ratios from one run only. ' +
      `Load average (1 min) when the run started: ${run.load.start}, when it ended: ${run.load.end} ` +
      '(2 cores: above 2, other jobs were competing for the CPU).',
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
real server (its build, \`dist/cli.js\`, as the published package runs it: \`npm run build\` first; on a
temporary copy of a freshly seeded demo database) against a bare
\`node:http\` server that answers with the same bytes, precomputed (the ceiling): Мария's marks for
the whole school year and her class's timetable of the current week, read as the demo parent from
a school site on another origin.`;
