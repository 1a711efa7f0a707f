import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import {
  createInspectionInput,
  createQcTemplateInput,
  inspectionDto,
  inspectionListItemDto,
  inspectionListQuery,
  qcTemplateDto,
  updateQcTemplateInput,
} from './qc.schema.js';

const tags = ['qc'];
const writeErrors = { 409: errorBodySchema, ...commonErrorResponses };

export function qcRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/qc/templates',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'QC checklist templates, one per category',
          response: { 200: listOf(qcTemplateDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await commerce.qc.templates(principalOf(request).orgId) }),
    );
    app.post(
      '/qc/templates',
      {
        preHandler: requirePermission('qc:manage'),
        schema: {
          tags,
          summary: 'Create the checklist of a category',
          body: createQcTemplateInput,
          response: { 201: qcTemplateDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await commerce.qc.createTemplate(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.patch(
      '/qc/templates/:id',
      {
        preHandler: requirePermission('qc:manage'),
        schema: {
          tags,
          summary: 'Rename a checklist or replace its items',
          params: idParams,
          body: updateQcTemplateInput,
          response: { 200: qcTemplateDto, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.qc.updateTemplate(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
      },
    );
    app.get(
      '/qc/inspections',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Inspections, newest first',
          querystring: inspectionListQuery,
          response: { 200: listOf(inspectionListItemDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await commerce.qc.inspections(principalOf(request).orgId, request.query),
      }),
    );
    app.get(
      '/submissions/:id/qc-template',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'The checklist an inspection of this submission uses',
          params: idParams,
          response: { 200: qcTemplateDto, 409: errorBodySchema, ...commonErrorResponses },
        },
      },
      async (request) => commerce.qc.templateForSubmission(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/submissions/:id/inspections',
      {
        preHandler: requirePermission('qc:manage'),
        schema: {
          tags,
          summary: 'Inspect a received sample item by item; moves the submission to qc_passed or qc_failed',
          params: idParams,
          body: createInspectionInput,
          response: { 201: inspectionDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(
            await commerce.qc.inspect(principal.orgId, request.params.id, request.body, actorOf(principal)),
          );
      },
    );
  };
}
