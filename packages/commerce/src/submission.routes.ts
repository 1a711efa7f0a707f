import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import { importReportDto, staffImportInput } from './submission-import.schema.js';
import {
  staffCreateSubmissionInput,
  submissionDetailDto,
  submissionListDto,
  submissionListQuery,
  transitionInput,
} from './submission.schema.js';

const tags = ['submissions'];
const writeErrors = { 409: errorBodySchema, ...commonErrorResponses };

export function submissionRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/submissions',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Submissions (报品), newest first, with counts per status',
          querystring: submissionListQuery,
          response: { 200: submissionListDto, ...commonErrorResponses },
        },
      },
      async (request) => commerce.submissions.list(principalOf(request).orgId, request.query),
    );
    app.post(
      '/submissions',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Submit a product to the pool or a session on the merchant’s behalf',
          body: staffCreateSubmissionInput,
          response: { 201: submissionDetailDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { merchantId, ...input } = request.body;
        return reply
          .code(201)
          .send(await commerce.submissions.create(principal.orgId, merchantId, input, actorOf(principal)));
      },
    );
    app.post(
      '/submissions/import',
      {
        preHandler: requirePermission('commerce:manage'),
        bodyLimit: 3 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Bulk submission from a CSV with Chinese headers; answers row by row',
          body: staffImportInput,
          response: { 200: importReportDto, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        const { merchantId, ...input } = request.body;
        return commerce.imports.importCsv(principal.orgId, merchantId, input, actorOf(principal));
      },
    );
    app.get(
      '/submissions/:id',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'One submission with product, history, inspections, receipts and deposit check',
          params: idParams,
          response: { 200: submissionDetailDto, ...commonErrorResponses },
        },
      },
      async (request) => commerce.submissions.get(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/submissions/:id/transition',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary:
            'Move a submission (shortlist, request or receive a sample, approve, reject, withdraw); 409 illegal_transition or deposit_insufficient',
          params: idParams,
          body: transitionInput,
          response: { 200: submissionDetailDto, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.submissions.transition(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
      },
    );
  };
}
