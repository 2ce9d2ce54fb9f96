import type { ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-error';
import type { SmtpSecurity } from './delivery/email-smtp';

/** The SMS provider messages go through. */
export type SmsOptions =
  | {
      readonly provider: 'smsc';
      readonly login: string;
      readonly password: string;
      readonly sender: string | null;
      readonly apiUrl: string | null;
      readonly rate: number | null;
    }
  | {
      readonly provider: 'smsru';
      readonly apiId: string;
      readonly sender: string | null;
      readonly apiUrl: string | null;
      readonly rate: number | null;
    };

/** The SMTP server e-mail goes through. */
export interface SmtpFlagOptions {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  readonly user: string | null;
  readonly password: string | null;
  readonly from: string;
  readonly ca: string | null;
  readonly rate: number | null;
}

/** Options of running the server in production: delivery, metrics, proxies, retention. */
export interface OpsOptions {
  readonly sms: SmsOptions | null;
  readonly smtp: SmtpFlagOptions | null;
  /** `/metrics` on the API port for requests with this bearer token. */
  readonly metricsToken: string | null;
  /** `/metrics` alone on this port (of `metricsHost`). */
  readonly metricsPort: number | null;
  readonly metricsHost: string;
  /** Proxies whose `X-Forwarded-For` is believed (addresses or CIDR ranges). */
  readonly trustProxy: readonly string[];
  /** Days live events are kept for resuming streams; older ones are pruned hourly. */
  readonly eventRetentionDays: number;
  /** Seconds a shutdown waits for requests in flight before closing their connections. */
  readonly shutdownGrace: number;
  /** Backup archives taken on a schedule (SQLite), or null. */
  readonly backups: BackupSchedule | null;
}

/** `--backup-every`, `--backup-dir`, `--backup-keep`. */
export interface BackupSchedule {
  readonly everySeconds: number;
  readonly dir: string;
  /** Archives kept in `dir`; older ones are deleted after each new one. */
  readonly keep: number;
}

/** The flags behind {@link OpsOptions} (merged into `serve`'s). */
export const OPS_FLAGS = {
  'sms-provider': { type: 'string' },
  'sms-login': { type: 'string' },
  'sms-password': { type: 'string' },
  'sms-api-id': { type: 'string' },
  'sms-sender': { type: 'string' },
  'sms-api-url': { type: 'string' },
  'sms-rate': { type: 'string' },
  'smtp-host': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-security': { type: 'string', default: 'starttls' },
  'smtp-user': { type: 'string' },
  'smtp-password': { type: 'string' },
  'smtp-from': { type: 'string' },
  'smtp-ca': { type: 'string' },
  'smtp-rate': { type: 'string' },
  'metrics-token': { type: 'string' },
  'metrics-port': { type: 'string' },
  'metrics-host': { type: 'string', default: '127.0.0.1' },
  'trust-proxy': { type: 'string', multiple: true, default: [] },
  'events-retention-days': { type: 'string', default: '30' },
  'shutdown-grace': { type: 'string', default: '10' },
  'backup-every': { type: 'string' },
  'backup-dir': { type: 'string' },
  'backup-keep': { type: 'string', default: '7' },
} as const satisfies ParseArgsConfig['options'];

type Values = { readonly [K in keyof typeof OPS_FLAGS]?: string | readonly string[] | undefined };

function text(values: Values, flag: keyof typeof OPS_FLAGS): string | null {
  const value = values[flag];
  if (typeof value !== 'string') return null;
  if (value.trim() === '') throw new CliUsageError(`--${flag} must not be empty`);
  return value;
}

function required(values: Values, flag: keyof typeof OPS_FLAGS, why: string): string {
  const value = text(values, flag);
  if (value === null) throw new CliUsageError(`--${flag} is required ${why}`);
  return value;
}

function wholeNumber(flag: string, value: string | null, min: number, max: number): number | null {
  if (value === null) return null;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max))
    throw new CliUsageError(
      `--${flag} must be a whole number from ${min} to ${max}, got '${value}'`,
    );
  return n;
}

function url(flag: string, value: string | null): string | null {
  if (value === null) return null;
  if (!/^https?:\/\/[^/]+/.test(value))
    throw new CliUsageError(
      `--${flag} must be an http(s) URL like https://smsc.ru, got '${value}'`,
    );
  return value;
}

