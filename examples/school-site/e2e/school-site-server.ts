// Starts the product the way a user does (`npm start`, i.e. scripts/start.mjs) on a free port and
// a fresh SQLite file, and reads one-time codes from its dev outbox as a parent reads the SMS.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@school-diary/core';

const root = new URL('../../../', import.meta.url).pathname;

/** A running `npm start`. */
export interface StartedSite {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

/** How to start the site: by default on the demo world. */
export interface StartOptions {
  readonly timeoutMs?: number;
  /** Leave the demo world out and first prepare the empty database file (e.g. `create-school`). */
  readonly empty?: (db: string) => void;
}

/** Runs scripts/start.mjs with `--port 0` and resolves once it prints where it listens. */
export async function startSite(options: StartOptions = {}): Promise<StartedSite> {
  const timeoutMs = options.timeoutMs ?? 240_000;
  const dir = mkdtempSync(join(tmpdir(), 'diary-e2e-'));
  const db = join(dir, 'diary.sqlite');
  options.empty?.(db);
  const env = { ...process.env, DIARY_DB: db, ...(options.empty ? { DIARY_DEMO_SEED: '0' } : {}) };
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'scripts/start.mjs'), '--port', '0'],
    { cwd: root, env, detached: true },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not listen:\n${output}`)),
      timeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        // start.mjs runs the server bin, which runs tsx: signal the whole process group.
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest one-time code sent to a phone (`+7999…`), from the dev outbox. */
export async function latestCode(url: string, phone: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/dev/outbox`);
  // Newest first: the first code sent to the phone is its latest.
  const { items } = (await response.json()) as { items: { to: string; code?: string }[] };
  const code = items.find((item) => item.to === phone && item.code)?.code;
  if (!code) throw new Error(`no code for ${phone} in the outbox`);
  return code;
}

/** The school and first admin `createSchool` makes. */
export interface NewSchool {
  readonly adminPhone: string;
  readonly adminPassword: string;
}

/**
 * Runs `school-diary-server create-school` on an empty database file, as docs/operations.md says:
 * «ГБОУ Школа № 7» and its admin Соколова Ирина. Pass it to `startSite({ empty })`.
 */
export function createSchool(school: NewSchool): (db: string) => void {
  return (db) => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'packages/server/bin/school-diary-server.js'),
        ...['create-school', '--db', db, '--code', '770007', '--name', 'ГБОУ Школа № 7'],
        ...['--short-name', 'Школа № 7', '--admin-phone', school.adminPhone],
        ...['--admin-last-name', 'Соколова', '--admin-first-name', 'Ирина'],
      ],
      { env: { ...process.env, DIARY_ADMIN_PASSWORD: school.adminPassword }, encoding: 'utf8' },
    );
    assert.equal(run.status, 0, `create-school failed:\n${run.stdout}\n${run.stderr}`);
  };
}

/** The days a walk on a fresh school works with, whatever day it runs. */
export interface SchoolDates {
  /** Today (UTC), `YYYY-MM-DD`. */
  readonly today: string;
  /** A school year around today: from a month ago to some ten months ahead, `2026/2027`. */
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly yearName: string;
  /** The Monday of this week and of the next. */
  readonly monday: string;
  readonly nextMonday: string;
}

/** The school year around `today` and the Mondays near it (see {@link SchoolDates}). */
export function schoolDates(today = new Date().toISOString().slice(0, 10)): SchoolDates {
  const yearStart = addDays(today, -30);
  const startYear = Number(yearStart.slice(0, 4));
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  const monday = addDays(today, 1 - weekday);
  return {
    today,
    yearStart,
    yearEnd: addDays(today, 300),
    yearName: `${startYear}/${startYear + 1}`,
    monday,
    nextMonday: addDays(monday, 7),
  };
}
