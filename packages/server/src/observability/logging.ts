import { randomUUID } from 'node:crypto';
import type { FastifyServerOptions } from 'fastify';
import { logSafeRequest } from '../http/stream-token';

/** Where log lines go instead of stdout (tests capture them). */
export interface LogDestination {
  write(line: string): void;
}

/** Header fields that carry credentials: never logged. */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'err.detail',
  'err.parameters',
  'err.where',
];

/**
 * An error as a log line shows it: its class, message, code and stack. Never the extra fields a
 * driver attaches — PostgreSQL's `detail` repeats the offending value (`Key (snils)=(…)`).
 */
function safeError(error: Error): { type: string; message: string; stack: string } {
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack ?? '',
  };
}

/**
 * Fastify's pino logger: one JSON line per request and event, each with the request's id, and
 * nothing secret in it — the Authorization header and cookies are redacted, a stream's
 * `access_token` query parameter is masked, bodies are never logged, errors lose driver details.
 */
export function loggerOptions(destination?: LogDestination): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: { req: logSafeRequest, err: safeError },
    ...(destination ? { stream: destination } : {}),
  };
}

/** A caller's `X-Request-Id` when it looks like one (a proxy's), else a new UUID. */
export function requestIdOptions(): Pick<FastifyServerOptions, 'genReqId'> {
  return {
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{8,128}$/.test(given) ? given : randomUUID();
    },
  };
}
