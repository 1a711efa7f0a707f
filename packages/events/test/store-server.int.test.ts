import { gzipSync } from 'node:zlib';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStoreServer } from '../src/index.js';
import { startStoreServerProcess, type StoreServerProcess } from './store-server-process.js';

/*
 * `livecloud store serve`: the event store's chDB over ClickHouse's HTTP interface, so that
 * several server processes can share one store. What the contract test in
 * event-store.int.test.ts does not cover: credentials, compression, per-request settings and
 * values, the errors clients parse, and many clients at once.
 */

const password = 'store-secret';
let served: StoreServerProcess;
let client: ClickHouseClient;
const db = 'store_server_test';
// The client logs every refused request; these are refused on purpose.
const quiet = { level: ClickHouseLogLevel.OFF };

function authed(): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`default:${password}`).toString('base64')}` };
}

async function post(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = authed(),
): Promise<Response> {
  return fetch(`${served.url}${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : new Uint8Array(body),
    headers,
  });
}

beforeAll(async () => {
  served = await startStoreServerProcess(password);
  client = createClient({ url: served.url, log: quiet, password });
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${db}.t (id UInt32, name String) ENGINE = MergeTree ORDER BY id`,
  });
});

afterAll(async () => {
  await client?.close();
  await served?.stop();
});

describe('the store server', () => {
  it('answers /ping without credentials and everything else only with them', async () => {
    expect(await (await fetch(`${served.url}/ping`)).text()).toBe('Ok.\n');
    const anonymous = await post('/', 'SELECT 1', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('x-clickhouse-exception-code')).toBe('516');
    const wrong = await post('/', 'SELECT 1', {
      authorization: `Basic ${Buffer.from('default:guess').toString('base64')}`,
    });
    expect(wrong.status).toBe(401);
    const byHeaders = await post('/', 'SELECT 1', {
      'x-clickhouse-user': 'default',
      'x-clickhouse-key': password,
    });
    expect(await byHeaders.text()).toBe('1\n');
    const wrongClient = createClient({ url: served.url, log: quiet, password: 'guess' });
    await expect(wrongClient.query({ query: 'SELECT 1', format: 'JSONEachRow' })).rejects.toMatchObject({
      code: '516',
      type: 'AUTHENTICATION_FAILED',
    });
    await wrongClient.close();
  });

  it('refuses to listen beyond this machine without a password', async () => {
    await expect(
      startStoreServer({ dataDir: '/nonexistent', host: '0.0.0.0', port: 0 }),
    ).rejects.toMatchObject({
      code: 'store_password_required',
    });
  });

  it('binds values in ClickHouse’s text form: quotes, tabs, backslashes, NULL, 64-bit, arrays', async () => {
    const rows = await (
      await client.query({
        query:
          'SELECT {s:String} AS s, {a:Array(String)} AS a, {n:Nullable(String)} AS n, {u:UInt64} AS u, ' +
          "{d:DateTime64(3, 'UTC')} AS d",
        query_params: {
          s: "it's\ta \\ back\nslash; DROP TABLE x",
          a: ["y'z", 'b\\c', ''],
          n: null,
          u: '18446744073709551615',
          d: '2026-03-14 12:30:45.123',
        },
        format: 'JSONEachRow',
        clickhouse_settings: { output_format_json_quote_64bit_integers: 1 },
      })
    ).json();
    expect(rows).toEqual([
      {
        s: "it's\ta \\ back\nslash; DROP TABLE x",
        a: ["y'z", 'b\\c', ''],
        n: null,
        u: '18446744073709551615',
        d: '2026-03-14 12:30:45.123',
      },
    ]);
  });

  it('keeps settings and values to the request that sent them', async () => {
    const setting = async (settings: Record<string, number>) =>
      (
        await (
          await client.query({
            query: "SELECT getSetting('max_threads') AS m",
            format: 'JSONEachRow',
            clickhouse_settings: settings,
          })
        ).json<{ m: number | string }>()
      )[0]?.m;
    const usual = await setting({});
    expect(Number(await setting({ max_threads: 3 }))).toBe(3);
    expect(await setting({})).toEqual(usual);
    // A setting the engine does not know fails its own request only.
    const unknownSetting = await post('/?no_such_setting_here=1', 'SELECT 1');
    expect([unknownSetting.status, unknownSetting.headers.get('x-clickhouse-exception-code')]).toEqual([
      400,
      '115',
    ]);
    expect(Number(await setting({ max_threads: 2 }))).toBe(2);
    expect(await setting({})).toEqual(usual);

    await client.query({
      query: 'SELECT {leak:String} AS v',
      query_params: { leak: 'earlier' },
      format: 'JSONEachRow',
    });
    const missing = await post('/', 'SELECT {leak:String} AS v');
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-clickhouse-exception-code')).toBe('456');
    expect(await missing.text()).toMatch(/Substitution `leak` is not set/);
  });

  it('takes inserts with gzip bodies and gzips answers when asked', async () => {
    const zipped = createClient({
      url: served.url,
      log: quiet,
      password,
      compression: { request: true, response: true },
    });
    await zipped.insert({
      table: `${db}.t`,
      values: [
        { id: 1, name: '完美日记' },
        { id: 2, name: 'tab\there' },
      ],
      format: 'JSONEachRow',
    });
    const tsv = gzipSync(Buffer.from('3\t花西子\n4\tback\\\\slash\n'));
    const raw = await post(
      `/?query=${encodeURIComponent(`INSERT INTO ${db}.t (id, name) FORMAT TabSeparated`)}`,
      tsv,
      {
        ...authed(),
        'content-encoding': 'gzip',
      },
    );
    expect(raw.status).toBe(200);
    expect(JSON.parse(raw.headers.get('x-clickhouse-summary') ?? '{}')).toMatchObject({ written_rows: '2' });
    const rows = await (
      await zipped.query({
        query: `SELECT id, name FROM ${db}.t WHERE id <= 4 ORDER BY id`,
        format: 'JSONEachRow',
      })
    ).json();
    expect(rows).toEqual([
      { id: 1, name: '完美日记' },
      { id: 2, name: 'tab\there' },
      { id: 3, name: '花西子' },
      { id: 4, name: 'back\\slash' },
    ]);
    await zipped.close();
  });

  it('answers errors as ClickHouse does, with the code clients parse', async () => {
    await expect(client.query({ query: 'SELEC 1', format: 'JSONEachRow' })).rejects.toMatchObject({
      code: '62',
      type: 'SYNTAX_ERROR',
    });
    const unknown = await post('/', `SELECT * FROM ${db}.nope`);
    expect([unknown.status, unknown.headers.get('x-clickhouse-exception-code')]).toEqual([404, '60']);
    expect(await unknown.text()).toMatch(/^Code: 60\. DB::Exception: .*\(UNKNOWN_TABLE\)\n$/s);
  });

  it('refuses what it does not offer instead of half-doing it', async () => {
    for (const [path, code] of [
      ['/?session_id=abc', '48'],
      ['/?database=other', '48'],
    ] as const) {
      const response = await post(path, 'SELECT 1');
      expect([response.status, response.headers.get('x-clickhouse-exception-code')]).toEqual([501, code]);
    }
    const write = await fetch(
      `${served.url}/?query=${encodeURIComponent(`INSERT INTO ${db}.t VALUES (9, 'x')`)}`,
      {
        headers: authed(),
      },
    );
    expect([write.status, write.headers.get('x-clickhouse-exception-code')]).toEqual([400, '164']);
    const read = await fetch(`${served.url}/?query=${encodeURIComponent('SELECT 41 + 1')}`, {
      headers: authed(),
    });
    expect(await read.text()).toBe('42\n');
    expect((await post('/play', 'SELECT 1')).status).toBe(404);
    expect((await post('/', 'SELECT 1', { ...authed(), 'content-encoding': 'zstd' })).status).toBe(415);
  });

  it('serves many clients at once, each row once', async () => {
    const clients = Array.from({ length: 4 }, () => createClient({ url: served.url, log: quiet, password }));
    const batches = Array.from({ length: 24 }, (_, b) =>
      Array.from({ length: 500 }, (_, i) => ({ id: 10_000 + b * 500 + i, name: `b${b}` })),
    );
    await Promise.all(
      batches.map(async (values, b) => {
        const c = clients[b % clients.length];
        if (c === undefined) throw new Error('no client');
        await c.insert({ table: `${db}.t`, values, format: 'JSONEachRow' });
        const [row] = await (
          await c.query({
            query: `SELECT count() AS n FROM ${db}.t WHERE name = {name:String}`,
            query_params: { name: `b${b}` },
            format: 'JSONEachRow',
          })
        ).json<{ n: string }>();
        expect(Number(row?.n)).toBe(500);
      }),
    );
    const [total] = await (
      await client.query({
        query: `SELECT count() AS n, uniqExact(id) AS u FROM ${db}.t WHERE id >= 10000`,
        format: 'JSONEachRow',
      })
    ).json<{ n: string; u: string }>();
    expect([Number(total?.n), Number(total?.u)]).toEqual([12_000, 12_000]);
    await Promise.all(clients.map((c) => c.close()));
  });
});
