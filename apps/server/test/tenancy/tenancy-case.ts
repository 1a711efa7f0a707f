import type { SessionClient, TestApp } from '../test-app.js';

/**
 * The shared world of the tenancy walk (tenancy.int.test.ts): organisation A, aimed at
 * organisation B. Each context's file seeds B's records into `bIds` (what A aims at) and
 * `bSecrets` (what must never reach A).
 */
export interface TenancyWorld {
  t: TestApp;
  a: SessionClient;
  /** A's admin API key, for the walk's second pass. */
  aKeySecret: string;
  b: SessionClient;
  bIds: Record<string, string>;
  bSecrets: string[];
}

/**
 * `instance`: a route of the instance API, aimed at B (every path parameter is B's
 * `resource`): A's session and A's admin key get 403 `instance_admin_required`.
 * `own`: A's request (its query may name B's records), answered with a status in `expect`
 * (default 200). `foreign`: every path parameter is B's `resource`, or the resource `params`
 * names for it; must be 404. `public`: needs no sign-in and is not walked.
 */
export type TenancyCase =
  | { kind: 'public' }
  | { kind: 'instance'; resource?: string; body?: (w: TenancyWorld) => unknown }
  | {
      kind: 'own';
      body?: (w: TenancyWorld) => unknown;
      query?: string | ((w: TenancyWorld) => string);
      expect?: number[];
    }
  | {
      kind: 'foreign';
      resource: string;
      params?: Record<string, string>;
      body?: (w: TenancyWorld) => unknown;
    };

/**
 * One context's part of the walk. A new context adds a file beside this one and a line in
 * contexts.ts: the walk fails for any operation of the OpenAPI document without a case.
 */
export interface TenancyContext {
  name: string;
  /** A case for each of the context's operations, keyed `METHOD /path/{param}`. */
  cases: Record<string, TenancyCase>;
  /** Creates B's records through B's API (and A's own, where A's requests need them). */
  seed?(w: TenancyWorld): Promise<void>;
  /** B's lists and records read before and after the walk: nothing of them may change. */
  listsOfB?(w: TenancyWorld): string[];
}

/** Sends one seeding request as `client` and fails loudly on anything but success. */
export async function seedCall<T>(
  client: Pick<SessionClient, 'request'>,
  url: string,
  payload: object,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const response = await client.request({ method, url, payload });
  if (response.statusCode >= 300) throw new Error(`seeding ${url}: ${response.statusCode} ${response.body}`);
  return response.json<T>();
}
