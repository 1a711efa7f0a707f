import { errorBodySchema } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Access } from './access.js';
import { loginInput, sessionDto, switchOrgInput } from './auth.schema.js';
import { sessionCookieName, userOf } from './http-auth.js';

/** Sign-in with e-mail and password into an httpOnly session cookie. */
export function authRoutes(
  access: Access,
  options: { cookieSecure: boolean; sessionTtlMs: number },
): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie',
          security: [],
          body: loginInput,
          response: { 200: sessionDto, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
        },
        config: { public: true },
      },
      async (request, reply) => {
        const { token, session } = await access.logins.login(request.body, { ip: request.ip });
        void reply.setCookie(sessionCookieName, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.cookieSecure,
          path: '/',
          maxAge: Math.floor(options.sessionTtlMs / 1000),
        });
        return session;
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The current session',
          response: { 200: sessionDto, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request) => access.logins.current(userOf(request)),
    );

    app.post(
      '/auth/switch-org',
      {
        schema: {
          tags: ['auth'],
          summary: 'Move the session into another organisation the person belongs to',
          body: switchOrgInput,
          response: { 200: sessionDto, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request) => access.logins.switchOrg(userOf(request), request.body.orgId),
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'End the session',
          response: { 204: z.null().describe('signed out'), 401: errorBodySchema, 403: errorBodySchema },
        },
      },
      async (request, reply) => {
        await access.logins.logout(userOf(request));
        void reply.clearCookie(sessionCookieName, { path: '/' });
        return reply.code(204).send(null);
      },
    );
  };
}
