import { readFileSync } from 'node:fs';
import { AppError, errorKinds, httpStatusOf, type ErrorKind } from '@livecloud/core';

/** The options that send an admin command to a running server instead of the data directory. */
export interface RemoteOptions {
  url?: string;
  token?: string;
  tokenFile?: string;
}

/** A running server's instance API, called with the instance admin token. */
export interface InstanceClient {
  call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T>;
}

const timeoutMs = 30_000;

/**
 * The instance API of the server that `--url` (or `LIVECLOUD_URL`) names, or null to work on
 * the data directory. The token is `--token`, the first line of `--token-file`, or
 * `LIVECLOUD_INSTANCE_ADMIN_TOKEN`.
 */
export function instanceClientOf(
  options: RemoteOptions,
  env: Record<string, string | undefined> = process.env,
): InstanceClient | null {
  const url = options.url ?? (env['LIVECLOUD_URL'] || undefined);
  if (url === undefined) return null;
  let base: URL;
  try {
    base = new URL(url.endsWith('/') ? url : `${url}/`);
  } catch {
    throw AppError.invalid('invalid_url', `${url} is not a URL such as http://127.0.0.1:3000`);
  }
  const token = tokenOf(options, env);
  return {
    async call<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
      let response: Response;
      try {
        response = await fetch(new URL(`api/v1/instance/${path}`, base), {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error ? (error.cause ?? error) : error;
        throw new AppError(
          'unavailable',
          'server_unreachable',
          `No answer from ${base.origin}: ${reason instanceof Error ? reason.message : String(reason)}`,
        );
      }
      const text = await response.text();
      const parsed = parseJson(text);
      if (!response.ok) throw remoteError(response.status, parsed, text);
      return parsed as T;
    },
  };
}

function tokenOf(options: RemoteOptions, env: Record<string, string | undefined>): string {
  if (options.token) return options.token.trim();
  if (options.tokenFile) {
    try {
      return (readFileSync(options.tokenFile, 'utf8').split('\n')[0] ?? '').trim();
    } catch {
      throw AppError.invalid('token_file_unreadable', `The token file ${options.tokenFile} cannot be read`);
    }
  }
  const fromEnv = env['LIVECLOUD_INSTANCE_ADMIN_TOKEN']?.trim();
  if (fromEnv) return fromEnv;
  throw AppError.invalid(
    'instance_token_missing',
    'With --url, give --token, --token-file <data-dir>/instance-admin.token or LIVECLOUD_INSTANCE_ADMIN_TOKEN',
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The server's own error code and message, as the data-directory path would print them. */
function remoteError(status: number, body: unknown, text: string): AppError {
  const kind: ErrorKind = errorKinds.find((k) => httpStatusOf(k) === status) ?? 'internal';
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new AppError(kind, error.code, error.message, error.details);
  }
  return new AppError(kind, `http_${status}`, `The server answered ${status}: ${text.slice(0, 200)}`);
}
