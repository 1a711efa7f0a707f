import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Access } from './access.js';
import { apiKeyRoutes } from './api-key.routes.js';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { instanceRoutes } from './instance.routes.js';
import { organisationRoutes } from './organisation.routes.js';
import { roleRoutes } from './role.routes.js';
import { staffRoutes } from './staff.routes.js';

/**
 * Every route of the access context under /api/v1: sign-in and sessions, organisations,
 * staff, API keys, the role matrix, the audit log, and the instance API.
 */
export function accessRoutes(
  access: Access,
  options: { cookieSecure: boolean; sessionTtlMs: number },
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(authRoutes(access, options));
    await app.register(organisationRoutes(access));
    await app.register(staffRoutes(access));
    await app.register(apiKeyRoutes(access));
    await app.register(roleRoutes());
    await app.register(auditRoutes(access));
    await app.register(instanceRoutes(access));
  };
}
