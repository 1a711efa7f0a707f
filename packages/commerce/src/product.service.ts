import { AppError, newId, type Clock } from '@livecloud/core';
import type { CategoryPlace } from './category-tree.js';
import type { CategoryService } from './category.service.js';
import type { MerchantRow } from './merchant.repository.js';
import type { ProductRow, SkuRow, SkuValues } from './product.repository.js';
import type {
  CreateProductInput,
  ProductDto,
  ProductListQuery,
  SkuDto,
  SkuInput,
  UpdateProductInput,
  UpdateSkuInput,
} from './product.schema.js';
import type { AuditActor, AuditRecorder } from './ports.js';
import type { Repositories, UnitOfWork } from './repositories.js';
import { checkUploadsFor } from './upload.service.js';

/** Only an approved merchant may add products and submit them. */
export async function requireActiveMerchant(
  repos: Repositories,
  orgId: string,
  merchantId: string,
): Promise<MerchantRow> {
  const merchant = await repos.merchants.findById(orgId, merchantId);
  if (!merchant) throw AppError.notFound('merchant', merchantId);
  if (merchant.status !== 'approved') {
    throw AppError.conflict(
      'merchant_not_active',
      `The merchant is ${merchant.status}; only an approved merchant can do this`,
      {
        status: merchant.status,
      },
    );
  }
  return merchant;
}

/** Writes a product and its SKUs (inside the caller's transaction); returns the product id. */
export async function insertProduct(
  repos: Repositories,
  orgId: string,
  merchantId: string,
  input: CreateProductInput,
  now: number,
): Promise<string> {
  const id = newId('prd', now);
  await repos.products.insertProduct({
    id,
    org_id: orgId,
    merchant_id: merchantId,
    category_id: input.categoryId,
    title: input.title,
    brand: input.brand ?? null,
    claims: input.claims ?? null,
    image_ids: JSON.stringify(input.imageIds),
  });
  await repos.products.insertSkus(
    input.skus.map((sku) => ({ id: newId('sku', now), org_id: orgId, product_id: id, ...skuValues(sku) })),
  );
  await repos.uploads.assignMerchant(orgId, input.imageIds, merchantId);
  return id;
}

