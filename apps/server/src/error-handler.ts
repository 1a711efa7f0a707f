import { AppError, type ErrorBody } from '@livecloud/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { validationDetails } from './validation-details.js';

// Fastify's own client errors, each with a stable code of ours.
const fastifyCodes: Record<string, { status: number; code: string; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'Send application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'empty_body', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'malformed_json' },
  FST_ERR_VALIDATION: { status: 400, code: 'invalid_request' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', message: 'A path parameter is too long' },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', message: 'The URL cannot be decoded' },
};

/** Turns anything thrown while handling a request into a status and the uniform error body. */
export function toErrorResponse(error: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return { status: error.status, body: error.toBody() };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = validationDetails(error.validation, error.validationContext ?? 'request');
    const first = details[0];
    const where = first
      ? `${first.in}${first.path ? `.${first.path}` : ''}: ${first.message}`
      : 'invalid request';
    return {
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: `The request does not match the schema (${where})`,
          details,
        },
      },
    };
  }
  if (isResponseSerializationError(error)) {
    return internal(requestId);
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) {
    return {
      status: known.status,
      body: { error: { code: known.code, message: known.message ?? fastifyError.message ?? known.code } },
    };
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return {
      status: 400,
      body: { error: { code: 'malformed_json', message: `The body is not valid JSON: ${error.message}` } },
    };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { error: { code: 'bad_request', message: fastifyError.message ?? 'Bad request' } },
    };
  }
  return internal(requestId);
}

function internal(requestId: string): { status: number; body: ErrorBody } {
  return {
    status: 500,
    body: {
      error: { code: 'internal_error', message: `Something went wrong on our side (request ${requestId})` },
    },
  };
}

/** The single place where errors become HTTP answers, plus the answer for unknown routes. */
export function registerErrorHandling(
  app: FastifyInstance,
  options: { spaFallback?: (url: string) => boolean } = {},
): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(error, request.id);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.error.code, status }, 'request rejected');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method === 'GET' && options.spaFallback?.(path)) {
      return reply.code(200).type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send({
      error: { code: 'route_not_found', message: `There is no route ${request.method} ${path}` },
    });
  });
}
