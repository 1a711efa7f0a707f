import { listOf } from '@livecloud/contracts';
import { actorOf, principalOf, requirePermission, userOf } from '@livecloud/access';
import { commonErrorResponses, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorsWithConflict } from './http.js';
import {
  createRecurringScheduleInput,
  generateSessionsInput,
  generateSessionsResult,
  recurringScheduleDto,
} from './recurrence.schema.js';
import type { Schedule } from './schedule.js';
import {
  createSessionInput,
  listSessionsQuery,
  myScheduleDto,
  myScheduleQuery,
  sessionDto,
  transitionInput,
  updateSessionInput,
} from './session.schema.js';

const tags = ['schedule'];
const canRead = requirePermission('live:read');
const canManage = requirePermission('commerce:manage');

/** Live sessions (场次), their status path, recurring schedules and an anchor's own schedule. */
export function sessionRoutes(schedule: Schedule): FastifyPluginAsyncZod {
  const { sessions, recurrences } = schedule;
  return async (app) => {
    app.get(
      '/live-sessions',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Sessions overlapping a window, filtered by room, anchor, account or status',
          querystring: listSessionsQuery,
          response: { 200: listOf(sessionDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await sessions.list(principalOf(request).orgId, request.query) }),
    );
    app.post(
      '/live-sessions',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Plan a session; 409 schedule_conflict lists every clash of room, account or anchor',
          body: createSessionInput,
          response: { 201: sessionDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply.code(201).send(await sessions.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.get(
      '/live-sessions/:id',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'One session',
          params: idParams,
          response: { 200: sessionDto, ...commonErrorResponses },
        },
      },
      async (request) => sessions.get(principalOf(request).orgId, request.params.id),
    );
    app.patch(
      '/live-sessions/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Move or change a planned session; clashes are checked again (409 schedule_conflict)',
          params: idParams,
          body: updateSessionInput,
          response: { 200: sessionDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sessions.update(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.delete(
      '/live-sessions/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Remove a planned session with its line-up',
          params: idParams,
          response: { 200: sessionDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sessions.remove(principal.orgId, request.params.id, actorOf(principal));
      },
    );
    app.post(
      '/live-sessions/:id/status',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary:
            'Move a session along planned → live → ended → reviewed; anything else is 409 illegal_transition',
          params: idParams,
          body: transitionInput,
          response: { 200: sessionDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sessions.transition(
          principal.orgId,
          request.params.id,
          request.body.status,
          actorOf(principal),
          {
            override: request.body.override,
            mayOverride: principal.permissions.has('live:override'),
          },
        );
      },
    );

    app.get(
      '/me/schedule',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'The signed-in anchor’s own sessions (through the anchors linked to their membership)',
          querystring: myScheduleQuery,
          response: {
            200: myScheduleDto,
            ...commonErrorResponses,
          },
        },
      },
      async (request) => {
        const user = userOf(request);
        return sessions.mySchedule(user.orgId, user.membershipId, request.query);
      },
    );

    app.get(
      '/recurring-schedules',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Recurring schedule rules',
          response: { 200: listOf(recurringScheduleDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await recurrences.list(principalOf(request).orgId) }),
    );
    app.post(
      '/recurring-schedules',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary:
            'A weekly rule (days, local start time, duration, time zone); generate its sessions separately',
          body: createRecurringScheduleInput,
          response: { 201: recurringScheduleDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await recurrences.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.get(
      '/recurring-schedules/:id',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'One recurring schedule',
          params: idParams,
          response: { 200: recurringScheduleDto, ...commonErrorResponses },
        },
      },
      async (request) => recurrences.get(principalOf(request).orgId, request.params.id),
    );
    app.post(
      '/recurring-schedules/:id/generate',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary:
            'Create the rule’s sessions for a range of local dates; all or nothing, 409 lists every clash',
          params: idParams,
          body: generateSessionsInput,
          response: { 200: generateSessionsResult, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return recurrences.generate(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
  };
}
