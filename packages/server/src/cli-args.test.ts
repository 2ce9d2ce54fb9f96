import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCliArgs, type CliCommand, type ServeOptions } from './cli-args';
import { CliUsageError } from './cli-error';

function serveOptions(argv: string[]): ServeOptions {
  const parsed = parseCliArgs(argv, {});
  assert.equal(parsed.command, 'serve');
  return (parsed as Extract<CliCommand, { command: 'serve' }>).options;
}

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    assert.ok(error instanceof CliUsageError, `expected a usage error, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    assert.doesNotMatch(error.message, /\n/, 'the message is one line');
    return error.message;
  }
  assert.fail(`parsed ${JSON.stringify(argv)} without an error`);
}

/** The production options when no delivery, metrics or proxy flag is given. */
const NO_OPS = {
  sms: null,
  smtp: null,
  metricsToken: null,
  metricsPort: null,
  metricsHost: '127.0.0.1',
  trustProxy: [],
  eventRetentionDays: 30,
  shutdownGrace: 10,
  backups: null,
};

describe('cli arguments', () => {
  it('serves on 127.0.0.1:8080 with ./diary.sqlite by default', () => {
    assert.deepEqual(serveOptions([]), {
      port: 8080,
      host: '127.0.0.1',
      db: './diary.sqlite',
      poolSize: null,
      files: null,
      seed: null,
      dev: false,
      corsOrigins: [],
      durability: 'normal',
      log: false,
      authRateLimit: null,
      codesPerDay: null,
      passwordHashCost: null,
      site: null,
      embedDir: null,
      ops: NO_OPS,
      dataKeys: { dataKey: null, dataKeyFile: null },
      oidc: { providers: [], publicUrl: null },
    });
  });

  it('reads identity providers with their secret files, and refuses a plain-http issuer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'diary-oidc-'));
    writeFileSync(join(dir, 'secret'), 'client-secret\n');
    const options = serveOptions([
      '--oidc',
      `esia=https://esia.example,diary,${join(dir, 'secret')}`,
      '--public-url',
      'https://diary.example/',
    ]);
    assert.deepEqual(options.oidc, {
      providers: [
        {
          name: 'esia',
          title: 'esia',
          issuer: 'https://esia.example',
          clientId: 'diary',
          clientSecret: 'client-secret',
        },
      ],
      publicUrl: 'https://diary.example',
    });
    assert.throws(
      () => parseCliArgs(['--oidc', `esia=http://esia.example,diary,${join(dir, 'secret')}`], {}),
      /issuer must be an https URL/,
    );
    rmSync(dir, { recursive: true });
  });

  it('reads every serve flag, with or without the serve command', () => {
    const argv = [
      '--port=0',
      '--host',
      '0.0.0.0',
      '--db',
      '/srv/diary.sqlite',
      '--seed',
      'demo',
      '--dev',
      '--durability',
      'full',
      '--log',
      '--auth-rate-limit',
      '600',
      '--codes-per-day',
      '50',
      '--site',
      'examples/school-site',
      '--embed-dir',
      'packages/elements/dist',
    ];
    const expected: ServeOptions = {
      port: 0,
      host: '0.0.0.0',
      db: '/srv/diary.sqlite',
      poolSize: null,
      files: null,
      seed: 'demo',
      dev: true,
      corsOrigins: [],
      durability: 'full',
      log: true,
      authRateLimit: 600,
      codesPerDay: 50,
      passwordHashCost: null,
      site: 'examples/school-site',
      embedDir: 'packages/elements/dist',
      ops: NO_OPS,
      dataKeys: { dataKey: null, dataKeyFile: null },
      oidc: { providers: [], publicUrl: null },
    };
    assert.deepEqual(serveOptions(argv), expected);
    assert.deepEqual(serveOptions(['serve', ...argv]), expected);
  });

  it('collects a repeated --cors-origin', () => {
    const options = serveOptions([
      '--cors-origin',
      'https://school42.example',
      '--cors-origin=http://localhost:5173',
    ]);
    assert.deepEqual(options.corsOrigins, ['https://school42.example', 'http://localhost:5173']);
  });

  it('reads backup and restore with their defaults', () => {
    assert.deepEqual(parseCliArgs(['backup', '--to', 'nightly.tar.gz'], {}), {
      command: 'backup',
      options: { db: './diary.sqlite', files: null, to: 'nightly.tar.gz', force: false },
    });
    const backup = ['backup', '--to', 'b.tar.gz', '--db', 'a.sqlite', '--files', 'up', '--force'];
    assert.deepEqual(parseCliArgs(backup, {}), {
      command: 'backup',
      options: { db: 'a.sqlite', files: 'up', to: 'b.tar.gz', force: true },
    });
    assert.deepEqual(parseCliArgs(['restore', '--from', 'b.tar.gz'], {}), {
      command: 'restore',
      options: { db: './diary.sqlite', files: null, from: 'b.tar.gz' },
    });
  });

  it('reads a backup schedule and refuses an interval under a minute or a schedule half given', () => {
    const options = serveOptions(['--backup-every', '6h', '--backup-dir', '/var/backups/diary']);
    assert.deepEqual(options.ops.backups, {
      everySeconds: 6 * 3600,
      dir: '/var/backups/diary',
      keep: 7,
    });
    assert.equal(
      serveOptions(['--backup-every=1d', '--backup-dir=b', '--backup-keep=30']).ops.backups?.keep,
      30,
    );
    assert.match(usageError(['--backup-every', '30s', '--backup-dir', 'b']), /a minute or more/);
    assert.match(usageError(['--backup-dir', 'b']), /--backup-dir needs --backup-every/);
    assert.match(usageError(['--backup-every', '1h']), /--backup-dir is required/);
  });

  it('answers --help and --version before anything else', () => {
    assert.deepEqual(parseCliArgs(['--help']), { command: 'help' });
    assert.deepEqual(parseCliArgs(['-h']), { command: 'help' });
    assert.deepEqual(parseCliArgs(['backup', '--help']), { command: 'help' });
    assert.deepEqual(parseCliArgs(['--version']), { command: 'version' });
  });

  it('rejects a port out of range or not a number, naming the flag', () => {
    for (const port of ['65536', '-1', '80.5', 'http', '']) {
      assert.match(
        usageError([`--port=${port}`]),
        /^--port must be a whole number from 0 to 65535/,
      );
    }
  });

  it('rejects an unknown durability, seed, rate limit or origin with the accepted values', () => {
    assert.match(
      usageError(['--durability', 'paranoid']),
      /--durability must be 'normal' or 'full'/,
    );
    assert.match(usageError(['--seed', 'prod']), /--seed must be 'demo'/);
    assert.match(
      usageError(['--auth-rate-limit', '0']),
      /--auth-rate-limit must be a whole number/,
    );
    for (const origin of ['school42.example', 'https://school42.example/', 'https://a.example/x']) {
      assert.match(usageError(['--cors-origin', origin]), /--cors-origin must be an origin/);
    }
  });

  it('rejects an unknown flag or command and a flag without its value', () => {
    assert.equal(usageError(['--prot', '80']), 'unknown flag --prot (see --help)');
    assert.equal(usageError(['backup', '--port', '80']), 'unknown flag --port (see --help)');
    assert.match(usageError(['start']), /unknown command 'start'/);
    assert.match(usageError(['--port']), /^--port needs a value/);
    assert.match(usageError(['--port', '--dev']), /^--port needs a value/);
    assert.equal(usageError(['--dev=yes']), '--dev takes no value');
    assert.match(usageError(['--db', '']), /--db must not be empty/);
  });

  it('asks for the file a backup or restore needs', () => {
    assert.match(usageError(['backup']), /backup needs --to FILE/);
    assert.match(usageError(['restore']), /restore needs --from FILE/);
    assert.match(usageError(['restore', 'b.sqlite']), /unexpected argument 'b.sqlite'/);
  });
});

