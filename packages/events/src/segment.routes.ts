import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerCollectorCors, requireBrowserOrigin } from './collector-cors.js';
import {
  acceptRawBodies,
  callerOf,
  documentOnlyBody,
  headerText,
  parsedBodyOf,
  rawBodyOf,
  requireEventsWrite,
  withRetryAfter,
  writeKeyFromBody,
  type CollectorRouteDeps,
} from './collector-http.js';
import { collectorErrorResponses } from './collector.routes.js';
import { segmentSuccessDto } from './collector.schema.js';
import { segmentPaths, type SegmentCall } from './pipeline/segment.step.js';

const segmentMessage = z
  .object({
    type: z.enum(['track', 'identify', 'page', 'screen', 'group', 'alias']).optional(),
    messageId: z.string().optional().describe('becomes the event id (idempotency key)'),
    timestamp: z.string().optional().describe('becomes occurredAt'),
    originalTimestamp: z.string().optional(),
    sentAt: z.string().optional(),
    userId: z.string().optional(),
    anonymousId: z.string().optional(),
    event: z.string().optional().describe('track: the event name, kept as properties.event'),
    name: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
    traits: z.record(z.string(), z.unknown()).optional().describe('kept as properties.traits'),
    groupId: z.string().optional(),
    previousId: z.string().optional(),
    context: z.record(z.string(), z.unknown()).optional(),
    writeKey: z.string().optional().describe('the write key, when no Authorization header is sent'),
  })
  .describe('SegmentMessage');

const bodies: Record<SegmentCall, z.ZodType> = {
  batch: z
    .object({
      batch: z.array(segmentMessage),
      sentAt: z.string().optional(),
      writeKey: z.string().optional().describe('the write key, when no Authorization header is sent'),
      context: z.record(z.string(), z.unknown()).optional(),
    })
    .describe('SegmentBatch'),
  track: segmentMessage,
  identify: segmentMessage,
  page: segmentMessage,
  screen: segmentMessage,
  group: segmentMessage,
  alias: segmentMessage,
};

/**
 * The Segment HTTP API (`/v1/batch`, `/v1/track`, …) so that analytics-node, RudderStack and
 * other Segment-compatible libraries work unchanged: the write key as the HTTP Basic user
 * name (or the body's `writeKey`, as browsers send it), JSON (gzip accepted), and
 * `{ "success": true }` on 200. Messages that fail validation still answer 200 — as Segment
 * does — and wait as dead letters.
 */
export function segmentRoutes(deps: CollectorRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    acceptRawBodies(app, deps.bodyLimitBytes);
    registerCollectorCors(
      app,
      segmentPaths.map(([path]) => `/v1/${path}`),
      deps.allowedOrigins,
    );
    for (const [path, call] of segmentPaths) {
      app.post(
        `/v1/${path}`,
        {
          bodyLimit: deps.bodyLimitBytes,
          preHandler: [writeKeyFromBody(deps), requireEventsWrite, requireBrowserOrigin(deps.allowedOrigins)],
          validatorCompiler: documentOnlyBody,
          schema: {
            tags: ['segment'],
            summary:
              path === call
                ? `Segment-compatible ${call} call`
                : `Segment-compatible ${call} call, the short path analytics.js posts to`,
            security: [{ writeKey: [] }, { apiKey: [] }],
            body: bodies[call],
            response: { 200: segmentSuccessDto, ...collectorErrorResponses },
          },
        },
        async (request, reply) => {
          const parsed = parsedBodyOf(request);
          await withRetryAfter(reply, () =>
            parsed
              ? deps.collector.ingestSegmentDocument(callerOf(request), call, parsed.document)
              : deps.collector.ingestSegment(
                  callerOf(request),
                  call,
                  rawBodyOf(request),
                  headerText(request, 'content-type'),
                  headerText(request, 'content-encoding'),
                ),
          );
          return { success: true as const };
        },
      );
    }
  };
}
