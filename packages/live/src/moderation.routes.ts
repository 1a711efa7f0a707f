import { principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { flaggedCommentsDto, flaggedCommentsQuery, moderationLexiconDto } from './moderation.schema.js';
import type { ModerationService } from './moderation.service.js';

const tags = ['moderation'];

/** `/api/v1/moderation/*`: the comment lexicon in use and the comments it flagged. */
export function moderationRoutes(moderation: ModerationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/moderation/lexicon',
      {
        preHandler: requirePermission('risk:read'),
        schema: {
          tags,
          summary: 'The terms and categories comments are checked against',
          response: { 200: moderationLexiconDto, ...commonErrorResponses },
        },
      },
      async () => moderation.lexicon(),
    );
    app.get(
      '/moderation/flagged',
      {
        preHandler: requirePermission('risk:read'),
        schema: {
          tags,
          summary: 'Recent flagged comments across the organisation’s sessions, newest first',
          querystring: flaggedCommentsQuery,
          response: { 200: flaggedCommentsDto, ...commonErrorResponses },
        },
      },
      async (request) => moderation.flagged(principalOf(request).orgId, request.query),
    );
  };
}
