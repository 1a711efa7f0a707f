import { sql, type Kysely } from 'kysely';

/**
 * Two-person approval (maker-checker, docs/commerce.md): a deposit refund or deduction at or
 * above the organisation's threshold, and every merchant suspension, waits in `approvals`
 * until a different person approves or rejects it. `approval_policies` holds each
 * organisation's threshold; an organisation without a row uses the default (500000 fen).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const actorType = `text check (%s in ('user', 'api_key', 'system'))`;
  await sql`
    create table approvals (
      id text primary key,
      org_id text not null references organisations(id),
      kind text not null check (kind in ('deposit.refund', 'deposit.deduct', 'merchant.suspend')),
      status text not null default 'pending'
        check (status in ('pending', 'approved', 'rejected', 'cancelled')),
      merchant_id text not null,
      amount_fen bigint check (amount_fen > 0),
      reason text not null check (length(reason) between 1 and 500),
      reference text,
      requested_by_type ${sql.raw(actorType.replace('%s', 'requested_by_type'))} not null,
      requested_by text,
      requested_at timestamptz not null,
      decided_by_type ${sql.raw(actorType.replace('%s', 'decided_by_type'))},
      decided_by text,
      decided_at timestamptz,
      decision_reason text,
      result_id text,
      unique (org_id, id),
      foreign key (org_id, merchant_id) references merchants(org_id, id),
      check ((kind = 'merchant.suspend') = (amount_fen is null)),
      check ((status = 'pending') = (decided_at is null))
    )`.execute(db);
  await sql`create index approvals_org_status_idx on approvals (org_id, status, id desc)`.execute(db);
  await sql`create index approvals_org_merchant_idx on approvals (org_id, merchant_id, status)`.execute(db);
  await sql`
    create table approval_policies (
      org_id text primary key references organisations(id),
      deposit_threshold_fen bigint not null check (deposit_threshold_fen >= 0),
      updated_by text,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists approval_policies`.execute(db);
  await sql`drop table if exists approvals`.execute(db);
}
