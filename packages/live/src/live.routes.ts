import { listOf } from '@livecloud/contracts';
import { accessEnded, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { liveBoardSchema, recentSessionDto } from './live-comparison.schema.js';
import type { LiveFrame } from './live-feed.js';
import type { Live } from './live.js';
import { moderationRoutes } from './moderation.routes.js';

const sessionParams = z.object({
  id: z.string().min(1).max(128).describe('the live session id as the platform names it'),
});

/** How long a browser waits before reconnecting a dropped stream. */
const retryMs = 2_000;

function sseFrame(frame: LiveFrame, seq: number): string {
  return frame.kind === 'board'
    ? `id: ${seq}\nevent: board\ndata: ${frame.json}\n\n`
    : `: heartbeat ${frame.at}\n\n`;
}

/**
 * `GET /sessions/{id}/live` and its Server-Sent Events stream. Both answer 404 when the
 * caller's organisation has no events for the session, so another organisation's session
 * looks exactly like one that does not exist.
 */
export function liveRoutes(
  deps: Pick<Live, 'board' | 'feed' | 'recentSessions' | 'streamRecheckMs' | 'moderation'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Open streams would hold the server open; end them before it waits for connections.
    app.addHook('preClose', async () => {
      deps.feed.close();
    });
    await app.register(moderationRoutes(deps.moderation));

    app.get(
      '/live/sessions',
      {
        preHandler: requirePermission('live:read'),
        schema: {
          tags: ['live'],
          summary: 'The organisation’s live sessions seen in the events, newest activity first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: listOf(recentSessionDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await deps.recentSessions(principalOf(request).orgId, request.query.limit),
      }),
    );

    app.get(
      '/sessions/:id/live',
      {
        preHandler: requirePermission('live:read'),
        schema: {
          tags: ['live'],
          summary:
            'The big screen of a live session: totals, rates, funnel, minutes, products, comments, comparisons',
          params: sessionParams,
          response: { 200: liveBoardSchema, ...commonErrorResponses },
        },
      },
      async (request) => deps.board.get(principalOf(request).orgId, request.params.id),
    );

    app.get(
      '/sessions/:id/live/stream',
      {
        preHandler: requirePermission('live:read'),
        schema: {
          tags: ['live'],
          summary: 'The big screen as Server-Sent Events',
          description:
            'text/event-stream. `event: board` carries the LiveBoard of `GET /sessions/{id}/live` whenever it changed, ' +
            'at most a second after the change; otherwise a `: heartbeat` comment every second. Starts with `retry:`. ' +
            'When the caller may no longer read it (off-boarded, key revoked, signed out), `event: ended` carries ' +
            '`{"code": …}` and the stream closes.',
          params: sessionParams,
          produces: ['text/event-stream'],
          response: { 200: z.string().describe('text/event-stream'), ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const orgId = principalOf(request).orgId;
        const sessionId = request.params.id;
        // Answer 404 (or any error) as JSON before the stream starts.
        await deps.board.get(orgId, sessionId);
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
          'x-request-id': request.id,
        });
        res.write(`retry: ${retryMs}\n\n`);
        let seq = 0;
        let done = false;
        let unsubscribe = (): void => undefined;
        const finish = (): void => {
          if (done) return;
          done = true;
          clearInterval(recheck);
          unsubscribe();
          if (!res.writableEnded) res.end();
        };
        // Off-boarding, a revoked key or a signed-out session ends the stream within one
        // interval, on whichever process holds it: the check reads the records. The browser's
        // reconnect then gets the same answer as JSON.
        const recheck = setInterval(() => {
          accessEnded(request, 'live:read').then(
            (ended) => {
              if (!ended || done) return;
              if (!res.writableEnded)
                res.write(`event: ended\ndata: ${JSON.stringify({ code: ended.code })}\n\n`);
              finish();
            },
            (error: unknown) =>
              request.log.warn({ err: error }, 'live stream access check failed; kept open'),
          );
        }, deps.streamRecheckMs);
        unsubscribe = deps.feed.subscribe(orgId, sessionId, {
          frame: (frame) => {
            if (!done && !res.writableEnded) res.write(sseFrame(frame, ++seq));
          },
          end: finish,
        });
        if (done) unsubscribe();
        request.raw.on('close', finish);
        res.on('close', finish);
      },
    );
  };
}
