// The Caddy configuration shipped in the docs is one Caddy accepts, and proxies as the nginx one
// does (the nginx one runs end to end in behind-nginx.test.ts). Skipped where Caddy is not
// installed (Debian: apt-get install caddy).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const CADDY = '/usr/bin/caddy';
const CADDYFILE = fileURLToPath(new URL('../../../docs/deploy/Caddyfile', import.meta.url));

describe(
  'the Caddyfile of the docs',
  { skip: existsSync(CADDY) ? false : `needs Caddy at ${CADDY} (apt-get install caddy)` },
  () => {
    /** Runs caddy with a throw-away home, so nothing is written outside the test's folder. */
    function caddy(args: string[]) {
      const home = mkdtempSync(join(tmpdir(), 'diary-caddy-'));
      try {
        const env = { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
        return spawnSync(CADDY, args, { encoding: 'utf8', env, timeout: 60_000 });
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    }

    it('is valid, and proxies to both instances with streaming, health checks and the real IP', () => {
      const validated = caddy(['validate', '--config', CADDYFILE, '--adapter', 'caddyfile']);
      assert.equal(validated.status, 0, validated.stderr);
      assert.match(validated.stdout + validated.stderr, /Valid configuration/);

      const adapted = caddy(['adapt', '--config', CADDYFILE, '--adapter', 'caddyfile']);
      assert.equal(adapted.status, 0, adapted.stderr);
      const json = adapted.stdout;
      const proxy = /\{[^{}]*"handler":"reverse_proxy".*\}/.exec(json)?.[0] ?? '';
      assert.ok(proxy, json);
      for (const expected of [
        '"flush_interval":-1',
        '"X-Forwarded-For":["{http.request.remote.host}"]',
        '"uri":"/readyz"',
        '{"dial":"127.0.0.1:8081"},{"dial":"127.0.0.1:8082"}',
        '"read_timeout":3600000000000',
      ])
        assert.ok(json.includes(expected), `${expected} in ${json}`);
      // /metrics answers 404 before anything reaches the instances.
      assert.match(
        json,
        /"static_response","status_code":404\}\],"match":\[\{"path":\["\/metrics"\]/,
      );
    });
  },
);
