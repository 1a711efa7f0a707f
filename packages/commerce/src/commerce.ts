import type { Clock } from '@livecloud/core';
import type { Database, Kysely } from '@livecloud/db';
import { createApprovalService } from './approval.service.js';
import { createCatalogueService } from './catalogue.service.js';
import { createCategoryService } from './category.service.js';
import { commerceDb } from './commerce.tables.js';
import { createDepositService } from './deposit.service.js';
import { createMerchantInviteService } from './merchant-invite.service.js';
import { createMerchantService } from './merchant.service.js';
import type { AuditRecorder, MerchantAccounts } from './ports.js';
import { createProductService } from './product.service.js';
import { createQcService } from './qc.service.js';
import { createUnitOfWork } from './repositories.js';
import { createSubmissionImportService } from './submission-import.service.js';
import { createSubmissionService } from './submission.service.js';
import { createUploadService } from './upload.service.js';
import { createStockSaleService } from './stock-sale.service.js';
import { createWarehouseService } from './warehouse.service.js';

export interface CommerceDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditRecorder;
  accounts: MerchantAccounts;
  /** Where uploaded images are kept, one folder per organisation (default `<dataDir>/uploads`). */
  uploadsDir: string;
}

/** Everything before the live: merchants, deposits, products, submissions, QC and warehousing. */
export function createCommerce(deps: CommerceDeps) {
  const { clock, audit, accounts } = deps;
  const db = commerceDb(deps.db);
  const uow = createUnitOfWork(db);
  const categories = createCategoryService({ categories: uow.repos.categories, audit, clock });
  const deposits = createDepositService({ uow, audit, clock });
  const merchants = createMerchantService({ uow, categories, deposits, accounts, audit, clock });
  const products = createProductService({ uow, categories, audit, clock });
  return {
    categories,
    deposits,
    merchants,
    /** Maker-checker: the gate staff deposit entries and suspensions pass through. */
    approvals: createApprovalService({ uow, deposits, merchants, audit, clock }),
    invites: createMerchantInviteService({ uow, categories, merchants, accounts, audit, clock }),
    uploads: createUploadService({ uploads: uow.repos.uploads, audit, clock, uploadsDir: deps.uploadsDir }),
    products,
    submissions: createSubmissionService({ uow, products, audit, clock }),
    imports: createSubmissionImportService({ uow, audit, clock }),
    qc: createQcService({ uow, categories, audit, clock }),
    warehouse: createWarehouseService({ uow, audit, clock }),
    /** Sold stock from paid orders and refunds; `startStockConsumer` feeds it from the bus. */
    stockSales: createStockSaleService({ uow }),
    /** The read model other contexts use: category path, approval and stock per product. */
    catalogue: createCatalogueService({ db, repos: uow.repos, categories }),
  };
}
export type Commerce = ReturnType<typeof createCommerce>;
