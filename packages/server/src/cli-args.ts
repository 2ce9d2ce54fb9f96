import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DataKeyOptions } from './cli-data-keys';
import { withEnvironment } from './cli-env';
import { parseDeliveriesArgs, type DeliveriesOptions } from './cli-deliveries';
import { parseCreateSchoolArgs, type CreateSchoolOptions } from './cli-create-school';
import {
  parseExportArgs,
  parseImportArgs,
  type ExportOptions,
  type ImportOptions,
} from './cli-import';
import { CliUsageError } from './cli-error';
import { OPS_FLAGS, parseOpsFlags, type OpsOptions } from './cli-ops-args';
import { OIDC_FLAGS, parseOidcFlags, type OidcOptions } from './cli-oidc';

/** How a commit reaches the disk: `full` fsyncs every commit, `normal` survives a process crash. */
export type Durability = 'normal' | 'full';

/** Options of `school-diary-server [serve]`. */
export interface ServeOptions {
  /** 0 picks a free port; the real one is printed. */
  readonly port: number;
  readonly host: string;
  /**
   * The SQLite file, as given (relative to the working directory), or a `postgres://` URL; from
   * `DATABASE_URL` when `--db` is absent.
   */
  readonly db: string;
  /** PostgreSQL connections per instance (`--db-pool`); `null` keeps the default. */
  readonly poolSize: number | null;
  /** Directory of uploaded files (`--files`); `null`: beside the SQLite file, or `./diary-files`. */
  readonly files: string | null;
  readonly seed: 'demo' | null;
  readonly dev: boolean;
  readonly corsOrigins: readonly string[];
  readonly durability: Durability;
  /** Log every request (pino, one JSON line each). */
  readonly log: boolean;
  /** Requests per minute per IP on the login/registration routes; `null` keeps the server default. */
  readonly authRateLimit: number | null;
  /** One-time codes sent to, and tried by, one account per day (`--codes-per-day`). */
  readonly codesPerDay: number | null;
  /** scrypt cost (log2 N) of new password hashes; `null` keeps the server default (17). */
  readonly passwordHashCost: number | null;
  /** A website to serve at `/` (the example school site), or null. */
  readonly site: string | null;
  /** Directory of the one-script-tag build served at `/embed/`, or null to look for the package. */
  readonly embedDir: string | null;
  /** Delivery, metrics, proxies, retention (see cli-ops-args.ts). */
  readonly ops: OpsOptions;
  /** The keys document numbers are encrypted under. */
  readonly dataKeys: DataKeyOptions;
  /** Identity providers (OpenID Connect) parents may sign in with. */
  readonly oidc: OidcOptions;
}

/** Options of `school-diary-server rotate-key`. */
export interface RotateKeyOptions {
  readonly db: string;
  /** The new key first, then the one (or ones) the documents are sealed under now. */
  readonly dataKeys: DataKeyOptions;
}

/** Options of `school-diary-server backup`. */
export interface BackupOptions {
  readonly db: string;
  /** The uploaded files (`--files`); `null`: `files/` beside the database. */
  readonly files: string | null;
  readonly to: string;
  readonly force: boolean;
}

/** Options of `school-diary-server restore`. */
export interface RestoreOptions {
  readonly db: string;
  /** Where the uploaded files go (`--files`); `null`: `files/` beside the database. */
  readonly files: string | null;
  readonly from: string;
}

/** Options of `school-diary-server audit`. */
export interface AuditOptions {
  readonly db: string;
  /** The earliest instant to show, ISO 8601 (`2026-11-24` or `2026-11-24T09:00:00Z`). */
  readonly since: string;
  /** `auth`: sign-ins, codes, lockouts, blocks, passwords and sessions only; `all`: every entry. */
  readonly kind: 'auth' | 'all';
}

/** What the command line asks for. */
export type CliCommand =
  | { readonly command: 'serve'; readonly options: ServeOptions }
  | { readonly command: 'backup'; readonly options: BackupOptions }
  | { readonly command: 'restore'; readonly options: RestoreOptions }
  | { readonly command: 'deliveries'; readonly options: DeliveriesOptions }
  | { readonly command: 'audit'; readonly options: AuditOptions }
  | { readonly command: 'rotate-key'; readonly options: RotateKeyOptions }
  | { readonly command: 'create-school'; readonly options: CreateSchoolOptions }
  | { readonly command: 'import'; readonly options: ImportOptions }
  | { readonly command: 'export'; readonly options: ExportOptions }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

/** The database file used when `--db` is not given. */
export const DEFAULT_DB_FILE = './diary.sqlite';

