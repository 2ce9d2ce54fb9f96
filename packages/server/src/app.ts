import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { systemClock, type Clock } from './clock';
import { DEFAULT_CONFIG, type ServerConfig } from './config';
import type { DiaryDatabase } from './db/open';
import { DomainError } from './services/domain-error';
import { bearerAuthenticate } from './http/authenticate';
import { createReadCache } from './http/cached-reply';
import { ReadCache } from './read-cache/read-cache';
import { CACHED_ROUTES } from './routes/cached-reads';
import { buildOpenApiDocument } from './openapi';
import { errorBody, installErrorHandling, sendError } from './http/error-handler';
import { installCors } from './http/cors';
import { installLifecycle } from './http/lifecycle';
import { registerRoutes, type RegisterOptions } from './http/register-routes';
import { installSecurityHeaders } from './http/security-headers';
import { acceptStreamToken } from './http/stream-token';
import { registerStaticFiles } from './http/static-files';
import { acceptUploads, removeAbandonedUploads } from './http/uploads';
import { registerOidcCallback } from './http/oidc-callback';
import { OidcProviders } from './services/oidc-providers';
import { randomIds, type IdGenerator } from './ids';
import { createHandlers } from './routes';
import { AuditLog } from './services/audit';
import type { DataKeyring } from './services/data-keys';
import { prepareDataKeys } from './services/sealed-documents';
import type { Services } from './services/context';
import { defaultStorageDir } from './services/file-store';
import type { MessageGateway } from './services/gateway';
import { createDelivery, type Delivery, type DeliverySettings } from './delivery/delivery';
import { installHealth } from './observability/health';
import { loggerOptions, requestIdOptions, type LogDestination } from './observability/logging';
import { DiaryMetrics, installMetrics } from './observability/metrics';
import { schedulePruning } from './retention/prune-events';
import { openLiveStreams } from './http/live-stream';
import { LiveEvents } from './services/live-events';
import { databaseRateLimitStore } from './http/rate-limit-store';
import { newOneTimeCode, newSecret } from './services/secrets';
import { sessionResolver } from './services/sessions';
import { ETAG_PREFIX_SETTING } from './read-cache/etag-prefix';
import { serverVersion } from './server-version';

/** Options of {@link createApp}. */
export interface AppOptions {
  readonly database: DiaryDatabase;
  /**
   * The keys document numbers are encrypted under (never stored in the database). The app refuses
   * keys that do not open the stored documents and encrypts any still in plain text.
   */
  readonly dataKeys: DataKeyring;
  readonly config?: Partial<ServerConfig>;
  readonly clock?: Clock;
  readonly ids?: IdGenerator;
  readonly gateway?: MessageGateway;
  readonly newCode?: () => string;
  /** How messages leave (SMS provider, SMTP); without it they stay queued in the outbox. */
  readonly delivery?: DeliverySettings;
  /** Log requests (pino); off in tests. */
  readonly logger?: boolean;
  /** Where log lines go (default stdout). */
  readonly logStream?: LogDestination;
}

/** The app and the services behind it (tests reach the clock and database through it). */
export interface DiaryApp {
  readonly app: FastifyInstance;
  readonly services: Services;
  readonly routes: readonly string[];
  /** The outbox queue and its worker. */
  readonly delivery: Delivery;
  readonly metrics: DiaryMetrics;
}

/**
 * A setting every instance on the database shares, created once by whichever starts first (a
 * concurrent start keeps the first value written).
 */
