import type {} from '@fastify/cookie';
import { AppError } from '@livecloud/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from './access.js';
import { instanceTokenPrefix } from './instance-admin.js';
import type { Principal } from './principal.js';
import type { Permission } from './roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, resolved from an API key or a session cookie; null when anonymous. */
    principal: Principal | null;
    /** Why credentials that were sent did not resolve, raised when a route needs them. */
    authError: AppError | null;
    /**
     * Resolves the same credentials again (API key or login session), for work that outlives
     * the request's start (a stream): throws an AppError once they no longer hold.
     */
    reauthenticate: (() => Promise<Principal>) | null;
    /** Whether the request carries the instance admin token (it opens only the instance API). */
    instanceAdmin: boolean;
  }
  interface FastifyContextConfig {
    /** Marks a route of the instance API: the only routes the instance admin token opens. */
    instanceApi?: boolean;
  }
}

export const sessionCookieName = 'lc_session';
export const csrfHeader = 'x-csrf-token';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller on every request: `Authorization: Bearer <api key>` or the session
 * cookie. Cookie-authenticated unsafe requests must echo the session's CSRF token in
 * `x-csrf-token` (double submit); API-key requests carry no ambient credentials and need none.
 */
export function registerAuthentication(app: FastifyInstance, access: Access): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authError', null);
  app.decorateRequest('reauthenticate', null);
  app.decorateRequest('instanceAdmin', false);
  app.addHook('onRequest', async (request) => {
    const apiKey = apiKeyFrom(request.headers.authorization);
    if (apiKey !== undefined && basicPasswordSent(request.headers.authorization)) {
      // Only the user name carries the key; a password would be silently ignored, so refuse it.
      request.authError = AppError.unauthorized(
        'basic_password_not_empty',
        'Send the key as the HTTP Basic user name with an empty password',
      );
      return;
    }
    if (apiKey?.startsWith(instanceTokenPrefix)) {
      resolveInstanceAdmin(request, access, apiKey);
      return;
    }
    if (apiKey !== undefined) {
      request.reauthenticate = () => access.apiKeys.authenticate(apiKey);
      await resolve(request, () => access.apiKeys.authenticate(apiKey, { ip: request.ip }));
      return;
    }
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    request.reauthenticate = () => access.logins.authenticate(token);
    await resolve(request, request.reauthenticate);
    const principal = request.principal;
    if (principal?.kind === 'user' && unsafeMethods.has(request.method)) {
      if (request.headers[csrfHeader] !== principal.csrfToken) {
        request.principal = null;
        request.authError = AppError.forbidden('csrf_failed', `Missing or wrong ${csrfHeader} header`);
      }
    }
  });
}

/**
 * The API key in an Authorization header: `Bearer <key>`, or HTTP Basic with the key as the
 * user name and an empty password, as Segment's and RudderStack's libraries send a write key.
 */
/** Whether an HTTP Basic header carries a non-empty password after the key. */
export function basicPasswordSent(header: string | undefined): boolean {
  const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header ?? '');
  if (!basic?.[1]) return false;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  return decoded.includes(':') && decoded.slice(decoded.indexOf(':') + 1) !== '';
}

export function apiKeyFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const user = decoded.includes(':') ? decoded.slice(0, decoded.indexOf(':')) : decoded;
    return user === '' ? '' : user;
  }
  return '';
}

async function resolve(request: FastifyRequest, authenticate: () => Promise<Principal>): Promise<void> {
  try {
    request.principal = await authenticate();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    request.authError = error;
  }
}

/**
 * The instance admin token opens the instance API and nothing else: on any other route it is
 * refused before the route runs, so it can never read or change an organisation's data.
 */
function resolveInstanceAdmin(request: FastifyRequest, access: Access, token: string): void {
  if (!access.instance.authenticate(token)) {
    request.authError = AppError.unauthorized('invalid_instance_token', 'The instance admin token is wrong');
    return;
  }
  if (request.routeOptions.config.instanceApi !== true) {
    throw AppError.forbidden(
      'instance_admin_only',
      'The instance admin token opens only /api/v1/instance; use an organisation’s API key or a session',
    );
  }
  request.instanceAdmin = true;
}

/** An onRequest hook of the instance API: only the instance admin token passes. */
export async function requireInstanceAdmin(request: FastifyRequest): Promise<void> {
  if (request.instanceAdmin) return;
  if (request.authError) throw request.authError;
  if (request.principal) {
    throw AppError.forbidden(
      'instance_admin_required',
      'This needs the instance admin token; an organisation’s key or session cannot manage the instance',
    );
  }
  throw AppError.unauthorized(
    'instance_token_required',
    'Send the instance admin token: Authorization: Bearer lc_inst_…',
  );
}

/** The principal of a request that must be authenticated. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal)
    throw request.authError ?? AppError.unauthorized('unauthenticated', 'Sign in first');
  return request.principal;
}

/** A preHandler that lets the request through only with the given permission. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const principal = principalOf(request);
    if (!principal.permissions.has(permission)) {
      throw AppError.forbidden('forbidden', `This needs the ${permission} permission`, { permission });
    }
  };
}

/**
 * A preHandler that lets the request through with any one of the permissions (pages read both
 * by people who see the schedule and by those who look after the account matrix).
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

/**
 * Whether the caller of a long-lived request may still do what it started with: null while the
 * same credentials still resolve, to the same organisation, with the permission; otherwise
 * the AppError saying why not (`unauthenticated`, `session_expired`, `forbidden`, …). An
 * error that is not an AppError (the records store away) is thrown: the caller decides.
 */
export async function accessEnded(request: FastifyRequest, permission: Permission): Promise<AppError | null> {
  const started = request.principal;
  if (!started || !request.reauthenticate) return AppError.unauthorized('unauthenticated', 'Sign in first');
  try {
    const now = await request.reauthenticate();
    if (now.orgId !== started.orgId) return AppError.unauthorized('unauthenticated', 'Sign in first');
    if (!now.permissions.has(permission)) {
      return AppError.forbidden('forbidden', `This needs the ${permission} permission`, { permission });
    }
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** The principal of a request that must come from a signed-in person, not an API key. */
export function userOf(request: FastifyRequest): Extract<Principal, { kind: 'user' }> {
  const principal = principalOf(request);
  if (principal.kind !== 'user')
    throw AppError.forbidden('session_required', 'This needs a signed-in person, not an API key');
  return principal;
}
