import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LiveStream } from '../http/live-stream';
import { REPLY_SENT, type Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';

/** `Last-Event-ID` (what `EventSource` sends on reconnect) or `?lastEventId=`; null if absent. */
function lastEventId(request: FastifyRequest): number | null {
  const header = request.headers['last-event-id'];
  const query = (request.query as Record<string, unknown> | undefined)?.lastEventId;
  const value = typeof header === 'string' && header !== '' ? header : query;
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** The newest event id of a user (0 if none): a fresh stream starts after it. */
async function newestEventId(s: Services, userId: string): Promise<number> {
  const row = await s.db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** When the caller's access token stops being valid. */
async function sessionExpiry(s: Services, user: AuthUser): Promise<Date> {
  const row = await s.db
    .selectFrom('sessions')
    .select('access_expires_at')
    .where('id', '=', user.sessionId)
    .executeTakeFirstOrThrow();
  return new Date(row.access_expires_at);
}

/**
 * The headers of the stream. A hijacked reply skips fastify's `onSend`, so the headers the
 * `onRequest` hooks already set (CORS for an allowed origin, helmet's) are copied over by hand.
 */
function streamHeaders(reply: FastifyReply): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = value;
  }
  return {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    // A finished stream's connection is not worth keeping: close it, so that ending streams at
    // shutdown also frees their sockets (an idle keep-alive one would hold server.close()).
    connection: 'close',
  };
}

/**
 * `GET /api/v1/events`: the signed-in user's live events as server-sent events. A reconnecting
 * client gets everything after its `Last-Event-ID` first; a fresh one only what happens from now.
 * The token may come as `?access_token=` (see `acceptStreamToken`) because `EventSource` cannot
 * send headers; authentication ran before this handler, as for every route.
 */
export function eventsHandlers(s: Services): Handlers['events'] {
  return {
    async stream({ user }, { request, reply }): Promise<typeof REPLY_SENT> {
      const resumeAfter = lastEventId(request);
      const newest = await newestEventId(s, user.id);
      const cursor = resumeAfter === null ? newest : Math.min(resumeAfter, newest);
      const expiresAt = await sessionExpiry(s, user);
      reply.hijack();
      reply.raw.writeHead(200, streamHeaders(reply));
      new LiveStream(s, { user, cursor, response: reply.raw, log: request.log }).start(expiresAt);
      return REPLY_SENT;
    },
  };
}
