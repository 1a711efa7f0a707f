import { errorBodySchema } from '@livecloud/core';
import { eventEnvelopeSchema } from '@livecloud/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerCollectorCors, requireBrowserOrigin } from './collector-cors.js';
import {
  acceptRawBodies,
  callerOf,
  documentOnlyBody,
  headerText,
  rawBodyOf,
  requireEventsWrite,
  withRetryAfter,
  type CollectorRouteDeps,
} from './collector-http.js';
import { ingestResultDto } from './collector.schema.js';

/** The error answers every collector route may give. */
export const collectorErrorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  413: errorBodySchema,
  415: errorBodySchema,
  429: errorBodySchema,
  503: errorBodySchema,
} as const;

const nativeBody = z
  .union([z.array(eventEnvelopeSchema), eventEnvelopeSchema])
  .describe(
    'A JSON array of events or one event; or NDJSON (one event per line) with Content-Type application/x-ndjson',
  );

/** `POST /collect/v1/events`: the native batch collector (SPEC §8). */
export function collectorRoutes(deps: CollectorRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptRawBodies(app, deps.bodyLimitBytes);
    registerCollectorCors(app, ['/collect/v1/events'], deps.allowedOrigins);
    app.post(
      '/collect/v1/events',
      {
        bodyLimit: deps.bodyLimitBytes,
        preHandler: [requireEventsWrite, requireBrowserOrigin(deps.allowedOrigins)],
        validatorCompiler: documentOnlyBody,
        schema: {
          tags: ['collector'],
          summary: 'Collect a batch of events (JSON array, one event, or NDJSON; gzip accepted)',
          description:
            'Authenticate with a collector key (`Authorization: Bearer <key>`). From a web page (with `Origin`), ' +
            'the key must allow that origin (`403 origin_not_allowed`) and be a collector key (`403 key_not_for_browser`). ' +
            '`orgId` comes from the key and ' +
            '`source` defaults to the key’s source. The answer comes only after the accepted events are stored. ' +
            'Events that fail validation are kept as dead letters and listed in `rejected`; the rest are taken. ' +
            'A retried batch counts once: repeats by (organisation, id) are reported as `duplicates`.',
          consumes: ['application/json', 'application/x-ndjson'],
          body: nativeBody,
          response: { 200: ingestResultDto, ...collectorErrorResponses },
        },
      },
      async (request, reply) =>
        withRetryAfter(reply, () =>
          deps.collector.ingest(
            callerOf(request),
            rawBodyOf(request),
            headerText(request, 'content-type'),
            headerText(request, 'content-encoding'),
          ),
        ),
    );
  };
}
