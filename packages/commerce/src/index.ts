export { createCommerce, type Commerce, type CommerceDeps } from './commerce.js';
export { commerceRoutes } from './commerce.routes.js';
export { commerceMigrations } from './commerce.migrations.js';
export type { AuditRecorder, MerchantAccounts } from './ports.js';
export type { CommerceTables, MerchantStatus, SubmissionStatus, DepositKind } from './commerce.tables.js';
export { merchantTransitions } from './merchant.service.js';
export { submissionTransitions, nextStatuses, actionsFrom } from './submission-flow.js';
export { parseSubmissionCsv, parseYuanText, parseCommissionText, parseStockText } from './submission-csv.js';
export { availableStock } from './stock.js';
export {
  orderStockEventOf,
  startStockConsumer,
  stockConsumerName,
  type BusEventLike,
  type StockEventSource,
} from './stock-consumer.js';
export type { OrderStockEvent, StockMove, StockSaleService } from './stock-sale.service.js';
export type { CategoryDto } from './category.schema.js';
export type { MerchantDto, MerchantDetailDto } from './merchant.schema.js';
export { creditCodeCheckChar, isValidCreditCode } from './credit-code.js';
export type { DepositLedgerDto, DepositSummaryDto } from './deposit.schema.js';
export type { ProductDto, SkuDto } from './product.schema.js';
export type { SubmissionDto, SubmissionDetailDto } from './submission.schema.js';
export type { InspectionDto, QcTemplateDto } from './qc.schema.js';
export type { ReceiptDto, StockDto, AllocateStockInput, StockAllocationDto } from './warehouse.schema.js';
export {
  furthestStatus,
  type CatalogueEntry,
  type CatalogueService,
  type CatalogueSku,
} from './catalogue.service.js';