const COMMON = {
  db: { type: 'string', default: DEFAULT_DB_FILE },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const SERVE = {
  ...COMMON,
  db: { type: 'string' },
  'db-pool': { type: 'string' },
  files: { type: 'string' },
  port: { type: 'string', default: '8080' },
  host: { type: 'string', default: '127.0.0.1' },
  seed: { type: 'string' },
  dev: { type: 'boolean', default: false },
  'cors-origin': { type: 'string', multiple: true, default: [] },
  durability: { type: 'string', default: 'normal' },
  log: { type: 'boolean', default: false },
  'auth-rate-limit': { type: 'string' },
  'codes-per-day': { type: 'string' },
  'password-hash-cost': { type: 'string' },
  site: { type: 'string' },
  'embed-dir': { type: 'string' },
  'data-key-file': { type: 'string' },
  version: { type: 'boolean', default: false },
  ...OPS_FLAGS,
  ...OIDC_FLAGS,
} as const satisfies ParseArgsConfig['options'];

const BACKUP = {
  ...COMMON,
  db: { type: 'string' },
  files: { type: 'string' },
  to: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

const RESTORE = {
  ...COMMON,
  db: { type: 'string' },
  files: { type: 'string' },
  from: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const ROTATE_KEY = {
  ...COMMON,
  db: { type: 'string' },
  'data-key-file': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

const AUDIT = {
  ...COMMON,
  db: { type: 'string' },
  since: { type: 'string' },
  kind: { type: 'string', default: 'all' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Parses the arguments after `school-diary-server` (without `node` and the script). The first
 * argument may name a subcommand (`serve`, `backup`, `restore`); without one the server starts.
 * Throws {@link CliUsageError} for anything it cannot run.
 *
 * @example
 * parseCliArgs(['--port', '0', '--seed', 'demo', '--dev']);
 * // { command: 'serve', options: { port: 0, seed: 'demo', dev: true, … } }
 * parseCliArgs(['backup', '--to', 'nightly.sqlite']);
 * // { command: 'backup', options: { db: './diary.sqlite', to: 'nightly.sqlite', force: false } }
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliCommand {
  const [first, ...rest] = argv;
  const fallbackDb = env.DATABASE_URL?.trim() ? env.DATABASE_URL.trim() : DEFAULT_DB_FILE;
  const dataKey = env.DIARY_DATA_KEY?.trim() ? env.DIARY_DATA_KEY : null;
  switch (first) {
    case 'backup':
      return parseBackup(rest, fallbackDb);
    case 'restore':
      return parseRestore(rest, fallbackDb);
    case 'deliveries':
      return { command: 'deliveries', options: parseDeliveriesArgs(rest, fallbackDb) };
    case 'serve':
      return parseServe(withEnvironment(rest, SERVE, env), fallbackDb, dataKey);
    case 'audit':
      return parseAudit(rest, fallbackDb);
    case 'rotate-key':
      return parseRotateKey(withEnvironment(rest, ROTATE_KEY, env), fallbackDb, dataKey);
    case 'create-school': {
      const options = parseCreateSchoolArgs(rest, fallbackDb, env);
      return options ? { command: 'create-school', options } : { command: 'help' };
    }
    case 'import': {
      const options = parseImportArgs(rest, fallbackDb);
      return options ? { command: 'import', options } : { command: 'help' };
    }
    case 'export': {
      const options = parseExportArgs(rest, fallbackDb);
      return options ? { command: 'export', options } : { command: 'help' };
    }
    default:
      if (first !== undefined && !first.startsWith('-'))
        throw new CliUsageError(
          `unknown command '${first}': use serve, backup, restore, deliveries, audit, rotate-key, create-school, import or export (see --help)`,
        );
      return parseServe(withEnvironment(argv, SERVE, env), fallbackDb, dataKey);
  }
}

function dataKeyOptions(file: string | undefined, dataKey: string | null): DataKeyOptions {
  return { dataKey, dataKeyFile: file === undefined ? null : nonEmpty('--data-key-file', file) };
}

function parseRotateKey(
  args: readonly string[],
  fallbackDb: string,
  dataKey: string | null,
): CliCommand {
  const { values } = parse(args, ROTATE_KEY);
  if (values.help) return { command: 'help' };
  return {
    command: 'rotate-key',
    options: {
      db: nonEmpty('--db', values.db ?? fallbackDb),
      dataKeys: dataKeyOptions(values['data-key-file'], dataKey),
    },
  };
}

function parseServe(
  args: readonly string[],
  fallbackDb: string,
  dataKey: string | null,
): CliCommand {
  const { values } = parse(args, SERVE);
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  return {
    command: 'serve',
    options: {
      port: parsePort(values.port),
      host: nonEmpty('--host', values.host),
      db: nonEmpty('--db', values.db ?? fallbackDb),
      poolSize: values['db-pool'] === undefined ? null : parsePoolSize(values['db-pool']),
      files: values.files === undefined ? null : nonEmpty('--files', values.files),
      seed: parseSeed(values.seed),
      dev: values.dev,
      corsOrigins: values['cors-origin'].map(parseOrigin),
      durability: parseDurability(values.durability),
      log: values.log,
      authRateLimit:
        values['auth-rate-limit'] === undefined
          ? null
          : parseCount('--auth-rate-limit', values['auth-rate-limit']),
      codesPerDay:
        values['codes-per-day'] === undefined
          ? null
          : parseCount('--codes-per-day', values['codes-per-day']),
      passwordHashCost:
        values['password-hash-cost'] === undefined
          ? null
          : parseHashCost(values['password-hash-cost']),
      site: values.site === undefined ? null : nonEmpty('--site', values.site),
      embedDir:
        values['embed-dir'] === undefined ? null : nonEmpty('--embed-dir', values['embed-dir']),
      ops: parseOpsFlags(values),
      dataKeys: dataKeyOptions(values['data-key-file'], dataKey),
      oidc: parseOidcFlags(values),
    },
  };
}

function parseBackup(args: readonly string[], fallbackDb: string): CliCommand {
  const { values } = parse(args, BACKUP);
  if (values.help) return { command: 'help' };
  if (values.to === undefined)
    throw new CliUsageError('backup needs --to FILE: where to write the copy');
  return {
    command: 'backup',
    options: {
      db: nonEmpty('--db', values.db ?? fallbackDb),
      files: values.files === undefined ? null : nonEmpty('--files', values.files),
      to: nonEmpty('--to', values.to),
      force: values.force,
    },
  };
}

function parseHashCost(value: string): number {
  const cost = Number(value);
  if (!Number.isInteger(cost) || cost < 10 || cost > 20)
    throw new CliUsageError(
      `--password-hash-cost must be a whole number from 10 to 20, not '${value}'`,
    );
  return cost;
}

function parseAudit(args: readonly string[], fallbackDb: string): CliCommand {
  const { values } = parse(args, AUDIT);
  if (values.help) return { command: 'help' };
  if (values.since === undefined || Number.isNaN(Date.parse(values.since)))
    throw new CliUsageError('audit needs --since DATE: e.g. --since 2026-11-24');
  if (values.kind !== 'auth' && values.kind !== 'all')
    throw new CliUsageError(`--kind must be auth or all, not '${values.kind}'`);
  return {
    command: 'audit',
    options: {
      db: nonEmpty('--db', values.db ?? fallbackDb),
      since: new Date(Date.parse(values.since)).toISOString(),
      kind: values.kind,
    },
  };
}

function parseRestore(args: readonly string[], fallbackDb: string): CliCommand {
  const { values } = parse(args, RESTORE);
  if (values.help) return { command: 'help' };
  if (values.from === undefined)
    throw new CliUsageError('restore needs --from FILE: a backup made by `backup`');
  return {
    command: 'restore',
    options: {
      db: nonEmpty('--db', values.db ?? fallbackDb),
      files: values.files === undefined ? null : nonEmpty('--files', values.files),
      from: nonEmpty('--from', values.from),
    },
  };
}

/** `parseArgs` with its errors turned into one-line {@link CliUsageError}s. */
function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: O,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  } catch (error) {
    throw usageErrorFrom(error);
  }
}

function usageErrorFrom(error: unknown): Error {
  if (!(error instanceof Error)) return new Error(String(error));
  if (!('code' in error)) return error;
  const quoted = /'([^' ]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliUsageError(`unknown flag ${quoted} (see --help)`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliUsageError(`unexpected argument '${quoted}' (see --help)`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new CliUsageError(
        /does not take/.test(error.message)
          ? `${quoted} takes no value`
          : `${quoted} needs a value, e.g. ${quoted}=VALUE`,
      );
    default:
      return error;
  }
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new CliUsageError(`${flag} must not be empty`);
  return value;
}

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new CliUsageError(
      `--port must be a whole number from 0 to 65535 (0 picks a free port), got '${value}'`,
    );
  return port;
}

function parseCount(flag: string, value: string): number {
  const count = /^\d{1,9}$/.test(value) ? Number(value) : 0;
  if (count < 1) throw new CliUsageError(`${flag} must be a whole number above 0, got '${value}'`);
  return count;
}

function parsePoolSize(value: string): number {
  const size = /^\d{1,4}$/.test(value) ? Number(value) : 0;
  if (size < 1 || size > 1000)
    throw new CliUsageError(
      `--db-pool must be a whole number of connections from 1 to 1000, got '${value}'`,
    );
  return size;
}

function parseSeed(value: string | undefined): 'demo' | null {
  if (value === undefined) return null;
  if (value === 'demo') return 'demo';
  throw new CliUsageError(`--seed must be 'demo' (the only data set), got '${value}'`);
}

function parseDurability(value: string): Durability {
  if (value === 'normal' || value === 'full') return value;
  throw new CliUsageError(`--durability must be 'normal' or 'full', got '${value}'`);
}

function parseOrigin(value: string): string {
  let origin: string | null = null;
  try {
    origin = new URL(value).origin;
  } catch {
    // not a URL at all: reported below
  }
  if (origin === null || origin === 'null' || origin !== value)
    throw new CliUsageError(
      `--cors-origin must be an origin like https://school.example (scheme, host, optional port; no path or trailing slash), got '${value}'`,
    );
  return value;
}
