import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL server the tests use; each run works in databases of its own. */
export function adminPgUrl(): string {
  return process.env['LIVECLOUD_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function pgUrlFor(database: string): string {
  const url = new URL(adminPgUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminPgUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function uniqueName(kind: string): string {
  return `lc_test_${kind}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Creates and prepares a template database; returns its name. */
export async function createPgTemplate(prepare: (url: string) => Promise<void>): Promise<string> {
  const name = uniqueName('tpl');
  await admin((c) => c.query(`create database ${name}`));
  await prepare(pgUrlFor(name));
  return name;
}

/** A fresh database copied from the template (fast: a file copy inside the server). */
export async function createPgDatabaseFrom(template: string): Promise<string> {
  const name = uniqueName('db');
  await admin((c) => c.query(`create database ${name} template ${template}`));
  return name;
}

export async function dropPgDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`drop database if exists ${name} with (force)`));
}
