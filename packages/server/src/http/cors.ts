import type { FastifyInstance, FastifyReply } from 'fastify';

/** Options of {@link installCors}. */
export interface CorsOptions {
  /** The origins (`https://school.example`) whose pages may call the API; compared exactly. */
  readonly origins: readonly string[];
  /** The methods a preflight allows. */
  readonly methods: readonly string[];
  /** The request headers a preflight allows. */
  readonly allowedHeaders: readonly string[];
  /** The response headers a page may read. */
  readonly exposedHeaders: readonly string[];
  /** How long (s) a browser may keep a preflight's answer. */
  readonly maxAge: number;
}

/** Adds `Origin` to `Vary`, keeping what is there (unless it already names it or is `*`). */
function varyOnOrigin(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  if (current === undefined || current === '') {
    reply.header('vary', 'Origin');
    return;
  }
  const text = Array.isArray(current) ? current.join(', ') : String(current);
  const names = text
    .toLowerCase()
    .split(',')
    .map((name) => name.trim());
  if (names.includes('*') || names.includes('origin')) return;
  reply.header('vary', `${text}, Origin`);
}

/**
 * Cross-origin access for the school sites that embed the widgets: every answer varies on
 * `Origin`; an allowed origin gets `Access-Control-Allow-Origin` (itself, never `*`, and no
 * credentials: the API takes bearer tokens, not cookies) and the exposed headers; its preflight
 * (`OPTIONS` with `Access-Control-Request-Method`, else 400) is answered 204 with the allowed
 * methods, headers and max age; any other origin gets no CORS header, and its preflight a 404.
 * The headers of each allowed origin are worked out once, so a request costs a map look-up.
 *
 * @example
 * installCors(app, { origins: ['https://school.example'], methods: ['GET'], allowedHeaders:
 *   ['authorization'], exposedHeaders: ['etag'], maxAge: 600 });
 */
export function installCors(app: FastifyInstance, options: CorsOptions): void {
  const preflight = Object.freeze({
    'access-control-allow-methods': options.methods.join(', '),
    'access-control-allow-headers': options.allowedHeaders.join(', '),
    'access-control-max-age': String(options.maxAge),
  });
  const allowed = new Map(
    options.origins.map((origin) => [
      origin,
      Object.freeze({
        'access-control-allow-origin': origin,
        'access-control-expose-headers': options.exposedHeaders.join(', '),
      }),
    ]),
  );
  app.addHook('onRequest', (request, reply, done) => {
    varyOnOrigin(reply);
    const origin = request.headers.origin;
    const headers = origin === undefined ? undefined : allowed.get(origin);
    if (!headers) return done();
    reply.headers(headers);
    if (request.method !== 'OPTIONS') return done();
    if (!request.headers['access-control-request-method']) {
      reply.code(400).type('text/plain').send('Invalid Preflight Request');
      return;
    }
    reply.headers(preflight).code(204).header('content-length', '0').send();
  });
  // A preflight from an origin that is not allowed reaches this route: it does not exist for it.
  app.options('*', (_request, reply) => reply.callNotFound());
}
