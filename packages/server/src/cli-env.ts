import type { ParseArgsConfig } from 'node:util';

/** `--sms-password` → `DIARY_SMS_PASSWORD`: the environment variable of every flag. */
export function envNameOf(flag: string): string {
  return `DIARY_${flag.replace(/-/g, '_').toUpperCase()}`;
}

/**
 * Adds a flag from the environment for every flag of `options` the command line does not give:
 * `DIARY_<FLAG>` (`--smtp-host` ← `DIARY_SMTP_HOST`); a boolean is on for `1`, `true` or `yes`;
 * a repeatable flag takes a comma-separated list. The command line wins over the environment.
 *
 * @example
 * withEnvironment(['--port', '80'], SERVE, { DIARY_PORT: '8080', DIARY_DEV: '1' });
 * // ['--port', '80', '--dev']
 */
export function withEnvironment(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  const given = new Set(
    args.filter((a) => a.startsWith('--')).map((a) => a.slice(2).split('=')[0]),
  );
  const added: string[] = [];
  for (const [flag, spec] of Object.entries(options)) {
    if (given.has(flag) || flag === 'help' || flag === 'version') continue;
    const value = env[envNameOf(flag)];
    if (value === undefined || value === '') continue;
    if (spec.type === 'boolean') {
      if (/^(1|true|yes)$/i.test(value)) added.push(`--${flag}`);
    } else if (spec.multiple) {
      for (const item of value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean))
        added.push(`--${flag}=${item}`);
    } else added.push(`--${flag}=${value}`);
  }
  return [...args, ...added];
}
