import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import { createReceiptInput, receiptDto, receiptListQuery, stockDto } from './warehouse.schema.js';

const tags = ['warehouse'];

export function warehouseRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/warehouse/receipts',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Warehouse receipts (入仓), newest first',
          querystring: receiptListQuery,
          response: { 200: listOf(receiptDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await commerce.warehouse.receipts(principalOf(request).orgId, request.query),
      }),
    );
    app.get(
      '/warehouse/stock',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Stock per SKU: received, allocated to line-ups, available',
          response: { 200: listOf(stockDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await commerce.warehouse.stock(principalOf(request).orgId) }),
    );
    app.post(
      '/submissions/:id/receipts',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Book an approved submission’s goods into the warehouse, per SKU with location',
          params: idParams,
          body: createReceiptInput,
          response: {
            201: listOf(receiptDto),
            409: errorBodySchema,
            ...commonErrorResponses,
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply.code(201).send({
          items: await commerce.warehouse.receive(
            principal.orgId,
            request.params.id,
            request.body,
            actorOf(principal),
          ),
        });
      },
    );
  };
}
