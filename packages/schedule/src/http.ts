import { principalOf, type Permission } from '@livecloud/access';
import { AppError, commonErrorResponses, errorBodySchema } from '@livecloud/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The error answers of a route that can also conflict with the current state (409). */
export const errorsWithConflict = { ...commonErrorResponses, 409: errorBodySchema } as const;

/**
 * A preHandler that lets the request through with any one of the permissions: the account
 * matrix and SOP pages are read by people who see the schedule (live:read) and by those who
 * look after the matrix (matrix:read).
 */
export function requireAnyPermission(...wanted: Permission[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = principalOf(request);
    if (!wanted.some((p) => principal.permissions.has(p))) {
      throw AppError.forbidden('forbidden', `This needs one of the permissions ${wanted.join(', ')}`, {
        permissions: wanted,
      });
    }
  };
}
