import { routes } from '@school-diary/core';
import type { FastifyRequest } from 'fastify';
import { toFastifyPath, type Authenticate } from './register-routes';

/** The one route that may carry its access token in the query string. */
const STREAM_URL = toFastifyPath(routes.events.stream.path);

/** The `access_token` query parameter of a request to the event stream, if any. */
function queryToken(request: FastifyRequest): string | undefined {
  const token = (request.query as Record<string, unknown> | undefined)?.access_token;
  // The query first: fastify builds `routeOptions` anew on each read.
  if (typeof token !== 'string' || token === '') return undefined;
  return request.routeOptions.url === STREAM_URL ? token : undefined;
}

/**
 * Lets the live-event stream take its token from `?access_token=`: the browser's `EventSource`
 * cannot send an `Authorization` header, and the stream is how widgets get live updates. Only
 * that route accepts it (a token in a URL can end up in proxy logs and history, so everything else
 * keeps to the header), a header wins over the query, and the token is checked by the very same
 * `authenticate` as a header's. Request logs strip it: see {@link redactAccessToken}.
 *
 * @example
 * registerRoutes(app, { authenticate: acceptStreamToken(bearerAuthenticate(resolve)), … });
 */
export function acceptStreamToken(authenticate: Authenticate): Authenticate {
  return (request, changes) => {
    const token = queryToken(request);
    if (!token || request.headers.authorization !== undefined)
      return authenticate(request, changes);
    const headers = { ...request.headers, authorization: `Bearer ${token}` };
    // A view of the request with the header added; the request itself stays as it came.
    return authenticate(
      Object.create(request, { headers: { value: headers } }) as FastifyRequest,
      changes,
    );
  };
}

/**
 * A URL with the value of any `access_token` query parameter replaced by `[redacted]`, for logs.
 *
 * @example
 * redactAccessToken('/api/v1/events?access_token=at_x&lastEventId=3');
 * // '/api/v1/events?access_token=[redacted]&lastEventId=3'
 */
export function redactAccessToken(url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');
}

/** What a request log line shows of a request: fastify's default fields, the token redacted. */
export function logSafeRequest(req: {
  readonly method?: string | undefined;
  readonly url?: string | undefined;
  readonly host?: string | undefined;
  readonly ip?: string | undefined;
}): Record<string, unknown> {
  return {
    method: req.method,
    url: req.url === undefined ? undefined : redactAccessToken(req.url),
    host: req.host,
    remoteAddress: req.ip,
  };
}