function parseSms(values: Values): SmsOptions | null {
  const provider = text(values, 'sms-provider');
  if (provider === null) return null;
  const common = {
    sender: text(values, 'sms-sender'),
    apiUrl: url('sms-api-url', text(values, 'sms-api-url')),
    rate: wholeNumber('sms-rate', text(values, 'sms-rate'), 1, 1000),
  };
  switch (provider) {
    case 'smsc':
      return {
        provider,
        // An empty login means the password is an API key (SMSC's `apikey`).
        login: typeof values['sms-login'] === 'string' ? values['sms-login'] : '',
        password: required(
          values,
          'sms-password',
          'for SMSC (or an API key with an empty --sms-login)',
        ),
        ...common,
      };
    case 'smsru':
      return { provider, apiId: required(values, 'sms-api-id', 'for SMS.ru'), ...common };
    default:
      throw new CliUsageError(`--sms-provider must be 'smsc' or 'smsru', got '${provider}'`);
  }
}

function parseSmtp(values: Values): SmtpFlagOptions | null {
  const host = text(values, 'smtp-host');
  if (host === null) return null;
  const security = text(values, 'smtp-security') ?? 'starttls';
  if (security !== 'starttls' && security !== 'tls' && security !== 'none')
    throw new CliUsageError(
      `--smtp-security must be 'starttls', 'tls' or 'none', got '${security}'`,
    );
  const port =
    wholeNumber('smtp-port', text(values, 'smtp-port'), 1, 65535) ??
    (security === 'tls' ? 465 : 587);
  return {
    host,
    port,
    security,
    user: text(values, 'smtp-user'),
    password: text(values, 'smtp-password'),
    from: required(
      values,
      'smtp-from',
      "with --smtp-host (e.g. 'School 42 <diary@school42.example>')",
    ),
    ca: text(values, 'smtp-ca'),
    rate: wholeNumber('smtp-rate', text(values, 'smtp-rate'), 1, 1000),
  };
}

function parseProxy(value: string): string {
  if (!/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(value) && value !== 'loopback')
    throw new CliUsageError(
      `--trust-proxy must be the proxy's IP address or a CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8), got '${value}'`,
    );
  return value;
}

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** `90s`, `30m`, `6h`, `1d` (or plain seconds) → seconds; at least a minute. */
function parseInterval(value: string): number {
  const match = /^(\d{1,6})([smhd]?)$/.exec(value.trim());
  const seconds = match
    ? Number(match[1]) * UNIT_SECONDS[(match[2] || 's') as keyof typeof UNIT_SECONDS]
    : 0;
  if (seconds < 60)
    throw new CliUsageError(
      `--backup-every must be an interval of a minute or more, like 30m, 6h or 1d, got '${value}'`,
    );
  return seconds;
}

function parseBackups(values: Values): BackupSchedule | null {
  const every = text(values, 'backup-every');
  const dir = text(values, 'backup-dir');
  if (every === null && dir === null) return null;
  if (every === null) throw new CliUsageError('--backup-dir needs --backup-every (e.g. 6h)');
  return {
    everySeconds: parseInterval(every),
    dir: required(values, 'backup-dir', 'with --backup-every: where the archives go'),
    keep: wholeNumber('backup-keep', text(values, 'backup-keep'), 1, 10000) ?? 7,
  };
}

/** Reads the {@link OPS_FLAGS} of a parsed `serve` command line. */
export function parseOpsFlags(values: Values): OpsOptions {
  const trust = values['trust-proxy'];
  return {
    sms: parseSms(values),
    smtp: parseSmtp(values),
    metricsToken: text(values, 'metrics-token'),
    metricsPort: wholeNumber('metrics-port', text(values, 'metrics-port'), 0, 65535),
    metricsHost: text(values, 'metrics-host') ?? '127.0.0.1',
    trustProxy: (Array.isArray(trust) ? (trust as string[]) : []).map(parseProxy),
    eventRetentionDays:
      wholeNumber('events-retention-days', text(values, 'events-retention-days'), 1, 3650) ?? 30,
    shutdownGrace: wholeNumber('shutdown-grace', text(values, 'shutdown-grace'), 0, 3600) ?? 10,
    backups: parseBackups(values),
  };
}
