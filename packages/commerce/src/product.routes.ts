import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import {
  productDto,
  productListQuery,
  skuInput,
  staffCreateProductInput,
  updateProductInput,
  updateSkuInput,
} from './product.schema.js';

const tags = ['products'];
const writeErrors = { 409: errorBodySchema, ...commonErrorResponses };

export function productRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/products',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'Products with their SKUs',
          querystring: productListQuery,
          response: { 200: listOf(productDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await commerce.products.list(principalOf(request).orgId, request.query) }),
    );
    app.post(
      '/products',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Add a product with SKUs for an approved merchant',
          body: staffCreateProductInput,
          response: { 201: productDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        const { merchantId, ...input } = request.body;
        return reply
          .code(201)
          .send(await commerce.products.create(principal.orgId, merchantId, input, actorOf(principal)));
      },
    );
    app.get(
      '/products/:id',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags,
          summary: 'One product with its SKUs',
          params: idParams,
          response: { 200: productDto, ...commonErrorResponses },
        },
      },
      async (request) => commerce.products.get(principalOf(request).orgId, request.params.id),
    );
    app.patch(
      '/products/:id',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Change a product’s title, brand, category, claims or images',
          params: idParams,
          body: updateProductInput,
          response: { 200: productDto, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.products.update(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.post(
      '/products/:id/skus',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Add a SKU to a product',
          params: idParams,
          body: skuInput,
          response: { 201: productDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(
            await commerce.products.addSku(
              principal.orgId,
              request.params.id,
              request.body,
              actorOf(principal),
            ),
          );
      },
    );
    app.patch(
      '/skus/:id',
      {
        preHandler: requirePermission('commerce:manage'),
        schema: {
          tags,
          summary: 'Change a SKU’s spec, prices, commission or stock',
          params: idParams,
          body: updateSkuInput,
          response: { 200: productDto, ...writeErrors },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return commerce.products.updateSku(
          principal.orgId,
          request.params.id,
          request.body,
          actorOf(principal),
        );
      },
    );
  };
}
