import { principalOf, type Principal } from '@livecloud/access';
import { AppError } from '@livecloud/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Collector, CollectorCaller } from './collector.service.js';
import { isRecord } from './is-record.js';

/** What the collector plugins need from the server. */
export interface CollectorRouteDeps {
  collector: Collector;
  bodyLimitBytes: number;
  /** Origins whose pages may use every collector key (configuration), besides each key's own. */
  allowedOrigins: readonly string[];
  /** Resolves a write key sent in a Segment body (`writeKey`) to its principal. */
  authenticateKey(secret: string): Promise<Principal>;
}

/**
 * Lets a request write events: a collector key (events:write), an admin key, or anyone else
 * holding events:write. A signed-in person without it is refused.
 */
export async function requireEventsWrite(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const principal = principalOf(request);
  const adminKey = principal.kind === 'api_key' && principal.purpose === 'admin';
  if (!adminKey && !principal.permissions.has('events:write')) {
    throw AppError.forbidden(
      'forbidden',
      'Collecting events needs a collector or admin API key (events:write)',
      {
        permission: 'events:write',
      },
    );
  }
}

/** The collector's view of the caller. */
export function callerOf(request: FastifyRequest): CollectorCaller {
  const principal = principalOf(request);
  return principal.kind === 'api_key'
    ? { orgId: principal.orgId, keyId: principal.keyId, source: principal.source }
    : { orgId: principal.orgId, keyId: null, source: null };
}

/**
 * Inside a collector plugin: every body arrives as raw bytes, whatever its type, so that the
 * collector can gunzip, parse NDJSON and answer bad JSON itself. Bodies up to `limitBytes`.
 */
export function acceptRawBodies(app: FastifyInstance, limitBytes: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limitBytes }, (_request, body, done) => {
    done(null, body);
  });
}

/** The raw body bytes (an empty buffer when there was none). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  const body: unknown = request.body;
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

export function headerText(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** Runs an ingest call; a rate-limit refusal carries Retry-After. */
export async function withRetryAfter<T>(reply: FastifyReply, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError && error.kind === 'rate_limited') {
      const details = error.details as { retryAfterS?: unknown } | undefined;
      const seconds = typeof details?.retryAfterS === 'number' ? details.retryAfterS : 1;
      void reply.header('retry-after', String(seconds));
    }
    throw error;
  }
}

/** Pass-through validation: the route schema documents the body, the collector checks it. */
export const documentOnlyBody = (): ((data: unknown) => { value: unknown }) => (data) => ({ value: data });

const parsedBodies = new WeakMap<FastifyRequest, { document: unknown }>();

/**
 * A preHandler for the Segment calls: without an `Authorization` header, the write key may
 * come in the body's `writeKey` (analytics.js and the SDK send it there, as `text/plain`, so
 * that the browser needs no preflight). It wins over a session cookie, which a beacon carries
 * on the same site. The parsed body is kept for the handler, so it is read once.
 */
export function writeKeyFromBody(deps: Pick<CollectorRouteDeps, 'collector' | 'authenticateKey'>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (request.headers.authorization) return;
    let document: unknown;
    try {
      document = deps.collector.readSegmentDocument(
        rawBodyOf(request),
        headerText(request, 'content-type'),
        headerText(request, 'content-encoding'),
      );
    } catch {
      // Not a body a key can be read from: the caller is whoever the headers say (none: 401).
      return;
    }
    parsedBodies.set(request, { document });
    const secret = isRecord(document) ? document['writeKey'] : undefined;
    if (typeof secret !== 'string' || secret === '') return;
    try {
      request.principal = await deps.authenticateKey(secret);
      request.authError = null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      request.principal = null;
      request.authError = error;
    }
  };
}

/** The body `writeKeyFromBody` already parsed, if it did. */
export function parsedBodyOf(request: FastifyRequest): { document: unknown } | undefined {
  return parsedBodies.get(request);
}
