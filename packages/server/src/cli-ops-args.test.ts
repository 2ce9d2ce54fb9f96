import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArgs, type CliCommand, type ServeOptions } from './cli-args';
import { envNameOf } from './cli-env';
import { CliUsageError } from './cli-error';
import { USAGE } from './cli-usage';

function serve(argv: string[], env: Record<string, string> = {}): ServeOptions {
  const parsed = parseCliArgs(argv, env);
  assert.equal(parsed.command, 'serve');
  return (parsed as Extract<CliCommand, { command: 'serve' }>).options;
}

function usageError(argv: string[], env: Record<string, string> = {}): string {
  assert.throws(() => parseCliArgs(argv, env), CliUsageError);
  try {
    parseCliArgs(argv, env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('delivery, metrics and proxy flags', () => {
  it('reads an SMSC account, an SMTP server and the metrics settings', () => {
    const { ops } = serve([
      '--sms-provider=smsc',
      '--sms-login=school42',
      '--sms-password=secret',
      '--sms-sender=School42',
      '--smtp-host=smtp.example.org',
      '--smtp-security=tls',
      '--smtp-user=diary',
      '--smtp-password=pw',
      '--smtp-from=Школа № 42 <diary@school42.example>',
      '--metrics-port=9464',
      '--trust-proxy=127.0.0.1',
      '--trust-proxy=10.0.0.0/8',
      '--events-retention-days=7',
    ]);
    assert.deepEqual(ops.sms, {
      provider: 'smsc',
      login: 'school42',
      password: 'secret',
      sender: 'School42',
      apiUrl: null,
      rate: null,
    });
    assert.equal(ops.smtp?.port, 465, 'TLS from the first byte defaults to port 465');
    assert.equal(ops.smtp?.security, 'tls');
    assert.equal(ops.metricsPort, 9464);
    assert.deepEqual(ops.trustProxy, ['127.0.0.1', '10.0.0.0/8']);
    assert.equal(ops.eventRetentionDays, 7);
  });

  it('says which flag is missing or wrong', () => {
    assert.match(usageError(['--sms-provider=smsru']), /--sms-api-id is required for SMS\.ru/);
    assert.match(usageError(['--sms-provider=twilio']), /'smsc' or 'smsru'/);
    assert.match(usageError(['--smtp-host=mx']), /--smtp-from is required/);
    assert.match(
      usageError(['--smtp-host=mx', '--smtp-from=a@b', '--smtp-security=ssl']),
      /starttls/,
    );
    assert.match(usageError(['--trust-proxy=proxy.example']), /IP address or a CIDR range/);
    assert.match(usageError(['--events-retention-days=0']), /from 1 to 3650/);
  });
});

describe('flags from the environment', () => {
  it('takes every serve flag from DIARY_<FLAG>, the command line winning', () => {
    const options = serve(['--port=9000'], {
      DIARY_PORT: '8081',
      DIARY_HOST: '0.0.0.0',
      DIARY_DEV: 'true',
      DIARY_CORS_ORIGIN: 'https://a.example, https://b.example',
      DIARY_SMS_PROVIDER: 'smsru',
      DIARY_SMS_API_ID: 'key',
      DIARY_METRICS_TOKEN: 'scrape-me',
    });
    assert.equal(options.port, 9000);
    assert.equal(options.host, '0.0.0.0');
    assert.equal(options.dev, true);
    assert.deepEqual(options.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.deepEqual(options.ops.sms, {
      provider: 'smsru',
      apiId: 'key',
      sender: null,
      apiUrl: null,
      rate: null,
    });
    assert.equal(options.ops.metricsToken, 'scrape-me');
  });

  it('reports a bad value from the environment under its flag', () => {
    assert.match(usageError([], { DIARY_PORT: 'eighty' }), /--port must be a whole number/);
  });

  it('documents the variable of every flag in --help', () => {
    for (const flag of ['port', 'sms-password', 'smtp-password', 'metrics-token', 'trust-proxy'])
      assert.ok(USAGE.includes(envNameOf(flag)), `${envNameOf(flag)} in the usage text`);
  });
});
