// Starting and stopping the servers of the benchmark, and signing in as the demo parent.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/**
 * The server's CLI as the published package runs it: the build (`dist/cli.js`), not the
 * TypeScript source a checkout's bin runs through tsx (whose compiled output differs, and costs
 * more per request). `DIARY_BENCH_CLI` names another (an earlier commit's, for an A/B).
 */
const CLI = process.env.DIARY_BENCH_CLI ?? builtCli();

/** `packages/server/dist/cli.js`, refused when missing or older than a file of the server's or core's `src/`. */
function builtCli() {
  const server = fileURLToPath(new URL('../../packages/server/', import.meta.url));
  const cli = join(server, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error(`no build at ${cli}: run \`npm run build\` first`);
  const built = statSync(cli).mtimeMs;
  const newer = (dir) =>
    readdirSync(dir, { withFileTypes: true }).find((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? newer(path) : statSync(path).mtimeMs > built;
    });
  if (newer(join(server, 'src')) || newer(join(server, '..', 'core', 'src')))
    throw new Error(`the build at ${cli} is older than the source: run \`npm run build\` first`);
  return cli;
}

/**
 * Spawns a Node process (in a process group of its own, so stopping it reaches the server the
 * CLI bin starts) and waits until it prints "listening on URL" and, if given, `ready`.
 */
export function spawnServer(args, { ready = /listening on/, timeoutMs = 60_000 } = {}) {
  const child = spawn(process.execPath, args, {
    // The diary server encrypts document numbers at rest and needs a data key outside --dev.
    env: { DIARY_DATA_KEY: BENCH_DATA_KEY, ...process.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((resolve) => child.on('close', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`no start within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const fail = (error) => {
      clearTimeout(timer);
      void stop().finally(() => reject(error));
    };
    const check = () => {
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (!url || !ready.test(out)) return;
      clearTimeout(timer);
      resolve({ url, stop, group: child.pid });
    };
    child.stdout.setEncoding('utf8').on('data', (chunk) => ((out += chunk), check()));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (out += chunk));
    void exited.then((code) => fail(new Error(`exited (${code}) before listening:\n${out}`)));
  });
}

/** A fixed data key for the benchmark's throw-away databases. */
const BENCH_DATA_KEY = Buffer.alloc(32, 0x42).toString('base64');

/** The real diary server (the CLI, as `npx school-diary-server` runs it) on a database file. */
export async function startDiaryServer(db, extra = []) {
  const sms = await smsOptions();
  const args = [CLI, '--port', '0', '--db', db, '--auth-rate-limit', '1000000', ...sms, ...extra];
  return spawnServer(args, { ready: /Press Ctrl\+C to stop\./ });
}

/** Creates a freshly seeded demo database: the CLI with `--seed demo`, stopped once ready. */
export async function seedDemoDatabase(file) {
  const server = await startDiaryServer(file, ['--seed', 'demo']);
  await server.stop();
}

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * A local stand-in for SMS.ru's HTTP API (`POST /sms/send`, `POST /sms/status`): the diary server
 * sends its one-time codes here through its real SMS transport, and the benchmark reads them.
 * Codes never rest in the database readable (they are sealed while queued and wiped once sent).
 */
class SmsPeer {
  /** @type {Map<string, string[]>} texts received per recipient */
  #texts = new Map();
  /** @type {Array<() => void>} */
  #waiters = [];
  #server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const fields = new URLSearchParams(body);
      res.setHeader('content-type', 'application/json');
      if (req.url === '/sms/send') {
        const to = fields.get('to') ?? '';
        const list = this.#texts.get(digits(to)) ?? [];
        list.push(fields.get('msg') ?? '');
        this.#texts.set(digits(to), list);
        for (const wake of this.#waiters.splice(0)) wake();
        const result = { status: 'OK', status_code: 100, sms_id: `bench-${list.length}` };
        res.end(JSON.stringify({ status: 'OK', status_code: 100, sms: { [to]: result } }));
      } else {
        const id = fields.get('sms_id') ?? '';
        const result = { status: 'OK', status_code: 103 };
        res.end(JSON.stringify({ status: 'OK', status_code: 100, sms: { [id]: result } }));
      }
    });
  });
  url = '';

  async start() {
    await new Promise((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.#server.address().port}`;
    this.#server.unref();
  }

  /** The server's options that send SMS here. */
  options() {
    return ['--sms-provider', 'smsru', '--sms-api-id', 'bench', '--sms-api-url', this.url];
  }

  /** Waits for the next one-time code sent to `phone` after `seen` earlier texts. */
  async code(phone, seen, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = this.#texts.get(digits(phone)) ?? [];
      const code = texts
        .slice(seen)
        .map((t) => /(\d{6})/.exec(t)?.[1])
        .find(Boolean);
      if (code) return code;
      if (Date.now() > deadline)
        throw new Error(`no one-time code for ${phone} reached the SMS peer`);
      await new Promise((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** How many texts `phone` has received so far. */
  count(phone) {
    return this.#texts.get(digits(phone))?.length ?? 0;
  }
}

/** A phone number as SMS.ru writes it: digits only. */
const digits = (phone) => phone.replace(/\D/g, '');

/** The one SMS peer of this benchmark process, started on first use. */
let peer;
async function smsPeer() {
  if (!peer) {
    peer = new SmsPeer();
    await peer.start();
  }
  return peer;
}

/** The server options that deliver its SMS to this process's SMS peer. */
export async function smsOptions() {
  return (await smsPeer()).options();
}

/**
 * Signs in with phone, password and the one-time code, which the server sends through its SMS
 * transport to this process's SMS peer (the server must have been started with `smsOptions()`;
 * `startDiaryServer` does that).
 */
export async function login(baseUrl, phone, password) {
  const sms = await smsPeer();
  const seen = sms.count(phone);
  const { challengeId } = await post(`${baseUrl}/api/v1/auth/login`, { phone, password });
  const code = await sms.code(phone, seen);
  const session = await post(`${baseUrl}/api/v1/auth/verify`, { challengeId, code });
  return session.accessToken;
}

const KINDS = ['classwork', 'oral', 'homework', 'quiz', 'test', 'dictation', 'essay', 'lab'];

/**
 * Gives a child `total` marks over their class's school year in a database file (the demo seed has
 * marks only up to today): marks in every subject their class is taught, on weekdays, spread
 * evenly, with varied values, weights and kinds. Returns how many marks the child had before.
 */
export function fillMarks(file, childId, total) {
  const db = new Database(file);
  try {
    const child = db.prepare('SELECT class_id FROM children WHERE id = ?').get(childId);
    const cls = db
      .prepare('SELECT school_id, school_year FROM classes WHERE id = ?')
      .get(child.class_id);
    const year = db
      .prepare('SELECT start_date, end_date FROM school_years WHERE school_id = ? AND name = ?')
      .get(cls.school_id, cls.school_year);
    const teaching = db
      .prepare('SELECT teacher_id, subject_id FROM teaching WHERE class_id = ? ORDER BY subject_id')
      .all(child.class_id);
    const before = db
      .prepare('SELECT count(*) AS n FROM marks WHERE child_id = ? AND date BETWEEN ? AND ?')
      .get(childId, year.start_date, year.end_date).n;
    const days = [];
    for (
      let d = new Date(`${year.start_date}T00:00:00Z`);
      d <= new Date(`${year.end_date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1)
    )
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
    const insert = db.prepare(
      `INSERT INTO marks (id, child_id, subject_id, teacher_id, lesson_id, value, weight, kind, date, comment, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, NULL, ?, ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < total - before; i += 1) {
        const { teacher_id: teacher, subject_id: subject } = teaching[i % teaching.length];
        const date = days[Math.floor((i * days.length) / (total - before))];
        const at = `${date}T12:00:00.000Z`;
        const value = String(2 + ((i * 7) % 4));
        insert.run(
          `mrk_bench_${i}`,
          childId,
          subject,
          teacher,
          value,
          1 + (i % 3 === 0),
          KINDS[i % KINDS.length],
          date,
          at,
          at,
        );
      }
    })();
    return before;
  } finally {
    db.close();
  }
}

/**
 * CPU time (user + system, ms) used so far by every live process of a process group (Linux
 * `/proc`; `undefined` elsewhere): with the machine shared, CPU per request is steadier than
 * requests per second.
 */
export function groupCpuMs(group) {
  let ticks = 0;
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue;
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    }
  } catch {
    return undefined;
  }
  return ticks * 10;
}
