/*
 * What a request to ClickHouse's HTTP interface asks for, as `@clickhouse/client` sends it:
 * the SQL is the `query` URL parameter followed by the body (an INSERT's data), or the body
 * alone; `param_<name>` are bound values in ClickHouse's escaped text form; `query_id`,
 * `database`, `default_format` and the credentials are the interface's own; every other URL
 * parameter is a setting. Pure functions, so that the mapping is tested without a server.
 */

/** A request the store server refuses before it reaches the engine. */
export class StoreRequestError extends Error {
  constructor(
    readonly status: number,
    /** ClickHouse's error code and name, so that clients parse it as they parse the server's. */
    readonly code: number,
    readonly codeName: string,
    message: string,
  ) {
    super(message);
  }

  /** The body ClickHouse sends for an error: `Code: N. DB::Exception: … (NAME)`. */
  body(): string {
    return `Code: ${this.code}. DB::Exception: ${this.message}. (${this.codeName})\n`;
  }
}

/** An INSERT whose data is the request body, in a format the engine parses. */
export interface ParsedInsert {
  table: string;
  columns: string[] | undefined;
  format: string;
}

/** One request, read from its URL parameters. */
export interface StoreRequest {
  queryId: string | undefined;
  /** SQL from the URL, if any; the body follows it (INSERT data) or is the whole SQL. */
  urlQuery: string | undefined;
  /** Bound values, exactly as sent: ClickHouse's escaped text form. */
  params: Record<string, string>;
  /** Settings for this request, HTTP-only ones removed. */
  settings: Record<string, string>;
  /** The output format when the SQL names none. */
  defaultFormat: string;
  /** Credentials given as URL parameters (`user`, `password`), if any. */
  user: string | undefined;
  password: string | undefined;
}

// Settings that only mean something to ClickHouse's HTTP layer (the client sends some of them
// by default); the engine would refuse them as unknown.
const httpOnlySettings = new Set([
  'wait_end_of_query',
  'send_progress_in_http_headers',
  'http_response_buffer_size',
  'http_headers_progress_interval_ms',
  'http_send_progress_interval_ms',
  'enable_http_compression',
  'http_zlib_compression_level',
  'http_response_compression_method',
  'http_native_compression_disable_checksumming_on_decompress',
  'buffer_size',
  'compress',
  'decompress',
]);

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads a request's URL parameters; refuses what the store server does not offer. */
export function readStoreRequest(search: URLSearchParams): StoreRequest {
  const request: StoreRequest = {
    queryId: undefined,
    urlQuery: undefined,
    params: {},
    settings: {},
    defaultFormat: 'TabSeparated',
    user: undefined,
    password: undefined,
  };
  for (const [key, value] of search) {
    if (key.startsWith('param_')) {
      const name = key.slice('param_'.length);
      if (!identifier.test(name)) throw badParameter(`parameter name ${JSON.stringify(name)}`);
      request.params[name] = value;
      continue;
    }
    switch (key) {
      case 'query':
        request.urlQuery = value;
        break;
      case 'query_id':
        request.queryId = value;
        break;
      case 'default_format':
        if (!identifier.test(value)) throw badParameter(`format ${JSON.stringify(value)}`);
        request.defaultFormat = value;
        break;
      case 'user':
        request.user = value;
        break;
      case 'password':
        request.password = value;
        break;
      case 'database':
        // Tables are always named with their database (LiveCloud's SQL does), and a per-request
        // current database would leak between requests on the one shared engine connection.
        if (value !== 'default')
          throw notImplemented('a current database per request (name tables as db.table)');
        break;
      case 'session_id':
      case 'session_timeout':
      case 'session_check':
        throw notImplemented('HTTP sessions');
      case 'role':
        throw notImplemented('roles');
      default:
        if (!identifier.test(key)) throw badParameter(`setting name ${JSON.stringify(key)}`);
        if (!httpOnlySettings.has(key)) request.settings[key] = value;
    }
  }
  return request;
}

/** `SET` statements for the settings and bound values, each value a quoted SQL string. */
export function setStatements(request: Pick<StoreRequest, 'settings' | 'params'>): string[] {
  return [
    ...Object.entries(request.settings).map(([name, value]) => `SET ${name} = ${sqlString(value)}`),
    // The value stays in the escaped text form the client sent; the engine reads it as the
    // placeholder's type, exactly as the server does with a param_ URL parameter.
    ...Object.entries(request.params).map(([name, value]) => `SET param_${name} = ${sqlString(value)}`),
  ];
}

/** A ClickHouse string literal holding `value` byte for byte. */
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const quotedName = '(?:`[A-Za-z0-9_]+`|[A-Za-z_][A-Za-z0-9_]*)';
const insertPattern = new RegExp(
  `^\\s*INSERT\\s+INTO\\s+(${quotedName}(?:\\.${quotedName})?)\\s*(?:\\(([^()]*)\\))?\\s*FORMAT\\s+([A-Za-z]+)\\s*$`,
  'i',
);
const bareName = (name: string): string => name.trim().replace(/^`|`$/g, '');

/**
 * The INSERT a client sends as `INSERT INTO db.table (a, b) FORMAT X` with its data in the body,
 * or undefined when the SQL has any other shape (it then runs as SQL with the body appended).
 */
export function parseInsert(sql: string): ParsedInsert | undefined {
  const match = insertPattern.exec(sql);
  if (!match) return undefined;
  const [, target = '', columnList, format = ''] = match;
  const table = target
    .split('.')
    .map((part) => bareName(part))
    .join('.');
  const columns = columnList?.split(',').map((column) => bareName(column));
  if (columns?.some((column) => !/^[A-Za-z0-9_]+$/.test(column))) return undefined;
  return { table, columns, format };
}

function badParameter(what: string): StoreRequestError {
  return new StoreRequestError(400, 36, 'BAD_ARGUMENTS', `the store server cannot use ${what}`);
}

function notImplemented(what: string): StoreRequestError {
  return new StoreRequestError(
    501,
    48,
    'NOT_IMPLEMENTED',
    `the LiveCloud store server does not offer ${what}; use a ClickHouse server for that`,
  );
}
