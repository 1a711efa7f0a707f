import { AppError } from '@livecloud/core';
import type { FastifyInstance } from 'fastify';

/** Where the first string holding U+0000 is in a parsed JSON body, found without recursion. */
export function nulPathOf(value: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const v = next.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return next.path;
    } else if (Array.isArray(v)) {
      v.forEach((child, i) =>
        stack.push({ value: child, path: next.path ? `${next.path}.${i}` : String(i) }),
      );
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) return next.path ? `${next.path}.${k}` : k;
        stack.push({ value: child, path: next.path ? `${next.path}.${k}` : k });
      }
    }
  }
  return null;
}

/**
 * PostgreSQL's text cannot hold U+0000, so a NUL that reached a query answered 500 on many
 * routes. One guard for all: a NUL in the path or the query string is 400 `nul_byte` on every
 * route, and in a JSON body on every /api route. (The collector keeps an event with a NUL as
 * a dead letter's text, so its bodies pass.)
 */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (/%00/.test(request.url) || request.url.includes('\u0000')) {
      throw AppError.invalid(
        'nul_byte',
        'The URL holds a NUL character (%00), which no parameter may contain',
        {
          in: 'url',
        },
      );
    }
  });
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/') || request.body === undefined) return;
    const path = nulPathOf(request.body);
    if (path !== null) {
      throw AppError.invalid('nul_byte', `body.${path}: a NUL character (\\u0000) is not allowed`, {
        in: 'body',
        path,
      });
    }
  });
}
