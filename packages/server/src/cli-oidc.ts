import { readFileSync } from 'node:fs';
import { CliUsageError } from './cli-error';
import { PROVIDER_NAME, type OidcProviderConfig } from './services/oidc-providers';

/** The flags of identity providers (OpenID Connect) on `serve`. */
export const OIDC_FLAGS = {
  oidc: { type: 'string', multiple: true, default: [] as string[] },
  'oidc-config': { type: 'string' },
  'public-url': { type: 'string' },
} as const;

/** Identity providers and the public address their callbacks use. */
export interface OidcOptions {
  readonly providers: readonly OidcProviderConfig[];
  readonly publicUrl: string | null;
}

function secretFrom(file: string, flag: string): string {
  try {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret) return secret;
  } catch {
    // reported below
  }
  throw new CliUsageError(`${flag}: the client secret file '${file}' is missing or empty`);
}

function checked(config: OidcProviderConfig, flag: string): OidcProviderConfig {
  if (!PROVIDER_NAME.test(config.name))
    throw new CliUsageError(
      `${flag}: a provider name is Latin letters, digits, _ and -, not '${config.name}'`,
    );
  try {
    const issuer = new URL(config.issuer);
    if (issuer.protocol !== 'https:' && !['localhost', '127.0.0.1'].includes(issuer.hostname))
      throw new Error('not https');
  } catch {
    throw new CliUsageError(`${flag}: the issuer must be an https URL, not '${config.issuer}'`);
  }
  if (!config.clientId) throw new CliUsageError(`${flag}: the client id is empty`);
  return config;
}

/** `name=issuer,client-id,secret-file`: the title is the name. */
function inline(value: string): OidcProviderConfig {
  const match = /^([^=]+)=([^,]+),([^,]+),(.+)$/.exec(value);
  if (!match)
    throw new CliUsageError(
      `--oidc must be NAME=ISSUER,CLIENT_ID,SECRET_FILE (e.g. gosuslugi=https://esia.example,diary,/run/secrets/esia), got '${value}'`,
    );
  const [, name = '', issuer = '', clientId = '', secretFile = ''] = match;
  return checked(
    { name, title: name, issuer, clientId, clientSecret: secretFrom(secretFile, '--oidc') },
    '--oidc',
  );
}

interface FileEntry {
  name?: unknown;
  title?: unknown;
  issuer?: unknown;
  clientId?: unknown;
  clientSecretFile?: unknown;
  logoUrl?: unknown;
  scopes?: unknown;
  snilsClaim?: unknown;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A JSON file: `{ "providers": [{ name, title, issuer, clientId, clientSecretFile, … }] }`. */
function fromFile(file: string): OidcProviderConfig[] {
  let parsed: { providers?: FileEntry[] };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as { providers?: FileEntry[] };
  } catch (error) {
    throw new CliUsageError(`--oidc-config: cannot read '${file}': ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed.providers))
    throw new CliUsageError(`--oidc-config: '${file}' has no "providers" list`);
  return parsed.providers.map((p) =>
    checked(
      {
        name: text(p.name),
        title: text(p.title) || text(p.name),
        issuer: text(p.issuer),
        clientId: text(p.clientId),
        clientSecret: secretFrom(text(p.clientSecretFile), '--oidc-config'),
        ...(text(p.logoUrl) ? { logoUrl: text(p.logoUrl) } : {}),
        ...(Array.isArray(p.scopes) ? { scopes: p.scopes.map(text) } : {}),
        ...(text(p.snilsClaim) ? { snilsClaim: text(p.snilsClaim) } : {}),
      },
      '--oidc-config',
    ),
  );
}

/** Reads `--oidc`, `--oidc-config` and `--public-url`. */
export function parseOidcFlags(values: {
  oidc: string[];
  'oidc-config'?: string | undefined;
  'public-url'?: string | undefined;
}): OidcOptions {
  const providers = [
    ...values.oidc.map(inline),
    ...(values['oidc-config'] ? fromFile(values['oidc-config']) : []),
  ];
  const names = providers.map((p) => p.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new CliUsageError(`the identity provider '${twice}' is configured twice`);
  const url = values['public-url'];
  if (url !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(url))
    throw new CliUsageError(
      `--public-url must be an origin like https://diary.example, got '${url}'`,
    );
  return { providers, publicUrl: url?.replace(/\/$/, '') ?? null };
}
