import type { FastifyInstance } from 'fastify';

/**
 * Closes the app as SIGTERM should: `/readyz` turns 503 and new requests on open connections get
 * 503 (fastify's `return503OnClosing`), live streams end with a short retry hint (preClose), the
 * requests in flight finish, then the delivery worker sends what is due and stops (onClose) — the
 * caller closes the database after. Requests still running after `graceSeconds` have their
 * connections closed (their transactions roll back; nothing acknowledged is lost).
 */
export async function gracefulClose(app: FastifyInstance, graceSeconds: number): Promise<void> {
  const force = setTimeout(() => app.server.closeAllConnections(), graceSeconds * 1000);
  force.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}
