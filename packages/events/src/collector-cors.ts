import { onlyCollects, type Principal } from '@livecloud/access';
import { AppError } from '@livecloud/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** What a preflight allows: a write key's POST, with the headers the collector reads. */
const allowMethods = 'POST, OPTIONS';
const allowHeaders = 'authorization, content-type, content-encoding, x-request-id';
const exposeHeaders = 'retry-after, x-request-id';
/** Browsers cap it (Chromium at 2 h, Firefox at 24 h). */
const maxAgeSeconds = 86_400;

function originOf(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  return typeof origin === 'string' && origin !== '' ? origin : undefined;
}

/**
 * Whether the caller's key may be used from a page of `origin`: a key that only collects
 * events, listing the origin (or `*`) itself or in the deployment's defaults.
 */
export function keyAllowsOrigin(
  principal: Principal | null,
  origin: string,
  defaultOrigins: readonly string[],
): boolean {
  if (principal?.kind !== 'api_key' || !onlyCollects(principal.permissions)) return false;
  const wanted = origin.toLowerCase();
  return [...principal.allowedOrigins, ...defaultOrigins].some((o) => o === '*' || o === wanted);
}

/**
 * A preHandler for requests a browser sends (they carry `Origin`): a key that can do more than
 * collect is refused (`key_not_for_browser`), and so is an origin the key does not allow
 * (`origin_not_allowed`), before anything is stored. Requests without `Origin` (servers,
 * analytics-node) and signed-in people (the CSRF check guards them) are not concerned.
 */
export function requireBrowserOrigin(defaultOrigins: readonly string[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const origin = originOf(request);
    const principal = request.principal;
    if (origin === undefined || principal?.kind !== 'api_key') return;
    if (!onlyCollects(principal.permissions)) {
      throw AppError.forbidden(
        'key_not_for_browser',
        'This key can do more than collect events and never works from a browser; use a collector key',
      );
    }
    if (!keyAllowsOrigin(principal, origin, defaultOrigins)) {
      throw AppError.forbidden(
        'origin_not_allowed',
        `The key may not be used from pages of ${origin.slice(0, 200)}; add the origin to the key's allowed origins`,
        { origin: origin.slice(0, 200) },
      );
    }
  };
}

/**
 * CORS for one collector plugin: a preflight (`OPTIONS`) for each path, answered for any
 * origin as it carries no credentials, and on every answer (errors included) `Vary: Origin`,
 * the exposed headers, and `Access-Control-Allow-Origin` when the key allows the origin.
 * No credentials are ever allowed: a write key travels in a header or in the body, not a cookie.
 */
export function registerCollectorCors(
  app: FastifyInstance,
  paths: readonly string[],
  defaultOrigins: readonly string[],
): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const vary = reply.getHeader('vary');
    if (vary === undefined) void reply.header('vary', 'Origin');
    else if (!/\borigin\b/i.test(String(vary))) void reply.header('vary', `${String(vary)}, Origin`);
    const origin = originOf(request);
    if (origin === undefined) return payload;
    void reply.header('access-control-expose-headers', exposeHeaders);
    if (request.method === 'OPTIONS' || keyAllowsOrigin(request.principal, origin, defaultOrigins)) {
      void reply.header('access-control-allow-origin', origin);
    }
    return payload;
  });
  for (const path of paths) {
    app.options(path, { schema: { hide: true } }, async (_request, reply) =>
      reply
        .code(204)
        .header('access-control-allow-methods', allowMethods)
        .header('access-control-allow-headers', allowHeaders)
        .header('access-control-max-age', String(maxAgeSeconds))
        .send(),
    );
  }
}