describe('cli arguments for PostgreSQL', () => {
  it('takes DATABASE_URL when --db is absent, and --db over it', () => {
    const env = { DATABASE_URL: 'postgres://diary@db:5432/diary' };
    const viaEnv = parseCliArgs(['--db-pool', '25', '--files', '/mnt/files'], env);
    assert.equal(viaEnv.command, 'serve');
    if (viaEnv.command !== 'serve') return;
    assert.equal(viaEnv.options.db, 'postgres://diary@db:5432/diary');
    assert.equal(viaEnv.options.poolSize, 25);
    assert.equal(viaEnv.options.files, '/mnt/files');
    const flag = parseCliArgs(['--db', './x.sqlite'], env);
    assert.ok(flag.command === 'serve' && flag.options.db === './x.sqlite');
    const backup = parseCliArgs(['backup', '--to', 'x.dump'], env);
    assert.ok(backup.command === 'backup' && backup.options.db === env.DATABASE_URL);
    const blank = parseCliArgs([], { DATABASE_URL: '  ' });
    assert.ok(blank.command === 'serve' && blank.options.db === './diary.sqlite');
  });

  it('refuses a pool size that is not a whole number from 1 to 1000', () => {
    for (const bad of ['0', '-1', '1001', '2.5', 'ten', ''])
      assert.match(usageError([`--db-pool=${bad}`]), /--db-pool must be a whole number/);
    assert.match(usageError(['--files', ' ']), /--files must not be empty/);
  });

  it('backup and restore name pg_dump and point-in-time recovery for a PostgreSQL --db', async () => {
    const { backupDatabase } = await import('./cli-backup');
    const { restoreDatabase } = await import('./cli-restore');
    await assert.rejects(
      backupDatabase({ db: 'postgres://diary@db/diary', files: null, to: 'x.dump', force: false }),
      /PostgreSQL.*pg_dump.*point-in-time/,
    );
    await assert.rejects(
      restoreDatabase({ db: 'postgres://diary@db/diary', files: null, from: 'x.dump' }),
      /PostgreSQL.*pg_dump.*point-in-time/,
    );
  });
});
