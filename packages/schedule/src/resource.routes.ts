import { actorOf, principalOf, requireAnyPermission, requirePermission } from '@livecloud/access';
import { commonErrorResponses, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorsWithConflict } from './http.js';
import { listOf } from '@livecloud/contracts';
import {
  anchorDto,
  createAnchorInput,
  createPlatformAccountInput,
  createRoomInput,
  listResourcesQuery,
  platformAccountDto,
  roomDto,
  updateAnchorInput,
  updatePlatformAccountInput,
  updateRoomInput,
} from './resource.schema.js';
import type { Schedule } from './schedule.js';

const tags = ['account-matrix'];
const canRead = requireAnyPermission('live:read', 'matrix:read');
const canManage = requirePermission('commerce:manage');

/** Rooms (直播间), anchors (主播) and platform accounts (账号矩阵). */
export function resourceRoutes(schedule: Schedule): FastifyPluginAsyncZod {
  const { resources } = schedule;
  return async (app) => {
    app.get(
      '/rooms',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Live rooms',
          querystring: listResourcesQuery,
          response: { 200: listOf(roomDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await resources.listRooms(principalOf(request).orgId, request.query.includeArchived),
      }),
    );
    app.post(
      '/rooms',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Add a live room',
          body: createRoomInput,
          response: { 201: roomDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await resources.createRoom(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.patch(
      '/rooms/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Rename, move or archive a room',
          params: idParams,
          body: updateRoomInput,
          response: { 200: roomDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return resources.updateRoom(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );

    app.get(
      '/anchors',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Anchors',
          querystring: listResourcesQuery,
          response: { 200: listOf(anchorDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await resources.listAnchors(principalOf(request).orgId, request.query.includeArchived),
      }),
    );
    app.post(
      '/anchors',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Add an anchor, optionally linked to a staff member with the anchor role',
          body: createAnchorInput,
          response: { 201: anchorDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await resources.createAnchor(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.patch(
      '/anchors/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Rename, link or archive an anchor',
          params: idParams,
          body: updateAnchorInput,
          response: { 200: anchorDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return resources.updateAnchor(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );

    app.get(
      '/platform-accounts',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'The account matrix: accounts on Douyin, Kuaishou, Taobao, Xiaohongshu and WeChat Channels',
          querystring: listResourcesQuery,
          response: { 200: listOf(platformAccountDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await resources.listAccounts(principalOf(request).orgId, request.query.includeArchived),
      }),
    );
    app.post(
      '/platform-accounts',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Add an account to the matrix',
          body: createPlatformAccountInput,
          response: { 201: platformAccountDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await resources.createAccount(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.patch(
      '/platform-accounts/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Change or archive an account',
          params: idParams,
          body: updatePlatformAccountInput,
          response: { 200: platformAccountDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return resources.updateAccount(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
  };
}
