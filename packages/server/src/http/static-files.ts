import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../services/domain-error';
import { sendError } from './error-handler';

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

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

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

/**
 * The file under `root` that a URL path names, or undefined when it names none or tries to leave
 * `root` (`..`, encoded slashes, NUL). A directory means its `index.html`; `/news` may mean
 * `news.html`.
 */
export async function findStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..'))
    return undefined;
  const base = resolve(root);
  const target = resolve(base, `.${path.startsWith('/') ? path : `/${path}`}`);
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  for (const candidate of [target, join(target, 'index.html'), `${target}.html`]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

async function sendFile(reply: FastifyReply, file: string): Promise<FastifyReply> {
  const body = await readFile(file);
  return reply.type(TYPES[extname(file)] ?? 'application/octet-stream').send(body);
}

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '/';

/**
 * Serves the one-script-tag build at `/embed/` (with CORS open to every origin: school sites
 * load it as a module script from their own origin) and, when given, a website at `/`.
 */
export function registerStaticFiles(app: FastifyInstance, options: StaticFilesOptions): void {
  const { embedDir, siteDir } = options;
  if (embedDir) {
    app.get('/embed/*', async (request, reply) => {
      const name = pathOf(request).slice('/embed/'.length);
      const file = EMBED_FILE.test(name) ? await findStaticFile(embedDir, name) : undefined;
      if (!file) return sendError(request, reply, new DomainError('not_found'));
      // The entry keeps its name across releases; chunks carry a content hash.
      reply
        .header('access-control-allow-origin', '*')
        .header(
          'cache-control',
          name.includes('/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      return sendFile(reply, file);
    });
  }
  if (siteDir) {
    app.get('/*', async (request, reply) => {
      const path = pathOf(request);
      if (path.startsWith('/api/')) return sendError(request, reply, new DomainError('not_found'));
      const file = await findStaticFile(siteDir, path);
      if (!file) return sendError(request, reply, new DomainError('not_found'));
      reply.header('content-security-policy', SITE_CSP).header('cache-control', 'no-cache');
      return sendFile(reply, file);
    });
  }
}
