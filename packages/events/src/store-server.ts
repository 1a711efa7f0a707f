import { timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createGunzip, createInflate, createBrotliDecompress, gzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { AppError, type Logger } from '@livecloud/core';
import { claimChdbDataDir } from './chdb-data-dir.js';
import {
  StoreRequestError,
  parseInsert,
  readStoreRequest,
  setStatements,
  type StoreRequest,
} from './store-server-request.js';
import { placeholderNames } from './sql-placeholders.js';

/*
 * The event store's chDB served over ClickHouse's HTTP interface, so that several LiveCloud
 * processes can share one store without a ClickHouse server: point each at it with
 * CLICKHOUSE_URL. It speaks what `@clickhouse/client` uses — queries with bound `param_`
 * values, settings as URL parameters, inserts with the data in the body (gzip too), `/ping`,
 * Basic or X-ClickHouse-User/Key credentials, errors as `Code: N. DB::Exception …` with
 * X-ClickHouse-Exception-Code — and refuses the rest (sessions, roles, a database) clearly.
 *
 * One engine connection serves every request, one statement at a time: chDB runs the calls
 * of a connection in turn anyway, and settings and bound values are set on that connection,
 * so they must not interleave. Each request's settings are reset to their defaults before the
 * next request, and a placeholder without a value fails as the server fails, so nothing one
 * request set is seen by another. It is one process on one machine: for more, use ClickHouse.
 */

/** Options for {@link startStoreServer}. */
export interface StoreServerOptions {
  /** LiveCloud-style data directory: chDB keeps its files in `<dataDir>/chdb`. */
  dataDir: string;
  host?: string | undefined;
  /** 0 picks a free port. */
  port?: number | undefined;
  /** The one user clients sign in as (default `default`). */
  user?: string | undefined;
  /** Required when listening on anything but loopback; empty means no password. */
  password?: string | undefined;
  /** Largest request body after decompression (default 512 MiB). */
  maxBodyBytes?: number | undefined;
  logger?: Logger | undefined;
}

/** A running store server. */
export interface StoreServer {
  /** `http://host:port`, for CLICKHOUSE_URL (credentials not included). */
  url: string;
  close(): Promise<void>;
}

interface Engine {
  queryAsync(sql: string, opts?: { format?: string }): Promise<EngineResult>;
  insert(params: {
    table: string;
    columns?: readonly string[];
    values: Buffer;
    format: 'TabSeparated';
    settings?: Record<string, string>;
  }): Promise<{ rowsWritten: number; bytesWritten: number; elapsed: number }>;
  close(): void;
}
interface EngineResult {
  bytes(): Uint8Array;
  elapsed: number;
  rowsRead: number;
  bytesRead: number;
}

// Formats chDB's raw insert takes as they are (the body handed over without a copy).
const rawInsertFormats = new Set(['tabseparated', 'tsv']);

// ClickHouse's HTTP status per error code (HTTPHandler), for the codes a client can cause.
const statusByCode = new Map<number, number>([
  [36, 400], // BAD_ARGUMENTS
  [43, 400], // ILLEGAL_TYPE_OF_ARGUMENT
  [47, 400], // UNKNOWN_IDENTIFIER
  [53, 400], // TYPE_MISMATCH
  [62, 400], // SYNTAX_ERROR
  [26, 400], // CANNOT_PARSE_QUOTED_STRING
  [27, 400], // CANNOT_PARSE_INPUT_ASSERTION_FAILED
  [6, 400], // CANNOT_PARSE_TEXT
  [130, 400], // CANNOT_READ_ARRAY_FROM_TEXT
  [115, 400], // UNKNOWN_SETTING
  [456, 400], // UNKNOWN_QUERY_PARAMETER
  [457, 400], // BAD_QUERY_PARAMETER
  [46, 404], // UNKNOWN_FUNCTION
  [60, 404], // UNKNOWN_TABLE
  [73, 404], // UNKNOWN_FORMAT
  [81, 404], // UNKNOWN_DATABASE
]);

function engineError(error: unknown): StoreRequestError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /Code: (\d+)\. DB::Exception: ([\s\S]*?)(?:\. )?\(([A-Z_]+)\)/.exec(message);
  if (!match) return new StoreRequestError(500, 1001, 'STD_EXCEPTION', message.replace(/\s+$/, ''));
  const code = Number(match[1]);
  return new StoreRequestError(
    statusByCode.get(code) ?? 500,
    code,
    match[3] ?? 'UNKNOWN',
    match[2] ?? message,
  );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function credentials(req: IncomingMessage, request: StoreRequest): { user: string; password: string } {
  const header = req.headers.authorization;
  if (header?.startsWith('Basic ')) {
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0
      ? { user: decoded, password: '' }
      : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  const user = req.headers['x-clickhouse-user'];
  if (typeof user === 'string') {
    const key = req.headers['x-clickhouse-key'];
    return { user, password: typeof key === 'string' ? key : '' };
  }
  return { user: request.user ?? 'default', password: request.password ?? '' };
}

function decoded(req: IncomingMessage): Readable {
  switch ((req.headers['content-encoding'] ?? '').toLowerCase()) {
    case '':
    case 'identity':
      return req;
    case 'gzip':
      return req.pipe(createGunzip());
    case 'deflate':
      return req.pipe(createInflate());
    case 'br':
      return req.pipe(createBrotliDecompress());
    default:
      throw new StoreRequestError(
        415,
        48,
        'NOT_IMPLEMENTED',
        `content encoding ${String(req.headers['content-encoding'])} is not supported (use gzip)`,
      );
  }
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of decoded(req)) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      throw new StoreRequestError(413, 1002, 'BODY_TOO_LARGE', `the request body is over ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const loopback = (host: string): boolean =>
  host === '127.0.0.1' || host === '::1' || host === 'localhost' || host.startsWith('127.');

/**
 * Serves `<dataDir>/chdb` over ClickHouse's HTTP interface until `close()`. Refuses to listen
 * beyond loopback without a password.
 */
export async function startStoreServer(options: StoreServerOptions): Promise<StoreServer> {
  const host = options.host ?? '127.0.0.1';
  const user = options.user ?? 'default';
  const password = options.password ?? '';
  const maxBodyBytes = options.maxBodyBytes ?? 512 * 1024 * 1024;
  if (!loopback(host) && password === '') {
    throw AppError.invalid(
      'store_password_required',
      `the store server listens on ${host}, beyond this machine: set a password`,
    );
  }
  const path = resolve(options.dataDir, 'chdb');
  const release = claimChdbDataDir(path);
  let engine: Engine;
  let drainPending: () => Promise<void>;
  try {
    mkdirSync(path, { recursive: true });
    const chdb = await import('chdb');
    drainPending = chdb.drainPending;
    engine = new chdb.Session(path);
  } catch (error) {
    release();
    throw error;
  }
  const log = options.logger?.child({ component: 'store-server', path });

  // One request's engine calls at a time, and the settings the last one left on the connection.
  let turn: Promise<unknown> = Promise.resolve();
  let settingsInForce = new Set<string>();
  const inTurn = <T>(request: StoreRequest, work: (sets: string[]) => Promise<T>): Promise<T> => {
    const result = turn.then(async () => {
      const sets = [
        ...[...settingsInForce]
          .filter((name) => !Object.hasOwn(request.settings, name))
          .map((name) => `SET ${name} = DEFAULT`),
        ...setStatements(request),
      ];
      // Until it has run, any of them may be in force.
      settingsInForce = new Set([...settingsInForce, ...Object.keys(request.settings)]);
      try {
        const value = await work(sets);
        settingsInForce = new Set(Object.keys(request.settings));
        return value;
      } catch (error) {
        // Which statement failed is unknown: reset each name on its own, so that a setting the
        // engine does not know is dropped instead of failing every request after this one.
        for (const name of settingsInForce)
          await engine.queryAsync(`SET ${name} = DEFAULT`).catch(() => undefined);
        settingsInForce = new Set();
        throw error;
      }
    });
    turn = result.catch(() => undefined);
    return result;
  };

  async function execute(request: StoreRequest, body: Buffer): Promise<{ body: Buffer; summary: object }> {
    const insert = request.urlQuery === undefined ? undefined : parseInsert(request.urlQuery);
    if (
      insert &&
      rawInsertFormats.has(insert.format.toLowerCase()) &&
      Object.keys(request.params).length === 0
    ) {
      return inTurn(request, async (sets) => {
        if (sets.length > 0) await engine.queryAsync(sets.join('; '));
        if (body.length === 0) return { body: Buffer.alloc(0), summary: written(0, 0, 0) };
        const summary = await engine.insert({
          table: insert.table,
          ...(insert.columns ? { columns: insert.columns } : {}),
          values: body,
          format: 'TabSeparated',
        });
        return {
          body: Buffer.alloc(0),
          summary: written(summary.rowsWritten, summary.bytesWritten, summary.elapsed),
        };
      });
    }
    const text = body.toString('utf8');
    const sql =
      request.urlQuery === undefined ? text : text === '' ? request.urlQuery : `${request.urlQuery}\n${text}`;
    if (sql.trim() === '') throw new StoreRequestError(400, 62, 'SYNTAX_ERROR', 'Empty query');
    const missing = placeholderNames(sql).filter((name) => !Object.hasOwn(request.params, name));
    if (missing.length > 0) {
      throw new StoreRequestError(
        400,
        456,
        'UNKNOWN_QUERY_PARAMETER',
        `Substitution ${missing.map((m) => `\`${m}\``).join(', ')} is not set`,
      );
    }
    return inTurn(request, async (sets) => {
      const statements = [...sets, sql.replace(/[\s;]+$/, '')];
      const result = await engine.queryAsync(statements.join(';\n'), { format: request.defaultFormat });
      const bytes = result.bytes();
      return {
        body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        summary: {
          read_rows: String(result.rowsRead),
          read_bytes: String(result.bytesRead),
          written_rows: '0',
          written_bytes: '0',
          total_rows_to_read: String(result.rowsRead),
          result_rows: '0',
          result_bytes: String(bytes.byteLength),
          elapsed_ns: String(Math.round(result.elapsed * 1e9)),
        },
      };
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://store');
    if (url.pathname === '/ping' || url.pathname === '/replicas_status') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' }).end('Ok.\n');
      return;
    }
    if (url.pathname !== '/') {
      throw new StoreRequestError(404, 1003, 'NOT_FOUND', `there is nothing at ${url.pathname}`);
    }
    if (req.method !== 'POST' && req.method !== 'GET') {
      throw new StoreRequestError(405, 1004, 'METHOD_NOT_ALLOWED', `${String(req.method)} is not allowed`);
    }
    const request = readStoreRequest(url.searchParams);
    const given = credentials(req, request);
    if (!sameSecret(given.user, user) || !sameSecret(given.password, password)) {
      throw new StoreRequestError(
        401,
        516,
        'AUTHENTICATION_FAILED',
        `${given.user}: Authentication failed: password is incorrect, or there is no user with such name`,
      );
    }
    if (
      req.method === 'GET' &&
      request.urlQuery !== undefined &&
      !/^\s*(SELECT|WITH|SHOW|DESCRIBE|EXISTS)\b/i.test(request.urlQuery)
    ) {
      throw new StoreRequestError(
        400,
        164,
        'READONLY',
        'a GET request may only read: send changes with POST',
      );
    }
    if ((req.headers['content-type'] ?? '').startsWith('multipart/')) {
      throw new StoreRequestError(415, 48, 'NOT_IMPLEMENTED', 'multipart query parameters are not supported');
    }
    const body = await readBody(req, maxBodyBytes);
    const { body: output, summary } = await execute(request, body);
    const compress =
      url.searchParams.get('enable_http_compression') === '1' &&
      /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': 'text/plain; charset=UTF-8',
      'x-clickhouse-query-id': request.queryId ?? '',
      'x-clickhouse-format': request.defaultFormat,
      'x-clickhouse-summary': JSON.stringify(summary),
      ...(compress ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(compress ? gzipSync(output) : output);
  }

  const server = createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof StoreRequestError ? error : engineError(error);
      if (failure.status >= 500)
        log?.warn({ code: failure.code, err: failure.message }, 'store request failed');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      req.resume();
      res
        .writeHead(failure.status, {
          'content-type': 'text/plain; charset=UTF-8',
          'x-clickhouse-exception-code': String(failure.code),
        })
        .end(failure.body());
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 8123, host, () => listening());
  }).catch(async (error: unknown) => {
    engine.close();
    await drainPending();
    release();
    throw error;
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log?.info({ url }, 'store server listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    close() {
      closing ??= (async () => {
        await new Promise<void>((closed) => {
          server.close(() => closed());
          server.closeIdleConnections();
        });
        await turn;
        engine.close();
        await drainPending();
        release();
        log?.info('store server closed');
      })();
      return closing;
    },
  };
}

function written(rows: number, bytes: number, elapsed: number): object {
  return {
    read_rows: '0',
    read_bytes: '0',
    written_rows: String(rows),
    written_bytes: String(bytes),
    total_rows_to_read: '0',
    result_rows: '0',
    result_bytes: '0',
    elapsed_ns: String(Math.round(elapsed * 1e9)),
  };
}
