import { sql, type Kysely } from '@livecloud/db';

/**
 * Stock moved by orders (issue 12): one row per paid-order or refund event that named a SKU of
 * the organisation. The event id is the key, so a replayed or duplicated event adds nothing.
 * Sold per SKU is the sum of paid quantities minus refunded ones; nothing stores it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table stock_sales (
      org_id text not null references organisations(id),
      event_id text not null,
      kind text not null check (kind in ('pay', 'refund')),
      sku_id text not null,
      order_id text not null,
      quantity integer not null check (quantity > 0),
      occurred_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      primary key (org_id, event_id),
      foreign key (org_id, sku_id) references skus(org_id, id)
    )`.execute(db);
  await sql`create index stock_sales_sku_idx on stock_sales (org_id, sku_id)`.execute(db);
  await sql`create index stock_sales_order_idx on stock_sales (org_id, order_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists stock_sales`.execute(db);
}
