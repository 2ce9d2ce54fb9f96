import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/context';
import { startDigestSchedule } from '../services/digest-schedule';
import { closeLiveStreams } from './live-stream';

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
  app.addHook('onClose', (_instance, done) => {
    stopDigests();
    done();
  });
}
