import { createApprovalRepository } from './approval.repository.js';
import { createCategoryRepository } from './category.repository.js';
import type { CommerceDb } from './commerce.tables.js';
import { createDepositRepository } from './deposit.repository.js';
import { createMerchantInviteRepository } from './merchant-invite.repository.js';
import { createMerchantRepository } from './merchant.repository.js';
import { createProductRepository } from './product.repository.js';
import { createQcRepository } from './qc.repository.js';
import { createStockSaleRepository } from './stock-sale.repository.js';
import { createSubmissionRepository } from './submission.repository.js';
import { createUploadRepository } from './upload.repository.js';
import { createWarehouseRepository } from './warehouse.repository.js';

/** Every commerce repository over one handle (the store, or one transaction). */
export function createRepositories(db: CommerceDb) {
  return {
    categories: createCategoryRepository(db),
    merchants: createMerchantRepository(db),
    invites: createMerchantInviteRepository(db),
    deposits: createDepositRepository(db),
    uploads: createUploadRepository(db),
    products: createProductRepository(db),
    submissions: createSubmissionRepository(db),
    qc: createQcRepository(db),
    warehouse: createWarehouseRepository(db),
    stockSales: createStockSaleRepository(db),
    approvals: createApprovalRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

/**
 * Repositories plus a way to run work in one transaction. Nothing outside commerce (the audit
 * log, logins) may be called inside `transaction`: on PGlite the transaction holds the only
 * connection until it ends.
 */
export interface UnitOfWork {
  repos: Repositories;
  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

export function createUnitOfWork(db: CommerceDb): UnitOfWork {
  return {
    repos: createRepositories(db),
    transaction: (work) => db.transaction().execute((trx) => work(createRepositories(trx))),
  };
}
