import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from './app';
import type { ServeOptions } from './cli-args';
import { scheduleBackups } from './backup/schedule';
import { POSTGRES_BACKUP_ADVICE } from './cli-backup';
import { loadDataKeys } from './cli-data-keys';
import { formatAccountsTable, listDemoAccounts } from './cli-demo-accounts';
import { CliError } from './cli-error';
import type { ServerConfig } from './config';
import { isPostgresUrl, redactUrl } from './db/dialect';
import { openDatabase, type DiaryDatabase } from './db/open';
import { DEFAULT_POOL_SIZE } from './db/postgres';
import { seedDemo } from './seed/demo';
import { defaultStorageDir } from './services/file-store';
import { describeDelivery, deliverySettingsOf } from './delivery/from-options';
import { serveMetrics } from './observability/metrics-server';
import { gracefulClose } from './observability/shutdown';

/** A server started by {@link startServer}. */
export interface RunningServer {
  /** `http://127.0.0.1:8080`, with the real port when `--port 0` was asked for. */
  readonly url: string;
  readonly port: number;
  /** The SQLite file, or the PostgreSQL URL with its password hidden. */
  readonly file: string;
  /** Stops accepting requests, finishes the ones in flight, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database (migrating it), seeds it if asked, starts listening and prints where.
 * On failure everything opened so far is closed again.
 *
 * @example
 * const command = parseCliArgs(['--port', '0', '--seed', 'demo']);
 * if (command.command !== 'serve') throw new Error('not serve');
 * const server = await startServer(command.options, console.log);
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
export async function startServer(
  options: ServeOptions,
  print: (text: string) => void,
): Promise<RunningServer> {
  const postgres = isPostgresUrl(options.db);
  const file = postgres ? redactUrl(options.db) : resolve(options.db);
  const dataKeys = loadDataKeys({ ...options.dataKeys, db: options.db, dev: options.dev }, print);
  const backups = options.ops.backups;
  if (backups) {
    if (postgres)
      throw new CliError(`--backup-every: ${POSTGRES_BACKUP_ADVICE}`, 'postgres_backup');
    mkdirSync(resolve(backups.dir), { recursive: true, mode: 0o700 });
  }
  const database = await openDatabase(postgres ? options.db : file, {
    durability: options.durability,
    ...(options.poolSize === null ? {} : { poolSize: options.poolSize }),
  });
  let app: FastifyInstance | undefined;
  try {
    const seeded = options.seed === 'demo' ? await seedDemo(database.db) : false;
    const delivery = deliverySettingsOf(options.ops);
    const diary = await createApp({
      database,
      dataKeys,
      config: configOf(options),
      logger: options.log,
      ...(delivery ? { delivery } : {}),
    });
    app = diary.app;
    const port = await listen(app, options);
    const metricsServer =
      options.ops.metricsPort === null
        ? undefined
        : await serveMetrics(diary.metrics, {
            host: options.ops.metricsHost,
            port: options.ops.metricsPort,
          });
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    print(await startupReport(database, options, { url, file, seeded }));
    const stopBackups = backups
      ? scheduleBackups(
          { db: file, files: diary.services.config.storageDir ?? null },
          backups,
          print,
        )
      : undefined;
    const running = app;
    return {
      url,
      port,
      file,
      async close() {
        await stopBackups?.();
        metricsServer?.close();
        await gracefulClose(running, options.ops.shutdownGrace);
        await database.close();
      },
    };
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
}

function configOf(options: ServeOptions): Partial<ServerConfig> {
  return {
    dev: options.dev,
    checkResponses: options.dev,
    corsOrigins: options.corsOrigins,
    storageDir:
      options.files !== null
        ? resolve(options.files)
        : isPostgresUrl(options.db)
          ? resolve('diary-files')
          : defaultStorageDir(resolve(options.db)),
    ...(options.authRateLimit === null ? {} : { authRateLimit: options.authRateLimit }),
    ...(options.codesPerDay === null
      ? {}
      : { maxCodesPerDay: options.codesPerDay, maxCodeTriesPerDay: options.codesPerDay }),
    ...(options.ops.metricsToken === null ? {} : { metricsToken: options.ops.metricsToken }),
    trustProxy: options.ops.trustProxy,
    eventRetentionDays: options.ops.eventRetentionDays,
    ...(options.passwordHashCost === null ? {} : { passwordHashCost: options.passwordHashCost }),
    ...(options.site === null ? {} : { siteDir: resolve(options.site) }),
    ...embedDirOf(options),
    oidcProviders: options.oidc.providers,
    ...(options.oidc.publicUrl === null ? {} : { publicUrl: options.oidc.publicUrl }),
  };
}

/**
 * `--embed-dir`, else the elements package's dist/ when it is installed beside the server and
 * built (a checkout after `npm run build`, or a site that installed both packages).
 */
function embedDirOf(options: ServeOptions): { embedDir?: string } {
  if (options.embedDir !== null) return { embedDir: resolve(options.embedDir) };
  try {
    const manifest = createRequire(import.meta.url).resolve('@school-diary/elements/package.json');
    const dist = join(dirname(manifest), 'dist');
    return existsSync(join(dist, 'diary-elements.js')) ? { embedDir: dist } : {};
  } catch {
    return {};
  }
}

async function listen(app: FastifyInstance, options: ServeOptions): Promise<number> {
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'EADDRINUSE')
      throw new CliError(
        `port ${options.port} on ${options.host} is in use: stop what holds it or pick another with --port`,
        'port_in_use',
      );
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new CliError(
        `cannot listen on --host ${options.host}: not an address of this machine (try 127.0.0.1 or 0.0.0.0)`,
        'bad_host',
      );
    throw error;
  }
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : options.port;
}

async function startupReport(
  database: DiaryDatabase,
  options: ServeOptions,
  at: { url: string; file: string; seeded: boolean },
): Promise<string> {
  const everywhere = options.host === '0.0.0.0' || options.host === '::';
  const lines = [
    `School Diary server listening on ${at.url}${everywhere ? ' (every network interface)' : ''}`,
    database.engine === 'postgres'
      ? `  Database:   PostgreSQL ${at.file} (pool of ${options.poolSize ?? DEFAULT_POOL_SIZE} connections)`
      : `  Database:   ${at.file} (durability ${options.durability})`,
    options.dev
      ? '  Dev mode:   on: GET /api/v1/dev/outbox shows the SMS codes sent (never use in production)'
      : '  Dev mode:   off',
    `  Delivery:   ${describeDelivery(options.ops, options.dev)}`,
  ];
  const backups = options.ops.backups;
  if (backups)
    lines.push(
      `  Backups:    every ${formatInterval(backups.everySeconds)} to ${resolve(backups.dir)}, the newest ${backups.keep} kept`,
    );
  if (options.site !== null) lines.push(`  Website:    ${at.url}/ (${resolve(options.site)})`);
  if (options.corsOrigins.length) lines.push(`  CORS:       ${options.corsOrigins.join(', ')}`);
  if (options.seed === 'demo') {
    lines.push(
      `  Demo world: ${at.seeded ? 'loaded now' : 'already in the database'}; its accounts:`,
      '',
      formatAccountsTable(await listDemoAccounts(database.db)).replace(/^/gm, '    '),
      '',
    );
  }
  lines.push('Press Ctrl+C to stop.');
  return lines.join('\n');
}

function formatInterval(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
