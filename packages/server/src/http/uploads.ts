import multipart from '@fastify/multipart';
import { MAX_ATTACHMENT_BYTES } from '@school-diary/core';
import type { FastifyInstance } from 'fastify';
import { cleanupUnattached } from '../services/attachments';
import type { Services } from '../services/context';

/**
 * Accepts `multipart/form-data` uploads (one file of at most {@link MAX_ATTACHMENT_BYTES}, a few
 * small fields) and, once the server is ready, removes uploads abandoned for over a day.
 *
 * @example
 * await registerUploads(app, services);
 */
export async function registerUploads(app: FastifyInstance, s: Services): Promise<void> {
  await app.register(multipart, {
    limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES, fields: 5, fieldSize: 1024, parts: 6 },
  });
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
