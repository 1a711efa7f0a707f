import { actorOf, principalOf, requireAnyPermission, requirePermission } from '@livecloud/access';
import { commonErrorResponses, idParams } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorsWithConflict } from './http.js';
import { listOf } from '@livecloud/contracts';
import type { Schedule } from './schedule.js';
import {
  listSopRunsQuery,
  listSopTemplatesQuery,
  sopRunDto,
  sopRunSummaryDto,
  sopTemplateDto,
  sopTemplateInput,
  startSopRunInput,
  updateSopTaskInput,
} from './sop.schema.js';

const tags = ['sop'];
const canRead = requireAnyPermission('live:read', 'matrix:read');
const canManage = requirePermission('commerce:manage');
// An anchor (commerce:read) may tick off their own tasks; the service says which are theirs.
const canTick = requireAnyPermission('commerce:manage', 'commerce:read');

/** SOP checklist templates and runs (e.g. 新直播间 7 天开播). */
export function sopRoutes(schedule: Schedule): FastifyPluginAsyncZod {
  const { sopTemplates, sopRuns } = schedule;
  return async (app) => {
    app.get(
      '/sop-templates',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Checklist templates; the default 新直播间 7 天开播 is there from the first visit',
          querystring: listSopTemplatesQuery,
          response: { 200: listOf(sopTemplateDto), ...commonErrorResponses },
        },
      },
      async (request) => ({
        items: await sopTemplates.list(principalOf(request).orgId, request.query.includeArchived),
      }),
    );
    app.post(
      '/sop-templates',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Create a template (tasks with owner role, due day and dependencies)',
          body: sopTemplateInput,
          response: { 201: sopTemplateDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply
          .code(201)
          .send(await sopTemplates.create(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.get(
      '/sop-templates/:id',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'One template',
          params: idParams,
          response: { 200: sopTemplateDto, ...commonErrorResponses },
        },
      },
      async (request) => sopTemplates.get(principalOf(request).orgId, request.params.id),
    );
    app.put(
      '/sop-templates/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Replace a template’s content; its version goes up and running checklists keep their copy',
          params: idParams,
          body: sopTemplateInput,
          response: { 200: sopTemplateDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sopTemplates.update(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.delete(
      '/sop-templates/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Archive a template; runs already started go on',
          params: idParams,
          response: { 200: sopTemplateDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sopTemplates.archive(principal.orgId, request.params.id, actorOf(principal));
      },
    );

    app.get(
      '/sop-runs',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Checklist runs with progress',
          querystring: listSopRunsQuery,
          response: { 200: listOf(sopRunSummaryDto), ...commonErrorResponses },
        },
      },
      async (request) => ({ items: await sopRuns.list(principalOf(request).orgId, request.query) }),
    );
    app.post(
      '/sop-runs',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Start a template for a room; its tasks are copied with due dates',
          body: startSopRunInput,
          response: { 201: sopRunDto, ...errorsWithConflict },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request);
        return reply.code(201).send(await sopRuns.start(principal.orgId, request.body, actorOf(principal)));
      },
    );
    app.get(
      '/sop-runs/:id',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'One run with its tasks, progress and overdue tasks',
          params: idParams,
          response: { 200: sopRunDto, ...commonErrorResponses },
        },
      },
      async (request) => sopRuns.get(principalOf(request).orgId, request.params.id),
    );
    app.patch(
      '/sop-tasks/:id',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Assign a task to a staff member or an anchor, or move its due time',
          params: idParams,
          body: updateSopTaskInput,
          response: { 200: sopRunDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sopRuns.updateTask(principal.orgId, request.params.id, request.body, actorOf(principal));
      },
    );
    app.post(
      '/sop-tasks/:id/complete',
      {
        preHandler: canTick,
        schema: {
          tags,
          summary:
            'Mark a task done; 409 dependencies_not_done while a task it waits for is open, 403 sop_task_not_yours when an anchor ticks a task not assigned to them',
          params: idParams,
          response: { 200: sopRunDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sopRuns.complete(principal.orgId, request.params.id, actorOf(principal), {
          manages: principal.permissions.has('commerce:manage'),
          membershipId: principal.kind === 'user' ? principal.membershipId : null,
        });
      },
    );
    app.post(
      '/sop-tasks/:id/reopen',
      {
        preHandler: canManage,
        schema: {
          tags,
          summary: 'Open a done task again; 409 dependents_done while a task that waited for it is done',
          params: idParams,
          response: { 200: sopRunDto, ...errorsWithConflict },
        },
      },
      async (request) => {
        const principal = principalOf(request);
        return sopRuns.reopen(principal.orgId, request.params.id, actorOf(principal));
      },
    );
  };
}
