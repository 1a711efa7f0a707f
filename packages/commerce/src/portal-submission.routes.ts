import { listOf } from '@livecloud/contracts';
import { requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import { portalOf } from './portal-context.js';
import { inspectionListItemDto, inspectionListQuery } from './qc.schema.js';
import { importReportDto, portalImportInput } from './submission-import.schema.js';
import {
  createSubmissionInput,
  submissionDetailDto,
  submissionListDto,
  submissionListQuery,
  withdrawInput,
} from './submission.schema.js';

const tags = ['merchant-portal'];
const portal = requirePermission('merchant:portal');
const writeErrors = { 409: errorBodySchema, ...commonErrorResponses };

/** The merchant portal's submissions (报品) and QC results, limited to the merchant's own. */
export function portalSubmissionRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/portal/submissions',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'My submissions with counts per status',
          querystring: submissionListQuery.omit({ merchantId: true }),
          response: { 200: submissionListDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.submissions.list(me.orgId, request.query, {
          kind: 'merchant',
          merchantId: me.merchantId,
        });
      },
    );
    app.post(
      '/portal/submissions',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Submit one of my products to the pool or a session',
          body: createSubmissionInput,
          response: { 201: submissionDetailDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const me = await portalOf(commerce, request);
        return reply.code(201).send(
          await commerce.submissions.create(me.orgId, me.merchantId, request.body, me.actor, {
            kind: 'merchant',
            merchantId: me.merchantId,
          }),
        );
      },
    );
    app.post(
      '/portal/submissions/import',
      {
        preHandler: portal,
        bodyLimit: 3 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Bulk submission from a CSV; answers row by row',
          body: portalImportInput,
          response: { 200: importReportDto, ...writeErrors },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.imports.importCsv(me.orgId, me.merchantId, request.body, me.actor);
      },
    );
    app.get(
      '/portal/submissions/:id',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'One of my submissions with its history and QC results',
          params: idParams,
          response: { 200: submissionDetailDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.submissions.get(me.orgId, request.params.id, {
          kind: 'merchant',
          merchantId: me.merchantId,
        });
      },
    );
    app.post(
      '/portal/submissions/:id/withdraw',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Take one of my submissions back before its sample is checked',
          params: idParams,
          body: withdrawInput,
          response: { 200: submissionDetailDto, ...writeErrors },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.submissions.withdraw(
          me.orgId,
          request.params.id,
          me.merchantId,
          request.body.reason ?? null,
          me.actor,
        );
      },
    );
    app.get(
      '/portal/inspections',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'QC results of my samples',
          querystring: inspectionListQuery,
          response: { 200: listOf(inspectionListItemDto), ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return { items: await commerce.qc.inspections(me.orgId, request.query, me.merchantId) };
      },
    );
  };
}
