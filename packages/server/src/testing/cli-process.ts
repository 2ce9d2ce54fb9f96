import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_DATA_KEY } from './data-key';

/** The `school-diary-server` bin, as `npx` runs it. */
export const CLI_BIN = fileURLToPath(new URL('../../bin/school-diary-server.js', import.meta.url));

/** How a CLI process ended and what it printed. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A running `school-diary-server` process (the bin and the Node process it starts). */
export interface CliProcess {
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects on timeout or exit. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Sends a signal to the bin only; it forwards SIGINT and SIGTERM to the server. */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILLs the bin and the server at once (their process group): a crash, as the OOM killer does. */
  crash(): void;
  readonly exited: Promise<CliExit>;
}

/**
 * Spawns the CLI in a process group of its own, so {@link CliProcess.crash} reaches the server
 * behind the bin. Call `crash()` in an `after` hook so nothing outlives a failed test.
 */
export function spawnCli(
  args: readonly string[],
  options: { cwd?: string; env?: Readonly<Record<string, string>> } = {},
): CliProcess {
  const child: ChildProcess = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: options.cwd,
    // The test servers' data key, so a server process and the test's own app share one.
    env: { ...process.env, DIARY_DATA_KEY: TEST_DATA_KEY, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<CliExit>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout: out, stderr: err })),
  );
  let done = false;
  void exited.then(() => (done = true));
  const pid = child.pid ?? -1;

  return {
    pid,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        let settled = false;
        const settle = (outcome: () => void): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          child.stdout?.off('data', check);
          outcome();
        };
        const check = (): void => {
          const match = pattern.exec(out);
          if (match) settle(() => resolve(match));
        };
        const fail = (why: string) => () =>
          settle(() => reject(new Error(`${why} ${pattern}:\n${out}${err}`)));
        const timer = setTimeout(fail(`no match within ${timeoutMs} ms for`), timeoutMs);
        child.stdout?.on('data', check);
        void exited.then(() => {
          check();
          fail('exited before printing')();
        });
        check();
      });
    },
    signal(signal) {
      if (!done) child.kill(signal);
    },
    crash() {
      if (done || pid < 0) return;
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    },
    exited,
  };
}

/** Runs a CLI command to its end. */
export function runCli(args: readonly string[], options: { cwd?: string } = {}): Promise<CliExit> {
  return spawnCli(args, options).exited;
}

/** A server started with {@link startCliServer}. */
export interface CliServer {
  readonly url: string;
  readonly process: CliProcess;
  /** SIGTERM, then waits for the exit; SIGKILLs after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<CliExit>;
}

/** Starts `school-diary-server` with `args` and waits until it has printed its start-up report. */
export async function startCliServer(
  args: readonly string[],
  options: { cwd?: string; env?: Readonly<Record<string, string>> } = {},
): Promise<CliServer> {
  const cli = spawnCli(args, options);
  try {
    const [, url] = await cli.waitFor(/listening on (http:\/\/\S+)/);
    await cli.waitFor(/Press Ctrl\+C to stop\./);
    return {
      url: url ?? '',
      process: cli,
      async stop(timeoutMs = 10_000) {
        cli.signal('SIGTERM');
        const timer = setTimeout(() => cli.crash(), timeoutMs);
        const exit = await cli.exited;
        clearTimeout(timer);
        return exit;
      },
    };
  } catch (error) {
    cli.crash();
    throw error;
  }
}
