import { sql, type Kysely } from 'kysely';

/**
 * Commerce before the live: categories with required deposits, merchants and their portal
 * logins and invites, the append-only deposit ledger, uploads, products and SKUs, submissions
 * (报品) with their history, QC templates and inspections, warehouse receipts and stock
 * allocations. Every child row carries org_id and references its parent by (org_id, id), so
 * the database itself refuses a link across organisations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const actor = sql.raw(
    `actor_type text not null check (actor_type in ('user', 'api_key', 'system')), actor_id text`,
  );
  await sql`
    create table categories (
      id text primary key,
      org_id text not null references organisations(id),
      parent_id text,
      name text not null check (length(name) between 1 and 50),
      required_deposit_fen bigint not null default 0 check (required_deposit_fen >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id),
      foreign key (org_id, parent_id) references categories(org_id, id)
    )`.execute(db);
  await sql`create unique index categories_sibling_name_key on categories (org_id, coalesce(parent_id, ''), name)`.execute(
    db,
  );

  await sql`
    create table merchants (
      id text primary key,
      org_id text not null references organisations(id),
      company_name text not null check (length(company_name) between 1 and 100),
      licence_no text not null,
      contact_name text not null,
      contact_phone text not null,
      contact_email text,
      category_ids jsonb not null default '[]'::jsonb,
      status text not null default 'applied' check (status in ('applied', 'approved', 'rejected', 'suspended')),
      status_reason text,
      status_changed_at timestamptz not null default now(),
      applied_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id),
      unique (org_id, licence_no)
    )`.execute(db);
  await sql`create index merchants_org_status_idx on merchants (org_id, status, id desc)`.execute(db);

  await sql`
    create table merchant_users (
      org_id text not null references organisations(id),
      user_id text not null references users(id),
      membership_id text not null references memberships(id),
      merchant_id text not null,
      created_at timestamptz not null default now(),
      primary key (org_id, user_id),
      foreign key (org_id, merchant_id) references merchants(org_id, id)
    )`.execute(db);

  await sql`
    create table merchant_invites (
      id text primary key,
      org_id text not null references organisations(id),
      email text not null,
      company_name text,
      token_hash text not null unique,
      created_by_type text not null check (created_by_type in ('user', 'api_key', 'system')),
      created_by text,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      merchant_id text,
      revoked_at timestamptz,
      foreign key (org_id, merchant_id) references merchants(org_id, id)
    )`.execute(db);
  await sql`create index merchant_invites_org_idx on merchant_invites (org_id, id desc)`.execute(db);

  await sql`
    create table deposit_entries (
      id text primary key,
      org_id text not null references organisations(id),
      merchant_id text not null,
      kind text not null check (kind in ('paid', 'frozen', 'unfrozen', 'deducted', 'refunded')),
      amount_fen bigint not null check (amount_fen > 0),
      reason text not null check (length(btrim(reason)) > 0),
      reference text,
      ${actor},
      at timestamptz not null,
      foreign key (org_id, merchant_id) references merchants(org_id, id)
    )`.execute(db);
  await sql`create index deposit_entries_merchant_idx on deposit_entries (org_id, merchant_id, id)`.execute(
    db,
  );
  // The ledger is append-only: a correction is a new entry, never an edit.
  await sql`
    create function deposit_entries_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'deposit_entries is append-only';
    end $$`.execute(db);
  await sql`
    create trigger deposit_entries_no_change before update or delete on deposit_entries
    for each row execute function deposit_entries_append_only()`.execute(db);

  await sql`
    create table uploads (
      id text primary key,
      org_id text not null references organisations(id),
      merchant_id text,
      file_name text not null,
      content_type text not null,
      byte_size integer not null check (byte_size > 0),
      sha256 text not null,
      storage_key text not null,
      created_by text,
      created_at timestamptz not null default now(),
      unique (org_id, id),
      foreign key (org_id, merchant_id) references merchants(org_id, id)
    )`.execute(db);

  await sql`
    create table products (
      id text primary key,
      org_id text not null references organisations(id),
      merchant_id text not null,
      category_id text not null,
      title text not null check (length(title) between 1 and 100),
      brand text,
      claims text,
      image_ids jsonb not null default '[]'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id),
      foreign key (org_id, merchant_id) references merchants(org_id, id),
      foreign key (org_id, category_id) references categories(org_id, id)
    )`.execute(db);
  await sql`create index products_org_merchant_idx on products (org_id, merchant_id, id desc)`.execute(db);

  await sql`
    create table skus (
      id text primary key,
      org_id text not null references organisations(id),
      product_id text not null,
      spec text not null check (length(spec) between 1 and 50),
      list_price_fen bigint not null check (list_price_fen >= 0),
      live_price_fen bigint not null check (live_price_fen >= 0),
      cost_fen bigint not null check (cost_fen >= 0),
      commission_bp integer not null check (commission_bp between 0 and 10000),
      stock integer not null check (stock >= 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id),
      unique (org_id, product_id, spec),
      foreign key (org_id, product_id) references products(org_id, id)
    )`.execute(db);

  await sql`
    create table submissions (
      id text primary key,
      org_id text not null references organisations(id),
      merchant_id text not null,
      product_id text not null,
      target text not null check (target in ('pool', 'session')),
      session_ref text,
      status text not null default 'submitted' check (status in (
        'submitted', 'shortlisted', 'sample_requested', 'sample_received', 'qc_passed', 'qc_failed',
        'approved', 'warehoused', 'rejected', 'withdrawn')),
      status_reason text,
      note text,
      status_changed_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id),
      check ((target = 'session') = (session_ref is not null)),
      foreign key (org_id, merchant_id) references merchants(org_id, id),
      foreign key (org_id, product_id) references products(org_id, id)
    )`.execute(db);
  await sql`create index submissions_org_status_idx on submissions (org_id, status, id desc)`.execute(db);
  await sql`create index submissions_org_merchant_idx on submissions (org_id, merchant_id, id desc)`.execute(
    db,
  );

  await sql`
    create table submission_events (
      id text primary key,
      org_id text not null references organisations(id),
      submission_id text not null,
      from_status text,
      to_status text not null,
      reason text,
      ${actor},
      at timestamptz not null,
      foreign key (org_id, submission_id) references submissions(org_id, id)
    )`.execute(db);
  await sql`create index submission_events_submission_idx on submission_events (org_id, submission_id, id)`.execute(
    db,
  );

  await sql`
    create table qc_templates (
      id text primary key,
      org_id text not null references organisations(id),
      category_id text not null,
      name text not null,
      items jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_id, id),
      unique (org_id, category_id),
      foreign key (org_id, category_id) references categories(org_id, id)
    )`.execute(db);

  await sql`
    create table qc_inspections (
      id text primary key,
      org_id text not null references organisations(id),
      submission_id text not null,
      template_id text not null,
      results jsonb not null,
      passed boolean not null,
      summary text,
      ${actor},
      at timestamptz not null,
      foreign key (org_id, submission_id) references submissions(org_id, id),
      foreign key (org_id, template_id) references qc_templates(org_id, id)
    )`.execute(db);
  await sql`create index qc_inspections_submission_idx on qc_inspections (org_id, submission_id, id)`.execute(
    db,
  );

  await sql`
    create table warehouse_receipts (
      id text primary key,
      org_id text not null references organisations(id),
      submission_id text not null,
      sku_id text not null,
      quantity integer not null check (quantity > 0),
      location text not null check (length(location) between 1 and 50),
      note text,
      ${actor},
      at timestamptz not null,
      foreign key (org_id, submission_id) references submissions(org_id, id),
      foreign key (org_id, sku_id) references skus(org_id, id)
    )`.execute(db);
  await sql`create index warehouse_receipts_sku_idx on warehouse_receipts (org_id, sku_id)`.execute(db);

  await sql`
    create table stock_allocations (
      id text primary key,
      org_id text not null references organisations(id),
      sku_id text not null,
      quantity integer not null check (quantity > 0),
      reference text not null,
      ${actor},
      at timestamptz not null,
      released_at timestamptz,
      foreign key (org_id, sku_id) references skus(org_id, id)
    )`.execute(db);
  await sql`create index stock_allocations_sku_idx on stock_allocations (org_id, sku_id) where released_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'stock_allocations',
    'warehouse_receipts',
    'qc_inspections',
    'qc_templates',
    'submission_events',
    'submissions',
    'skus',
    'products',
    'uploads',
    'deposit_entries',
    'merchant_invites',
    'merchant_users',
    'merchants',
    'categories',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists deposit_entries_append_only()`.execute(db);
}
