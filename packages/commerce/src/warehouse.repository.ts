import { sql, type Selectable } from '@livecloud/db';
import type { CommerceDb, StockAllocationTable, WarehouseReceiptTable } from './commerce.tables.js';
import { netQuantity } from './stock-sale.repository.js';

export type ReceiptRow = Selectable<WarehouseReceiptTable> & { spec: string; product_title: string };
export type AllocationRow = Selectable<StockAllocationTable>;
export interface StockRow {
  sku_id: string;
  spec: string;
  product_id: string;
  product_title: string;
  merchant_id: string;
  merchant_name: string;
  received: number;
  allocated: number;
  sold: number;
  locations: string[];
}

/** Warehouse receipts (入仓) and stock allocations; stock is always derived from them. */
export function createWarehouseRepository(db: CommerceDb) {
  const receiptQuery = () =>
    db
      .selectFrom('warehouse_receipts as r')
      .innerJoin('skus as k', (j) => j.onRef('k.org_id', '=', 'r.org_id').onRef('k.id', '=', 'r.sku_id'))
      .innerJoin('products as p', (j) =>
        j.onRef('p.org_id', '=', 'k.org_id').onRef('p.id', '=', 'k.product_id'),
      )
      .selectAll('r')
      .select(['k.spec as spec', 'p.title as product_title']);

  const received = (orgId: string) =>
    db
      .selectFrom('warehouse_receipts')
      .select((eb) => [
        'sku_id',
        eb.fn.sum<number>('quantity').as('qty'),
        sql<string[]>`array_agg(distinct location order by location)`.as('locations'),
      ])
      .where('org_id', '=', orgId)
      .groupBy('sku_id');
  const allocated = (orgId: string) =>
    db
      .selectFrom('stock_allocations')
      .select((eb) => ['sku_id', eb.fn.sum<number>('quantity').as('qty')])
      .where('org_id', '=', orgId)
      .where('released_at', 'is', null)
      .groupBy('sku_id');
  const sold = (orgId: string) =>
    db
      .selectFrom('stock_sales')
      .select((eb) => ['sku_id', netQuantity(eb).as('qty')])
      .where('org_id', '=', orgId)
      .groupBy('sku_id');

  return {
    async insertReceipt(row: Omit<Selectable<WarehouseReceiptTable>, never>): Promise<void> {
      await db.insertInto('warehouse_receipts').values(row).execute();
    },
    async receipts(
      orgId: string,
      filter: { submissionId?: string | undefined; skuId?: string | undefined; limit: number },
    ): Promise<ReceiptRow[]> {
      let query = receiptQuery().where('r.org_id', '=', orgId);
      if (filter.submissionId) query = query.where('r.submission_id', '=', filter.submissionId);
      if (filter.skuId) query = query.where('r.sku_id', '=', filter.skuId);
      return query.orderBy('r.id', 'desc').limit(filter.limit).execute();
    },
    /** Received, allocated and where it lies, per SKU that has ever been received. */
    async stock(orgId: string, skuId?: string): Promise<StockRow[]> {
      let query = db
        .selectFrom(received(orgId).as('rc'))
        .innerJoin('skus as k', (j) => j.onRef('k.id', '=', 'rc.sku_id').on('k.org_id', '=', orgId))
        .innerJoin('products as p', (j) =>
          j.onRef('p.org_id', '=', 'k.org_id').onRef('p.id', '=', 'k.product_id'),
        )
        .innerJoin('merchants as m', (j) =>
          j.onRef('m.org_id', '=', 'p.org_id').onRef('m.id', '=', 'p.merchant_id'),
        )
        .leftJoin(allocated(orgId).as('al'), 'al.sku_id', 'rc.sku_id')
        .leftJoin(sold(orgId).as('sd'), 'sd.sku_id', 'rc.sku_id')
        .select([
          'rc.sku_id',
          'k.spec',
          'p.id as product_id',
          'p.title as product_title',
          'm.id as merchant_id',
          'm.company_name as merchant_name',
          sql<number>`rc.qty::bigint`.as('received'),
          sql<number>`coalesce(al.qty, 0)::bigint`.as('allocated'),
          sql<number>`coalesce(sd.qty, 0)::bigint`.as('sold'),
          'rc.locations',
        ]);
      if (skuId) query = query.where('rc.sku_id', '=', skuId);
      const rows = await query.orderBy('p.title').orderBy('k.spec').execute();
      return rows.map((r) => ({
        ...r,
        received: Number(r.received),
        allocated: Number(r.allocated),
        sold: Number(r.sold),
      }));
    },
    /** received − active allocations − sold (paid minus refunded) for one SKU, in one statement. */
    async available(orgId: string, skuId: string): Promise<number> {
      const row = await db
        .selectNoFrom([
          sql<number>`(coalesce((select sum(quantity) from warehouse_receipts where org_id = ${orgId} and sku_id = ${skuId}), 0)
            - coalesce((select sum(quantity) from stock_allocations where org_id = ${orgId} and sku_id = ${skuId} and released_at is null), 0)
            - coalesce((select sum(case when kind = 'pay' then quantity else -quantity end) from stock_sales where org_id = ${orgId} and sku_id = ${skuId}), 0))::bigint`.as(
            'available',
          ),
        ])
        .executeTakeFirstOrThrow();
      return Number(row.available);
    },
    /** Locks the SKU row so allocations of it are made one at a time. */
    async lockSku(orgId: string, skuId: string): Promise<boolean> {
      const row = await db
        .selectFrom('skus')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', skuId)
        .forUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },
    async insertAllocation(row: Omit<AllocationRow, 'released_at'>): Promise<void> {
      await db.insertInto('stock_allocations').values(row).execute();
    },
    async findAllocation(orgId: string, id: string): Promise<AllocationRow | undefined> {
      return db
        .selectFrom('stock_allocations')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async releaseAllocation(orgId: string, id: string, at: Date): Promise<void> {
      await db
        .updateTable('stock_allocations')
        .set({ released_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('released_at', 'is', null)
        .execute();
    },
    /** Releases every active allocation held under the reference. */
    async releaseByReference(orgId: string, reference: string, at: Date): Promise<number> {
      const result = await db
        .updateTable('stock_allocations')
        .set({ released_at: at })
        .where('org_id', '=', orgId)
        .where('reference', '=', reference)
        .where('released_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async allocations(orgId: string, skuId: string): Promise<AllocationRow[]> {
      return db
        .selectFrom('stock_allocations')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('sku_id', '=', skuId)
        .orderBy('id')
        .execute();
    },
  };
}
export type WarehouseRepository = ReturnType<typeof createWarehouseRepository>;
