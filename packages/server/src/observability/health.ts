import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { DiaryDatabase } from '../db/open';
import { MIGRATIONS } from '../db/migrations';

/** What `/readyz` found: each check and whether all passed. */
export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, 'ok' | string>>;
}

/**
 * Whether this instance should get traffic: the database answers, every migration this version
 * knows has been applied, on PostgreSQL the live-event listener is connected, and the instance
 * is not shutting down.
 */
export async function readiness(database: DiaryDatabase, draining: boolean): Promise<Readiness> {
  const checks: Record<string, string> = {};
  try {
    await sql`select 1`.execute(database.db);
    checks.database = 'ok';
    const applied = await database.db
      // Kysely's own bookkeeping table, outside the typed schema.
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    const names = new Set(applied.map((row) => (row as { name: string }).name));
    const missing = Object.keys(MIGRATIONS).filter((name) => !names.has(name));
    checks.migrations = missing.length === 0 ? 'ok' : `not applied: ${missing.join(', ')}`;
  } catch (error) {
    checks.database = `no answer: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (database.engine === 'postgres')
    checks.listener = database.listening() ? 'ok' : 'the LISTEN connection is down';
  if (draining) checks.shutdown = 'shutting down';
  return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
}

/**
 * `/healthz`: the process answers (for a liveness probe: restart when it does not). `/readyz`:
 * 200 when {@link readiness} passes, else 503 with the failing checks (for a load balancer).
 */
export function installHealth(
  app: FastifyInstance,
  database: DiaryDatabase,
  draining: () => boolean,
): void {
  app.get('/healthz', (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ ok: true }),
  );
  app.get('/readyz', async (_request, reply) => {
    const result = await readiness(database, draining());
    return reply
      .code(result.ready ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(result);
  });
}
