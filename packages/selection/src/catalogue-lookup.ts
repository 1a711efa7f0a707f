import { AppError } from '@livecloud/core';
import type { CatalogueEntry, CatalogueSku, SelectionCatalogue } from './ports.js';

/** The product, or 404 `product_not_found`; another organisation's product is simply not found. */
export async function requireProduct(
  catalogue: SelectionCatalogue,
  orgId: string,
  productId: string,
): Promise<CatalogueEntry> {
  const [product] = await catalogue.products(orgId, [productId]);
  if (!product || product.id !== productId) throw AppError.notFound('product', productId);
  return product;
}

/** Every named product in the order given, or 404 `product_not_found` listing the missing ids. */
export async function requireProducts(
  catalogue: SelectionCatalogue,
  orgId: string,
  productIds: readonly string[],
): Promise<CatalogueEntry[]> {
  const unique = [...new Set(productIds)];
  if (unique.length === 0) return [];
  const found = new Map((await catalogue.products(orgId, unique)).map((p) => [p.id, p]));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('not_found', 'product_not_found', `No product ${missing.join(', ')}`, { missing });
  }
  return unique.map((id) => found.get(id)!);
}

/** The product's SKU, or 404 `sku_not_found`: a SKU of another product is not one of this product's. */
export function requireSku(product: CatalogueEntry, skuId: string): CatalogueSku {
  const sku = product.skus.find((s) => s.id === skuId);
  if (!sku) {
    throw new AppError('not_found', 'sku_not_found', `${product.title} has no SKU ${skuId}`, {
      productId: product.id,
      skuId,
    });
  }
  return sku;
}
