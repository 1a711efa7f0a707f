import { describe, expect, it } from 'vitest';
import {
  parseInsert,
  readStoreRequest,
  setStatements,
  sqlString,
  StoreRequestError,
} from './store-server-request.js';

const read = (query: string) => readStoreRequest(new URLSearchParams(query));

describe('readStoreRequest', () => {
  it('separates the interface’s own parameters, bound values and settings', () => {
    const request = read(
      'query_id=q1&param_org=org_1&param_ids=%5B%27a%27%5D&output_format_json_quote_64bit_integers=1' +
        '&wait_end_of_query=1&enable_http_compression=1&default_format=JSONEachRow&query=INSERT+INTO+t+FORMAT+TSV',
    );
    expect(request).toEqual({
      queryId: 'q1',
      urlQuery: 'INSERT INTO t FORMAT TSV',
      params: { org: 'org_1', ids: "['a']" },
      settings: { output_format_json_quote_64bit_integers: '1' },
      defaultFormat: 'JSONEachRow',
      user: undefined,
      password: undefined,
    });
  });

  it('accepts the default database and refuses another, sessions and roles', () => {
    expect(read('database=default').settings).toEqual({});
    for (const query of ['database=livecloud', 'session_id=s1', 'role=admin']) {
      const error = (() => {
        try {
          read(query);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(StoreRequestError);
      expect(error).toMatchObject({ status: 501, code: 48, codeName: 'NOT_IMPLEMENTED' });
    }
  });

  it('refuses names that could not be a setting, a parameter or a format', () => {
    expect(() => read('max_threads%3D1%3B+DROP=1')).toThrow(StoreRequestError);
    expect(() => read('param_a%20b=1')).toThrow(StoreRequestError);
    expect(() => read('default_format=JSON%3B')).toThrow(StoreRequestError);
  });
});

describe('setStatements and sqlString', () => {
  it('quotes every value so that it reaches the engine byte for byte', () => {
    expect(sqlString("it's a \\ back'slash")).toBe("'it\\'s a \\\\ back\\'slash'");
    expect(
      setStatements({
        settings: { max_threads: '2' },
        params: { a: "['x','y\\'z']", b: "1'; DROP TABLE t; --" },
      }),
    ).toEqual([
      "SET max_threads = '2'",
      "SET param_a = '[\\'x\\',\\'y\\\\\\'z\\']'",
      "SET param_b = '1\\'; DROP TABLE t; --'",
    ]);
  });
});

describe('parseInsert', () => {
  it('reads the INSERT the client sends, quoted or not', () => {
    expect(parseInsert('INSERT INTO `livecloud`.`events` (`id`, org_id) FORMAT TabSeparated')).toEqual({
      table: 'livecloud.events',
      columns: ['id', 'org_id'],
      format: 'TabSeparated',
    });
    expect(parseInsert('insert into t format JSONEachRow')).toEqual({
      table: 't',
      columns: undefined,
      format: 'JSONEachRow',
    });
  });

  it('leaves any other statement to run as SQL', () => {
    expect(parseInsert('INSERT INTO t SELECT 1')).toBeUndefined();
    expect(parseInsert('INSERT INTO t (a) SETTINGS x=1 FORMAT TSV')).toBeUndefined();
    expect(parseInsert('INSERT INTO t (`a b`) FORMAT TSV')).toBeUndefined();
  });
});
