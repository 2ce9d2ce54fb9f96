import { resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the static files served beside the API live. */
export interface StaticFilesOptions {
  /**
   * The elements package's `dist/` directory: `/embed/diary-elements.js` (the one-script-tag
   * build) and its lazily loaded chunks under `/embed/diary-elements/`.
   */
  readonly embedDir?: string | undefined;
  /** A website served at `/` (the example school site); never under `/api/`. */
  readonly siteDir?: string | undefined;
}

/** The site's pages run the embed script from this server and call its API: nothing else. */
const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Only the embed build is public: `diary-elements.js` and `diary-elements/<chunk>.js` (+ maps).
const EMBED_FILE = /^diary-elements(?:\.js|\.js\.map|\/[\w.-]+\.js(?:\.map)?)$/;

/** Whether a file under the embed's root is a content-hashed chunk (its name changes with it). */
const isChunk = (file: string): boolean => file.split(sep).includes('diary-elements');

/**
 * Serves the one-script-tag build at `/embed/` (with CORS open to every origin: school sites load
 * it as a module script from their own origin) and, when given, a website at `/`, through
 * `@fastify/static`: brotli or gzip siblings (`.br`, `.gz`) built beside a file are sent to the
 * clients that take them, hashed chunks are `immutable` for a year, and the loader and the pages
 * revalidate (`no-cache` with ETag and Last-Modified, answered 304 when unchanged).
 */
export async function registerStaticFiles(
  app: FastifyInstance,
  options: StaticFilesOptions,
): Promise<void> {
  // JavaScript as RFC 9239 names it (the library says `application/javascript`).
  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => {
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && type.startsWith('application/javascript'))
        reply.header(
          'content-type',
          `text/javascript${type.slice('application/javascript'.length)}`,
        );
      return payload;
    });
    await registerBoth(scope, options);
  });
}

async function registerBoth(app: FastifyInstance, options: StaticFilesOptions): Promise<void> {
  const { embedDir, siteDir } = options;
  if (embedDir) {
    await app.register(fastifyStatic, {
      root: resolve(embedDir),
      prefix: '/embed/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      index: false,
      dotfiles: 'deny',
      // Only the embed build is public, never the rest of the dist directory.
      allowedPath: (path) => EMBED_FILE.test(path.replace(/^\//, '')),
      setHeaders: (reply, file) => {
        // The entry keeps its name across releases; chunks carry a content hash.
        reply
          .header('access-control-allow-origin', '*')
          .header(
            'cache-control',
            isChunk(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
      },
    });
  }
  if (siteDir) {
    await app.register(fastifyStatic, {
      root: resolve(siteDir),
      prefix: '/',
      decorateReply: false,
      preCompressed: true,
      cacheControl: false,
      dotfiles: 'deny',
      // `/news` is `news.html`; a folder is its `index.html`.
      extensions: ['html'],
      index: ['index.html'],
      allowedPath: (path) => !path.startsWith('/api/'),
      setHeaders: (reply) => {
        reply.header('content-security-policy', SITE_CSP).header('cache-control', 'no-cache');
      },
    });
  }
}
