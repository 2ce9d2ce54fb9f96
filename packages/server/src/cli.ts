import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCliArgs, type ServeOptions } from './cli-args';
import { readAudit } from './cli-audit';
import { backupDatabase, describeBackup } from './cli-backup';
import { runDeliveries } from './cli-deliveries';
import { createSchool, describeCreatedSchool } from './cli-create-school';
import { CliError } from './cli-error';
import { describeImport, exportRoster, importFile } from './cli-import';
import { describeRestore, restoreDatabase } from './cli-restore';
import { describeRotation, rotateKey } from './cli-rotate-key';
import { startServer } from './cli-serve';
import { USAGE } from './cli-usage';
import { serverVersion } from './server-version';

/** Where the CLI writes, and what stops a running server; tests pass their own. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Stops `serve`; by default SIGINT or SIGTERM. */
  readonly stop?: Promise<unknown>;
}

const consoleIo: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t) };

/**
 * Runs `school-diary-server` with the arguments after the script name and resolves to the exit
 * code: 0 done, 1 failed, 2 bad command line. `serve` resolves once the server has shut down.
 * Errors are printed as one line, never as a stack trace.
 *
 * @example
 * process.exitCode = await main(['backup', '--to', 'nightly.sqlite']);
 */
export async function main(argv: readonly string[], io: CliIo = consoleIo): Promise<number> {
  try {
    const command = parseCliArgs(argv);
    switch (command.command) {
      case 'help':
        io.out(USAGE);
        return 0;
      case 'version':
        io.out(serverVersion());
        return 0;
      case 'backup':
        io.out(describeBackup(await backupDatabase(command.options)));
        return 0;
      case 'restore':
        io.out(describeRestore(await restoreDatabase(command.options)));
        return 0;
      case 'deliveries':
        io.out(await runDeliveries(command.options));
        return 0;
      case 'audit':
        for (const line of await readAudit(command.options)) io.out(line);
        return 0;
      case 'rotate-key':
        io.out(describeRotation(await rotateKey(command.options)));
        return 0;
      case 'create-school':
        io.out(describeCreatedSchool(command.options, await createSchool(command.options)));
        return 0;
      case 'import': {
        const interrupt = interruption(io.stop);
        try {
          const report = await importFile(command.options, io.err, interrupt.signal);
          io.out(describeImport(command.options, report));
          return report.errors.length > 0 ? 1 : 0;
        } finally {
          interrupt.dispose();
        }
      }
      case 'export':
        io.out(await exportRoster(command.options));
        return 0;
      case 'serve':
        return await serve(command.options, io);
    }
  } catch (error) {
    io.err(`school-diary-server: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

async function serve(options: ServeOptions, io: CliIo): Promise<number> {
  const server = await startServer(options, io.out);
  const reason = await (io.stop ?? shutdownSignal());
  io.out(`${typeof reason === 'string' ? reason : 'Stop'} received: shutting down.`);
  await server.close();
  io.out('Stopped.');
  return 0;
}

/** Aborted by `stop` when given, else by Ctrl-C (SIGINT) while a command runs. */
function interruption(stop: Promise<unknown> | undefined): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (stop) {
    void stop.then(abort);
    return { signal: controller.signal, dispose: () => undefined };
  }
  process.once('SIGINT', abort);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', abort) };
}

/** The first SIGINT or SIGTERM; later ones are ignored so a shutdown in progress can finish. */
function shutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    const handler = (signal: NodeJS.Signals) => resolve(signal);
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main(process.argv.slice(2));
