import { listOf } from '@livecloud/contracts';
import { requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { categoryDto } from './category.schema.js';
import type { Commerce } from './commerce.js';
import { depositLedgerDto } from './deposit.schema.js';
import { merchantApplicationInput, merchantDetailDto } from './merchant.schema.js';
import { portalOf } from './portal-context.js';
import {
  createProductInput,
  productDto,
  productListQuery,
  skuInput,
  updateProductInput,
  updateSkuInput,
} from './product.schema.js';
import { sendImage, uploadErrorResponses } from './upload.routes.js';
import { createUploadInput, uploadBodyLimit, uploadDto } from './upload.schema.js';

const tags = ['merchant-portal'];
const portal = requirePermission('merchant:portal');
const writeErrors = { 409: errorBodySchema, ...commonErrorResponses };

/** The merchant portal: a merchant's own record, deposit, products and images — nobody else's. */
export function portalRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/portal/merchant',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'My merchant record, status and deposit',
          response: { 200: merchantDetailDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.merchants.get(me.orgId, me.merchantId);
      },
    );
    app.post(
      '/portal/merchant/reapply',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Correct a rejected application and apply again',
          body: merchantApplicationInput,
          response: { 200: merchantDetailDto, ...writeErrors },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.merchants.reapply(me.orgId, me.merchantId, request.body, me.actor);
      },
    );
    app.get(
      '/portal/deposits',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'My deposit ledger and balance',
          response: { 200: depositLedgerDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.deposits.ledger(me.orgId, me.merchantId);
      },
    );
    app.get(
      '/portal/categories',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Categories and the deposit each requires',
          response: { 200: listOf(categoryDto), ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return { items: await commerce.categories.list(me.orgId) };
      },
    );
    app.post(
      '/portal/uploads',
      {
        preHandler: portal,
        bodyLimit: uploadBodyLimit,
        schema: {
          tags,
          summary: 'Upload a product image (base64)',
          body: createUploadInput,
          response: { 201: uploadDto, ...uploadErrorResponses },
        },
      },
      async (request, reply) => {
        const me = await portalOf(commerce, request);
        return reply
          .code(201)
          .send(await commerce.uploads.create(me.orgId, request.body, me.merchantId, me.actor));
      },
    );
    app.get(
      '/portal/uploads/:id',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'One of my images (product photos, QC photos of my samples)',
          params: idParams,
          response: commonErrorResponses,
        },
      },
      async (request, reply) => {
        const me = await portalOf(commerce, request);
        return sendImage(reply, await commerce.uploads.read(me.orgId, request.params.id, me.merchantId));
      },
    );
    app.get(
      '/portal/products',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'My products',
          querystring: productListQuery.omit({ merchantId: true }),
          response: { 200: listOf(productDto), ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return {
          items: await commerce.products.list(me.orgId, { ...request.query, merchantId: me.merchantId }),
        };
      },
    );
    app.post(
      '/portal/products',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Add a product with SKUs',
          body: createProductInput,
          response: { 201: productDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const me = await portalOf(commerce, request);
        return reply
          .code(201)
          .send(await commerce.products.create(me.orgId, me.merchantId, request.body, me.actor));
      },
    );
    app.get(
      '/portal/products/:id',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'One of my products',
          params: idParams,
          response: { 200: productDto, ...commonErrorResponses },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.products.get(me.orgId, request.params.id, me.merchantId);
      },
    );
    app.patch(
      '/portal/products/:id',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Change one of my products',
          params: idParams,
          body: updateProductInput,
          response: { 200: productDto, ...writeErrors },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.products.update(me.orgId, request.params.id, request.body, me.actor, me.merchantId);
      },
    );
    app.post(
      '/portal/products/:id/skus',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Add a SKU to one of my products',
          params: idParams,
          body: skuInput,
          response: { 201: productDto, ...writeErrors },
        },
      },
      async (request, reply) => {
        const me = await portalOf(commerce, request);
        return reply
          .code(201)
          .send(
            await commerce.products.addSku(
              me.orgId,
              request.params.id,
              request.body,
              me.actor,
              me.merchantId,
            ),
          );
      },
    );
    app.patch(
      '/portal/skus/:id',
      {
        preHandler: portal,
        schema: {
          tags,
          summary: 'Change one of my SKUs',
          params: idParams,
          body: updateSkuInput,
          response: { 200: productDto, ...writeErrors },
        },
      },
      async (request) => {
        const me = await portalOf(commerce, request);
        return commerce.products.updateSku(
          me.orgId,
          request.params.id,
          request.body,
          me.actor,
          me.merchantId,
        );
      },
    );
  };
}
