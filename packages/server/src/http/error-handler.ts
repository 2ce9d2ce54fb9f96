import {
  apiErrorMessage,
  errorMessage,
  pickLang,
  type ErrorResponse,
  type FieldError,
  type Lang,
} from '@school-diary/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../services/domain-error';
import { STATUS_OF } from './error-status';

/** Localises a {@link DomainError} into the wire shape. */
export function errorBody(error: DomainError, lang: Lang): ErrorResponse {
  const fields: FieldError[] = error.fields.map((f) => ({
    path: f.path,
    code: f.code,
    message:
      f.message ??
      errorMessage(f.code, {
        lang,
        field: f.path.split('.').pop(),
        ...(f.params ? { params: f.params } : {}),
      }),
  }));
  return {
    error: {
      code: error.code,
      message: apiErrorMessage(error.code, { lang, params: error.params }),
      fields,
      ...(error.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: error.retryAfterSeconds }
        : {}),
    },
  };
}

/** Maps framework errors (body parsing, limits) to domain errors; anything unknown is internal. */
function toDomainError(error: FastifyError | DomainError | Error): DomainError {
  if (error instanceof DomainError) return error;
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new DomainError('payload_too_large', {
        fields: [{ path: '', code: 'file_too_large', params: { maximum: '10 MB' } }],
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new DomainError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError('validation_failed', { fields: [{ path: '', code: 'required' }] });
  }
  if (fe.statusCode === 429) return new DomainError('rate_limited', { params: { seconds: 60 } });
  if (error instanceof SyntaxError || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new DomainError('validation_failed', { fields: [{ path: '', code: 'format' }] });
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new DomainError(fe.statusCode === 404 ? 'not_found' : 'validation_failed');
  }
  return new DomainError('internal');
}

/** Sends any error in the API's shape, in the caller's language, without stack traces. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: Error,
): FastifyReply {
  const apiError = toDomainError(error);
  const status = STATUS_OF[apiError.code];
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  if (apiError.retryAfterSeconds !== undefined)
    reply.header('retry-after', String(apiError.retryAfterSeconds));
  const lang = pickLang(request.headers['accept-language']);
  return reply.code(status).type('application/json; charset=utf-8').send(errorBody(apiError, lang));
}

/** Installs the error and not-found handlers. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error as Error));
  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, new DomainError('not_found')),
  );
}
