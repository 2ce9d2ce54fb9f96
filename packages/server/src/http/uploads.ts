import multipart from '@fastify/multipart';
import { MAX_ATTACHMENT_BYTES } from '@school-diary/core';
import type { FastifyInstance } from 'fastify';
import { cleanupUnattached } from '../services/attachments';
import type { Services } from '../services/context';

/**
 * Makes `scope` accept `multipart/form-data` uploads (one file of at most
 * {@link MAX_ATTACHMENT_BYTES}, a few small fields). Give it a scope of its own that holds only
 * the routes taking uploads: the plugin adds hooks (two of them promises) to every route of the
 * scope it is registered in, which the other routes would pay on each request for nothing.
 *
 * @example
 * await app.register(async (scope) => {
 *   await acceptUploads(scope);
 *   registerRoutes(scope, { …, only: (route) => route.upload === true });
 * });
 */
export async function acceptUploads(scope: FastifyInstance): Promise<void> {
  await scope.register(multipart, {
    limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES, fields: 5, fieldSize: 1024, parts: 6 },
  });
}

/**
 * Once the server is ready, removes uploads abandoned for over a day (a failure is logged and
 * tried again at the next start).
 *
 * @example
 * removeAbandonedUploads(app, services);
 */
export function removeAbandonedUploads(app: FastifyInstance, s: Services): void {
  app.addHook('onReady', async () => {
    try {
      const removed = await cleanupUnattached(s);
      if (removed > 0) app.log.info({ removed }, 'removed abandoned uploads');
    } catch (error) {
      // A failed clean-up must not stop the server; it runs again at the next start.
      app.log.error({ err: error }, 'clean-up of abandoned uploads failed');
    }
  });
}
