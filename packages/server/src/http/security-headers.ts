import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for `options`, worked out once. Helmet's middleware writes the same
 * headers for every response of a given configuration (no nonces are used), so running it per
 * request — as `@fastify/helmet` does, rebuilding the middleware and re-parsing the CSP directives
 * each time — only costs time.
 *
 * @example
 * securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"] } } });
 * // { 'content-security-policy': "default-src 'none'", 'x-content-type-options': 'nosniff', … }
 */
export function securityHeaders(
  options: Readonly<HelmetOptions>,
): Readonly<Record<string, string>> {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  helmet({ ...options })({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return Object.freeze(Object.fromEntries(headers));
}

/** Browser features no page of the diary uses, switched off for it and anything it frames. */
export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/**
 * Sets helmet's headers for `options` and a `Permissions-Policy` on every response, from the set
 * worked out once; returns it. Every API answer is `Cache-Control: no-store` unless its route sets
 * its own (the read cache's revalidated reads): answers carry tokens and personal data that no
 * shared or disk cache should keep.
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  options: Readonly<HelmetOptions>,
): Readonly<Record<string, string>> {
  const headers = Object.freeze({
    ...securityHeaders(options),
    'permissions-policy': PERMISSIONS_POLICY,
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });
  return headers;
}
