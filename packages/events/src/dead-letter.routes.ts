import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bulkReplayInput,
  bulkReplayResult,
  deadLetterDto,
  deadLetterListQuery,
  deadLetterPage,
  maxBulkReplay,
  replayDeadLetterInput,
} from './dead-letter.schema.js';
import type { DeadLetterService } from './dead-letter.service.js';

const tags = ['dead-letters'];

/** `/api/v1/dead-letters`: events the collector could not accept, to inspect, replay or discard. */
export function deadLetterRoutes(deadLetters: DeadLetterService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dead-letters',
      {
        preHandler: requirePermission('events:read'),
        schema: {
          tags,
          summary: 'Dead letters, newest first, with filters and cursor paging',
          querystring: deadLetterListQuery,
          response: { 200: deadLetterPage, ...commonErrorResponses },
        },
      },
      async (request) => deadLetters.list(principalOf(request).orgId, request.query),
    );
    app.get(
      '/dead-letters/:id',
      {
        preHandler: requirePermission('events:read'),
        schema: {
          tags,
          summary: 'One dead letter with its original payload and every validation issue',
          params: idParams,
          response: { 200: deadLetterDto, ...commonErrorResponses },
        },
      },
      async (request) => deadLetters.get(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/dead-letters/:id/replay',
      {
        preHandler: requirePermission('events:manage'),
        schema: {
          tags,
          summary:
            'Run the item through the pipeline again, as kept or corrected; stored once if it now passes',
          description:
            'When the item now passes it is stored (once, by its id) and the dead letter becomes `replayed`; ' +
            'otherwise it stays `new` with the new reason. `replayResult` says which. With `payload` the ' +
            'item is corrected first: the correction is kept, the original beside it (`edited`).',
          params: idParams,
          body: replayDeadLetterInput.nullish(),
          response: { 200: deadLetterDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return deadLetters.replay(principal.orgId, request.params.id, actorOf(principal), request.body ?? {});
      },
    );
    app.post(
      '/dead-letters/replay',
      {
        preHandler: requirePermission('events:manage'),
        schema: {
          tags,
          summary: 'Replay many dead letters: the ids named, or the pending ones a filter matches',
          description: `At most ${maxBulkReplay} a call, one by one; each result says what its replay did.`,
          body: bulkReplayInput,
          response: { 200: bulkReplayResult, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return deadLetters.replayMany(principal.orgId, request.body, actorOf(principal));
      },
    );
    app.post(
      '/dead-letters/:id/discard',
      {
        preHandler: requirePermission('events:manage'),
        schema: {
          tags,
          summary: 'Mark a dead letter as not to be replayed',
          params: idParams,
          response: { 200: deadLetterDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return deadLetters.discard(principal.orgId, request.params.id, actorOf(principal));
      },
    );
  };
}
