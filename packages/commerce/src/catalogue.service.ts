import type { CategoryService } from './category.service.js';
import { createCatalogueRepository } from './catalogue.repository.js';
import type { CommerceDb, SubmissionStatus } from './commerce.tables.js';
import type { ProductRow } from './product.repository.js';
import type { Repositories } from './repositories.js';

/**
 * A product as the contexts downstream of commerce (selection, scheduling, forecast) see it:
 * where it sits in the category tree, how far its submissions got, and what stock each SKU can
 * still give. One read model, so every context answers "is it approved?" the same way.
 */
export interface CatalogueEntry {
  id: string;
  title: string;
  merchantId: string;
  merchantName: string;
  categoryId: string;
  categoryName: string;
  /** The category and all its ancestors, nearest first (a requirement on 美妆 covers 护肤). */
  categoryPath: string[];
  /** The names along `categoryPath`, nearest first (a requirement typed as 美妆 covers 护肤). */
  categoryNames: string[];
  brand: string | null;
  /** The product's most advanced submission status, or null when it was never submitted. */
  status: SubmissionStatus | null;
  /** Selection and QC approved it: a submission reached approved or warehoused. */
  approved: boolean;
  skus: CatalogueSku[];
}

export interface CatalogueSku {
  id: string;
  spec: string;
  listPriceFen: number;
  livePriceFen: number;
  costFen: number;
  commissionBp: number;
  /** Units received into the warehouse minus units held by active allocations. */
  availableStock: number;
}

/**
 * How far along the submission flow a status is. A product submitted twice (say once rejected
 * for one session, then approved for the pool) is as far as its furthest submission.
 */
const progress: Record<SubmissionStatus, number> = {
  withdrawn: 0,
  rejected: 1,
  qc_failed: 2,
  submitted: 3,
  shortlisted: 4,
  sample_requested: 5,
  sample_received: 6,
  qc_passed: 7,
  approved: 8,
  warehoused: 9,
};

/** The furthest of a product's submission statuses, or null when there are none. */
export function furthestStatus(statuses: readonly SubmissionStatus[]): SubmissionStatus | null {
  let best: SubmissionStatus | null = null;
  for (const status of statuses) if (best === null || progress[status] > progress[best]) best = status;
  return best;
}

/** Read-only catalogue view over products, categories, submissions and stock. */
export function createCatalogueService(deps: {
  db: CommerceDb;
  repos: Pick<Repositories, 'products'>;
  categories: Pick<CategoryService, 'tree'>;
}) {
  const catalogue = createCatalogueRepository(deps.db);

  async function toEntries(orgId: string, rows: readonly ProductRow[]): Promise<CatalogueEntry[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [skus, statuses, { rows: categoryRows, places }] = await Promise.all([
      deps.repos.products.skusOf(orgId, ids),
      catalogue.submissionStatuses(orgId, ids),
      deps.categories.tree(orgId),
    ]);
    const available = await catalogue.availableBySku(
      orgId,
      skus.map((s) => s.id),
    );
    const names = new Map(categoryRows.map((c) => [c.id, c.name]));
    return rows.map((row) => {
      const lineage = [...(places.get(row.category_id)?.lineage ?? [row.category_id])].reverse();
      const status = furthestStatus(statuses.filter((s) => s.product_id === row.id).map((s) => s.status));
      return {
        id: row.id,
        title: row.title,
        merchantId: row.merchant_id,
        merchantName: row.merchant_name,
        categoryId: row.category_id,
        categoryName: names.get(row.category_id) ?? '',
        categoryPath: lineage,
        categoryNames: lineage.map((id) => names.get(id) ?? ''),
        brand: row.brand,
        status,
        approved: status === 'approved' || status === 'warehoused',
        skus: skus
          .filter((s) => s.product_id === row.id)
          .map((s) => ({
            id: s.id,
            spec: s.spec,
            listPriceFen: Number(s.list_price_fen),
            livePriceFen: Number(s.live_price_fen),
            costFen: Number(s.cost_fen),
            commissionBp: s.commission_bp,
            availableStock: available.get(s.id) ?? 0,
          })),
      };
    });
  }

  return {
    /** The products with these ids in the organisation; unknown ids are simply absent. */
    async products(orgId: string, productIds: readonly string[]): Promise<CatalogueEntry[]> {
      const unique = [...new Set(productIds)];
      return toEntries(orgId, await deps.repos.products.findByIds(orgId, unique));
    },
    /** The organisation's products, newest first, optionally of one category (and below) or approved only. */
    async list(
      orgId: string,
      filter: { categoryId?: string; approvedOnly?: boolean; limit?: number } = {},
    ): Promise<CatalogueEntry[]> {
      const rows = await deps.repos.products.list(orgId, { limit: Math.min(filter.limit ?? 500, 1000) });
      const entries = await toEntries(orgId, rows);
      return entries.filter(
        (e) =>
          (!filter.approvedOnly || e.approved) &&
          (filter.categoryId === undefined || e.categoryPath.includes(filter.categoryId)),
      );
    },
    /**
     * Units of each SKU a line-up can still draw on, by SKU id, in one query; what is held
     * under `exceptReferences` counts as available (a line-up checking its own holdings).
     */
    async availableStock(
      orgId: string,
      skuIds: readonly string[],
      exceptReferences: readonly string[] = [],
    ): Promise<Map<string, number>> {
      return catalogue.availableBySku(orgId, skuIds, exceptReferences);
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
