import type { Selectable } from '@livecloud/db';
import type { CommerceDb, ProductTable, SkuTable } from './commerce.tables.js';

export type ProductRow = Selectable<ProductTable> & { merchant_name: string };
export type SkuRow = Selectable<SkuTable>;

export interface SkuValues {
  spec: string;
  list_price_fen: number;
  live_price_fen: number;
  cost_fen: number;
  commission_bp: number;
  stock: number;
}

/** Products and their SKUs. */
export function createProductRepository(db: CommerceDb) {
  const productQuery = () =>
    db
      .selectFrom('products as p')
      .innerJoin('merchants as m', (j) =>
        j.onRef('m.org_id', '=', 'p.org_id').onRef('m.id', '=', 'p.merchant_id'),
      )
      .selectAll('p')
      .select('m.company_name as merchant_name');

  return {
    async list(
      orgId: string,
      filter: {
        merchantId?: string | undefined;
        categoryId?: string | undefined;
        q?: string | undefined;
        limit: number;
      },
    ): Promise<ProductRow[]> {
      let query = productQuery().where('p.org_id', '=', orgId);
      if (filter.merchantId) query = query.where('p.merchant_id', '=', filter.merchantId);
      if (filter.categoryId) query = query.where('p.category_id', '=', filter.categoryId);
      if (filter.q) {
        const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) => eb.or([eb('p.title', 'ilike', like), eb('p.brand', 'ilike', like)]));
      }
      return query.orderBy('p.id', 'desc').limit(filter.limit).execute();
    },
    async findByIds(orgId: string, ids: readonly string[]): Promise<ProductRow[]> {
      if (ids.length === 0) return [];
      return productQuery()
        .where('p.org_id', '=', orgId)
        .where('p.id', 'in', [...ids])
        .orderBy('p.id', 'desc')
        .execute();
    },
    async findById(orgId: string, id: string): Promise<ProductRow | undefined> {
      return productQuery().where('p.org_id', '=', orgId).where('p.id', '=', id).executeTakeFirst();
    },
    async skusOf(orgId: string, productIds: readonly string[]): Promise<SkuRow[]> {
      if (productIds.length === 0) return [];
      return db
        .selectFrom('skus')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('product_id', 'in', [...productIds])
        .orderBy('id')
        .execute();
    },
    async findSku(orgId: string, id: string): Promise<SkuRow | undefined> {
      return db
        .selectFrom('skus')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async insertProduct(row: {
      id: string;
      org_id: string;
      merchant_id: string;
      category_id: string;
      title: string;
      brand: string | null;
      claims: string | null;
      image_ids: string;
    }): Promise<void> {
      await db.insertInto('products').values(row).execute();
    },
    async insertSkus(
      rows: (SkuValues & { id: string; org_id: string; product_id: string })[],
    ): Promise<void> {
      if (rows.length > 0) await db.insertInto('skus').values(rows).execute();
    },
    async updateProduct(
      orgId: string,
      id: string,
      patch: {
        category_id?: string;
        title?: string;
        brand?: string | null;
        claims?: string | null;
        image_ids?: string;
        updated_at: Date;
      },
    ): Promise<void> {
      await db.updateTable('products').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
    },
    async updateSku(
      orgId: string,
      id: string,
      patch: Partial<SkuValues> & { updated_at: Date },
    ): Promise<void> {
      await db.updateTable('skus').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
    },
  };
}
export type ProductRepository = ReturnType<typeof createProductRepository>;