async function sharedSetting(
  database: DiaryDatabase,
  key: string,
  make: () => string,
): Promise<string> {
  const read = () =>
    database.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  const row = await read();
  if (row) return row.value;
  await database.db
    .insertInto('settings')
    .values({ key, value: make() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const made = await read();
  if (!made) throw new Error(`the setting ${key} could not be stored`);
  return made.value;
}

/** The key of the one-time code hashes: configured, or made once and kept in the database. */
async function loadSecret(
  database: DiaryDatabase,
  configured: string | undefined,
): Promise<string> {
  return configured ?? sharedSetting(database, 'code_secret', newSecret);
}

/**
 * The first part of every ETag: the same on every instance of one database (a revalidation
 * answered by another instance still gets its 304), renewed when a backup is restored (versions
 * then start again from older numbers), and tied to the server's version (a new release may write
 * bodies differently).
 */
async function loadEtagPrefix(database: DiaryDatabase): Promise<string> {
  const stored = await sharedSetting(database, ETAG_PREFIX_SETTING, () =>
    randomBytes(6).toString('base64url'),
  );
  return `${stored}.${serverVersion().replace(/[^\w.]/g, '')}`;
}

/**
 * Where uploads go unless configured: beside a SQLite file, or `./diary-files` for PostgreSQL (every
 * instance must then be given the same shared directory, see docs/scaling.md).
 */
function storageDirOf(database: DiaryDatabase): string {
  return database.engine === 'sqlite'
    ? defaultStorageDir(database.sqlite.name)
    : resolve('diary-files');
}

/** Builds the diary API server over an open database. Call `app.listen()` to serve. */
export async function createApp(options: AppOptions): Promise<DiaryApp> {
  const config: ServerConfig = {
    ...DEFAULT_CONFIG,
    ...options.config,
    storageDir: options.config?.storageDir ?? storageDirOf(options.database),
  };
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const db = options.database.db;
  await prepareDataKeys(db, options.dataKeys);
  const secret = await loadSecret(options.database, config.secret);
  const readCache = new ReadCache({
    maxEntries: config.readCacheEntries,
    maxBytes: config.readCacheBytes,
  });
  const metrics = new DiaryMetrics({
    queue: { depth: () => delivery.queue.depth() },
    ...(options.database.engine === 'postgres' ? { pool: options.database.pool } : {}),
    liveStreams: () => openLiveStreams(services),
    cache: () => readCache.stats,
  });
  const delivery = createDelivery({
    db,
    clock,
    secret,
    dev: config.dev,
    settings: options.delivery,
    onOutcome: (outcome) => metrics.countDelivery(outcome),
  });
  const services: Services = {
    db,
    changes: options.database.changes,
    clock,
    ids,
    config,
    gateway: options.gateway ?? delivery.gateway,
    audit: new AuditLog(clock, ids),
    documents: options.dataKeys,
    secret,
    newCode: options.newCode ?? newOneTimeCode,
    oidc: new OidcProviders(config.oidcProviders, config.publicUrl),
    live: new LiveEvents(
      clock,
      options.database.engine === 'postgres' ? options.database.fanOut : undefined,
    ),
  };

  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logStream) : false,
    // Without a logger, fastify would still build each request's log lines for a logger that
    // drops them.
    ...(options.logger
      ? {}
      : { logController: new LogController({ disableRequestLogging: true }) }),
    ...requestIdOptions(),
    bodyLimit: config.bodyLimit,
    // The client's address comes from X-Forwarded-For only when it was sent by a proxy we trust.
    trustProxy: config.trustProxy.length > 0 ? [...config.trustProxy] : false,
    // Errors raised before routing (bad URLs, malformed HTTP) still answer in the API's shape.
    frameworkErrors: (error, request, reply) => sendError(request, reply, error),
    clientErrorHandler: (_error, socket) => {
      if (!socket.writable) return socket.destroy();
      const body = JSON.stringify(errorBody(new DomainError('validation_failed'), 'ru'));
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
  });
  installErrorHandling(app);
  // The request's id goes back to the caller, so a support ticket can name the log line.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  installLifecycle(app, services);
  // Helmet's headers, worked out once: the same set on every response.
  installSecurityHeaders(app, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  installCors(app, {
    origins: config.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'accept-language',
      'last-event-id',
      'if-none-match',
    ],
    exposedHeaders: ['etag', 'retry-after', 'content-disposition'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    // Counters live in the database, so every instance behind a load balancer shares them.
    store: databaseRateLimitStore(db, clock),
    errorResponseBuilder: (_request, context) =>
      new DomainError('rate_limited', {
        params: { seconds: Math.ceil(context.ttl / 1000) },
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  removeAbandonedUploads(app, services);
  registerOidcCallback(app, services, { max: config.authRateLimit, timeWindow: 60_000 });
  app.addHook('onListen', (done) => {
    const address = app.server.address();
    if (address && typeof address === 'object') {
      // A wildcard address is reached through the loopback one from this machine.
      const ip = ['0.0.0.0', '::'].includes(address.address) ? '127.0.0.1' : address.address;
      const host = ip.includes(':') ? `[${ip}]` : ip;
      services.oidc.useListenAddress(`http://${host}:${address.port}`);
    }
    done();
  });

  const openapi = JSON.stringify(buildOpenApiDocument({ includeDev: config.dev }));
  app.get('/api/v1/openapi.json', (_request, reply) =>
    reply.type('application/json; charset=utf-8').send(openapi),
  );
  let draining = false;
  installHealth(app, options.database, () => draining);
  app.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  // The worker starts once the server listens; closing sends what is due, then stops it.
  app.addHook('onReady', (done) => {
    delivery.worker?.start();
    done();
  });
  app.addHook('onClose', async () => delivery.flush());
  // With the system clock only: tests with a manual clock call pruneEvents themselves.
  if (clock === systemClock) {
    const stopPruning = schedulePruning(db, clock, config.eventRetentionDays, app.log);
    app.addHook('onClose', (_instance, done) => {
      stopPruning();
      done();
    });
  }
  await registerStaticFiles(app, { embedDir: config.embedDir, siteDir: config.siteDir });
  installMetrics(app, metrics, { token: config.metricsToken });

  const routeOptions: RegisterOptions = {
    handlers: createHandlers(services),
    authenticate: acceptStreamToken(bearerAuthenticate(sessionResolver(services))),
    changes: services.changes,
    dev: config.dev,
    checkResponses: config.checkResponses,
    rateLimit: { max: config.authRateLimit, timeWindow: 60_000 },
    readCache: createReadCache(services, CACHED_ROUTES, {
      etagPrefix: await loadEtagPrefix(options.database),
      cache: readCache,
    }),
  };
  const routes = registerRoutes(app, { ...routeOptions, only: (route) => !route.upload });
  // The routes that take a file, in a scope of their own with the multipart parser and its hooks.
  await app.register(async (uploads) => {
    await acceptUploads(uploads);
    routes.push(...registerRoutes(uploads, { ...routeOptions, only: (route) => !!route.upload }));
  });
  return { app, services, routes, delivery, metrics };
}
