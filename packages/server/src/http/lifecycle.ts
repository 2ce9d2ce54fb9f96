import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/context';
import { startDigestSchedule } from '../services/digest-schedule';
import { pruneRateLimits } from '../services/rate-limits';
import { closeLiveStreams } from './live-stream';

const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * What runs beside the requests: the digest schedule (stopped when the app closes) and the open
 * live-event streams, ended in `preClose` — fastify closes the server before its `onClose` hooks
 * run, and the server waits for open connections, so an `onClose` hook would never be reached.
 */
export function installLifecycle(app: FastifyInstance, s: Services): void {
  app.addHook('preClose', (done) => {
    closeLiveStreams(s);
    done();
  });
  const stopDigests = startDigestSchedule(s, app.log);
  // Rate-limit counters of ended windows are dropped now and then (any instance may do it).
  const pruning = setInterval(() => {
    pruneRateLimits(s.db, s.clock).catch((error: unknown) =>
      app.log.warn({ err: error }, 'pruning rate-limit counters failed'),
    );
  }, PRUNE_EVERY_MS);
  pruning.unref();
  app.addHook('onClose', (_instance, done) => {
    clearInterval(pruning);
    stopDigests();
    s.live.close();
    done();
  });
}
