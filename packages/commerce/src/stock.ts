import type { Database, Kysely } from '@livecloud/db';
import { commerceDb } from './commerce.tables.js';
import { createWarehouseRepository } from './warehouse.repository.js';

/**
 * Units of a SKU a line-up can still draw on: everything received into the warehouse minus
 * what active allocations hold. Derived in one SQL statement; nothing stores it. Pass a
 * transaction to read it inside one. (`commerce.warehouse.allocate` reserves units safely.)
 */
export function availableStock(db: Kysely<Database>, orgId: string, skuId: string): Promise<number> {
  return createWarehouseRepository(commerceDb(db)).available(orgId, skuId);
}
