// The demo identity provider of `npm start`: a real OpenID provider (oidc-provider) on a free
// local port, whose people are demo-world parents (Иванова Елена has her account's SNILS).
// Prints `issuer <url>` once it listens; runs until stopped.
import { callbackPath } from '../services/oidc-flow';
import { listenTestProvider } from './oidc-test-provider';

/** The demo's client at its provider; `npm start` writes the same into the server's config. */
export const DEMO_OIDC_CLIENT = {
  clientId: 'school-diary-demo',
  clientSecret: 'demo-client-secret',
};

const idp = await listenTestProvider(Number(process.env.DIARY_DEMO_OIDC_PORT ?? 0));
idp.start(
  // The diary of `npm start` may listen on any local port: every loopback callback is allowed.
  {
    ...DEMO_OIDC_CLIENT,
    redirectUris: [`http://127.0.0.1:8080${callbackPath('demo')}`],
    allowLoopbackCallback: callbackPath('demo'),
  },
  [
    { sub: 'demo-ivanova', family_name: 'Иванова', given_name: 'Елена', snils: '123-456-789 64' },
    { sub: 'demo-stranger', family_name: 'Незнакомова', given_name: 'Ольга' },
  ],
);
console.log(`issuer ${idp.issuer}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void idp.close().then(() => process.exit(0)));
