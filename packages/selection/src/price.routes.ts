import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createObservationInput,
  daysSchema,
  idSchema,
  importObservationsInput,
  importReportDto,
  listObservationsQuery,
  lowestPriceCheckDto,
  lowestPriceCheckQuery,
  observationDto,
  priceHistoryDto,
} from './price.schema.js';
import type { Selection } from './selection.js';

const tags = ['selection'];
const canRead = requirePermission('commerce:read');
const canManage = requirePermission('commerce:manage');
const productParams = z.object({ productId: idSchema });

/** Price observations (比价), a product's price history and the lowest-price check. */
export function priceRoutes(selection: Selection): FastifyPluginAsyncZod {
  const { observations, prices } = selection;
  return async (app) => {
    app.post(
      '/selection/observations',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Record a price seen on a platform or elsewhere (for one SKU or the whole product)',
          body: createObservationInput,
          response: { 201: observationDto, ...commonErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await observations.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.post(
      '/selection/observations/import',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary:
            'Import prices from a CSV (商品ID, SKU ID, 平台, 价格(元), 观测时间, 来源链接, 备注); answered row by row',
          body: importObservationsInput,
          response: { 200: importReportDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return observations.importCsv(principal.orgId, request.body.csv, actorOf(principal));
      },
    );
    app.get(
      '/selection/products/:productId/observations',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'A product’s recorded prices, newest first',
          params: productParams,
          querystring: listObservationsQuery,
          response: { 200: listOf(observationDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await observations.list(principalOf(request).orgId, request.params.productId, request.query),
      }),
    );
    app.delete(
      '/selection/observations/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Delete a wrong price observation (kept in the audit log)',
          params: z.object({ id: idSchema }),
          response: { 200: observationDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return observations.remove(principal.orgId, request.params.id, actorOf(principal));
      },
    );
    app.get(
      '/selection/products/:productId/prices',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'Price history per SKU over the last N days: observations and past sessions’ paid prices, with the lowest',
          params: productParams,
          querystring: z.object({ days: daysSchema }),
          response: { 200: priceHistoryDto, ...commonErrorResponses },
        },
      },
      async (request) =>
        prices.history(principalOf(request).orgId, request.params.productId, request.query.days),
    );
    app.get(
      '/selection/lowest-price-check',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Live price of each SKU against the lowest price of the last N days (全网最低价)',
          querystring: lowestPriceCheckQuery,
          response: { 200: lowestPriceCheckDto, ...commonErrorResponses },
        },
      },
      async (request) => prices.check(principalOf(request).orgId, request.query),
    );
  };
}