/** Products and SKUs: what a merchant offers, with prices in fen and commission in basis points. */
export function createProductService(deps: {
  uow: UnitOfWork;
  categories: CategoryService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { repos } = deps.uow;

  async function requireCategory(orgId: string, categoryId: string): Promise<void> {
    const { places } = await deps.categories.tree(orgId);
    if (!places.has(categoryId))
      throw AppError.invalid('category_not_found', `There is no category ${categoryId}`, {
        missing: [categoryId],
      });
  }

  /** A product of the organisation; with `merchantId`, only if it is that merchant's. */
  async function requireProduct(orgId: string, id: string, merchantId?: string): Promise<ProductRow> {
    const row = await repos.products.findById(orgId, id);
    if (!row || (merchantId !== undefined && row.merchant_id !== merchantId))
      throw AppError.notFound('product', id);
    return row;
  }

  async function toDtos(orgId: string, rows: ProductRow[]): Promise<ProductDto[]> {
    const [skus, { places }] = await Promise.all([
      repos.products.skusOf(
        orgId,
        rows.map((r) => r.id),
      ),
      deps.categories.tree(orgId),
    ]);
    return rows.map((row) =>
      toProductDto(
        row,
        skus.filter((s) => s.product_id === row.id),
        places,
      ),
    );
  }

  async function get(orgId: string, id: string, merchantId?: string): Promise<ProductDto> {
    const [dto] = await toDtos(orgId, [await requireProduct(orgId, id, merchantId)]);
    if (!dto) throw AppError.notFound('product', id);
    return dto;
  }

  return {
    get,
    requireProduct,
    toDtos,
    async list(orgId: string, query: ProductListQuery): Promise<ProductDto[]> {
      return toDtos(orgId, await repos.products.list(orgId, query));
    },

    async create(
      orgId: string,
      merchantId: string,
      input: CreateProductInput,
      actor: AuditActor,
    ): Promise<ProductDto> {
      await requireActiveMerchant(repos, orgId, merchantId);
      await requireCategory(orgId, input.categoryId);
      await checkUploadsFor(repos.uploads, orgId, input.imageIds, merchantId);
      const id = await deps.uow.transaction((tx) =>
        insertProduct(tx, orgId, merchantId, input, deps.clock.now()),
      );
      await deps.audit.record(orgId, actor, {
        action: 'product.create',
        targetType: 'product',
        targetId: id,
        details: { merchantId, title: input.title, skus: input.skus.length },
      });
      return get(orgId, id);
    },

    async update(
      orgId: string,
      id: string,
      input: UpdateProductInput,
      actor: AuditActor,
      merchantId?: string,
    ): Promise<ProductDto> {
      const row = await requireProduct(orgId, id, merchantId);
      if (input.categoryId !== undefined) await requireCategory(orgId, input.categoryId);
      if (input.imageIds !== undefined)
        await checkUploadsFor(repos.uploads, orgId, input.imageIds, row.merchant_id);
      await deps.uow.transaction(async (tx) => {
        await tx.products.updateProduct(orgId, id, {
          ...(input.categoryId === undefined ? {} : { category_id: input.categoryId }),
          ...(input.title === undefined ? {} : { title: input.title }),
          ...(input.brand === undefined ? {} : { brand: input.brand }),
          ...(input.claims === undefined ? {} : { claims: input.claims }),
          ...(input.imageIds === undefined ? {} : { image_ids: JSON.stringify(input.imageIds) }),
          updated_at: new Date(deps.clock.now()),
        });
        if (input.imageIds) await tx.uploads.assignMerchant(orgId, input.imageIds, row.merchant_id);
      });
      await deps.audit.record(orgId, actor, {
        action: 'product.update',
        targetType: 'product',
        targetId: id,
        details: { fields: Object.keys(input) },
      });
      return get(orgId, id);
    },

    async addSku(
      orgId: string,
      productId: string,
      input: SkuInput,
      actor: AuditActor,
      merchantId?: string,
    ): Promise<ProductDto> {
      await requireProduct(orgId, productId, merchantId);
      const existing = await repos.products.skusOf(orgId, [productId]);
      if (existing.some((s) => s.spec === input.spec))
        throw AppError.conflict('sku_exists', `The product already has a SKU "${input.spec}"`);
      const id = newId('sku', deps.clock.now());
      await repos.products.insertSkus([{ id, org_id: orgId, product_id: productId, ...skuValues(input) }]);
      await deps.audit.record(orgId, actor, {
        action: 'sku.create',
        targetType: 'sku',
        targetId: id,
        details: { productId, spec: input.spec },
      });
      return get(orgId, productId);
    },

    async updateSku(
      orgId: string,
      skuId: string,
      input: UpdateSkuInput,
      actor: AuditActor,
      merchantId?: string,
    ): Promise<ProductDto> {
      const sku = await repos.products.findSku(orgId, skuId);
      if (!sku) throw AppError.notFound('sku', skuId);
      await requireProduct(orgId, sku.product_id, merchantId).catch(() => {
        throw AppError.notFound('sku', skuId);
      });
      const listPrice = input.listPriceFen ?? sku.list_price_fen;
      const livePrice = input.livePriceFen ?? sku.live_price_fen;
      if (livePrice > listPrice) {
        throw AppError.invalid('live_price_above_list', 'The live price cannot be above the list price', {
          listPriceFen: listPrice,
          livePriceFen: livePrice,
        });
      }
      if (input.spec !== undefined && input.spec !== sku.spec) {
        const siblings = await repos.products.skusOf(orgId, [sku.product_id]);
        if (siblings.some((s) => s.spec === input.spec))
          throw AppError.conflict('sku_exists', `The product already has a SKU "${input.spec}"`);
      }
      await repos.products.updateSku(orgId, skuId, {
        ...partialSkuValues(input),
        updated_at: new Date(deps.clock.now()),
      });
      await deps.audit.record(orgId, actor, {
        action: 'sku.update',
        targetType: 'sku',
        targetId: skuId,
        details: { ...input },
      });
      return get(orgId, sku.product_id);
    },
  };
}
export type ProductService = ReturnType<typeof createProductService>;

function skuValues(sku: SkuInput): SkuValues {
  return {
    spec: sku.spec,
    list_price_fen: sku.listPriceFen,
    live_price_fen: sku.livePriceFen,
    cost_fen: sku.costFen,
    commission_bp: sku.commissionBp,
    stock: sku.stock,
  };
}

function partialSkuValues(input: UpdateSkuInput): Partial<SkuValues> {
  return {
    ...(input.spec === undefined ? {} : { spec: input.spec }),
    ...(input.listPriceFen === undefined ? {} : { list_price_fen: input.listPriceFen }),
    ...(input.livePriceFen === undefined ? {} : { live_price_fen: input.livePriceFen }),
    ...(input.costFen === undefined ? {} : { cost_fen: input.costFen }),
    ...(input.commissionBp === undefined ? {} : { commission_bp: input.commissionBp }),
    ...(input.stock === undefined ? {} : { stock: input.stock }),
  };
}

export function toSkuDto(row: SkuRow): SkuDto {
  return {
    id: row.id,
    productId: row.product_id,
    spec: row.spec,
    listPriceFen: Number(row.list_price_fen),
    livePriceFen: Number(row.live_price_fen),
    costFen: Number(row.cost_fen),
    commissionBp: row.commission_bp,
    stock: row.stock,
  };
}

function toProductDto(
  row: ProductRow,
  skus: SkuRow[],
  places: ReadonlyMap<string, CategoryPlace>,
): ProductDto {
  return {
    id: row.id,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    categoryId: row.category_id,
    categoryPath: places.get(row.category_id)?.path ?? '',
    title: row.title,
    brand: row.brand,
    claims: row.claims,
    imageIds: Array.isArray(row.image_ids)
      ? row.image_ids.filter((v): v is string => typeof v === 'string')
      : [],
    skus: skus.map(toSkuDto),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
