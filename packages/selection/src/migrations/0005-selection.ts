import { sql, type Kysely } from 'kysely';

const platforms = `'douyin', 'kuaishou', 'taobao', 'xiaohongshu', 'wechat_channels', 'jd', 'pdd', 'tmall', 'other'`;
const actorTypes = `'user', 'api_key', 'system'`;

/**
 * Selection (选品比价, SPEC §3 before the live): prices seen for a product on platforms, in
 * imports or by hand, and each session's shortlist. Products, SKUs and sessions belong to
 * commerce and scheduling, which selection reads through its ports, so — like line-up items —
 * these rows name them without a foreign key into another context's tables.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Append-only in practice: a wrong price is deleted (audited) and entered again, never edited.
  await sql`
    create table price_observations (
      id text primary key,
      org_id text not null references organisations(id),
      product_id text not null,
      sku_id text,
      source text not null check (source in ('platform', 'import', 'manual')),
      platform text check (platform in (${sql.raw(platforms)})),
      price_fen bigint not null check (price_fen >= 0),
      observed_at timestamptz not null,
      reference text check (length(reference) <= 500),
      note text check (length(note) <= 500),
      created_by_type text not null check (created_by_type in (${sql.raw(actorTypes)})),
      created_by text,
      created_at timestamptz not null default now(),
      unique (org_id, id)
    )`.execute(db);
  await sql`create index price_observations_product_idx on price_observations (org_id, product_id, observed_at desc)`.execute(
    db,
  );

  await sql`
    create table session_shortlists (
      org_id text not null references organisations(id),
      session_id text not null,
      product_id text not null,
      sku_id text not null,
      note text check (length(note) <= 500),
      added_by_type text not null check (added_by_type in (${sql.raw(actorTypes)})),
      added_by text,
      added_at timestamptz not null default now(),
      primary key (org_id, session_id, sku_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['session_shortlists', 'price_observations']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
