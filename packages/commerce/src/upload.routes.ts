import { actorOf, principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses, errorBodySchema, idParams } from '@livecloud/core';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Commerce } from './commerce.js';
import { createUploadInput, uploadBodyLimit, uploadDto } from './upload.schema.js';

export const uploadErrorResponses = { 413: errorBodySchema, 415: errorBodySchema, ...commonErrorResponses };

/** Sends stored image bytes so that a browser shows them and never runs them. */
export function sendImage(reply: FastifyReply, image: { contentType: string; data: Buffer }): FastifyReply {
  return reply
    .header('content-type', image.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .header('cache-control', 'private, max-age=86400')
    .send(image.data);
}

/**
 * Images travel as base64 in JSON: one body format for the whole API, validated by the same
 * schemas and documented in OpenAPI; the route raises the body limit for them alone.
 */
export function uploadRoutes(commerce: Commerce): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/uploads',
      {
        preHandler: requirePermission('commerce:read'),
        bodyLimit: uploadBodyLimit,
        schema: {
          tags: ['uploads'],
          summary: 'Upload an image (product photo, QC photo) as base64; PNG, JPEG, WebP or GIF up to 5 MB',
          body: createUploadInput,
          response: { 201: uploadDto, ...uploadErrorResponses },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await commerce.uploads.create(principal.orgId, request.body, null, actorOf(principal)));
      },
    );
    app.get(
      '/uploads/:id',
      {
        preHandler: requirePermission('commerce:read'),
        schema: {
          tags: ['uploads'],
          summary: 'The image bytes of an upload of the organisation',
          params: idParams,
          response: commonErrorResponses,
        },
      },
      async (request, reply) =>
        sendImage(reply, await commerce.uploads.read(principalOf(request).orgId, request.params.id)),
    );
  };
}
