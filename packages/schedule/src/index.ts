export { createSchedule, type Schedule, type ScheduleDeps } from './schedule.js';
export { scheduleRoutes } from './schedule.routes.js';
export { scheduleMigrations } from './schedule.migrations.js';
export type {
  AuditRecorder,
  CatalogueProduct,
  LowestPriceProvider,
  LowestPriceReference,
  ProductCatalogue,
  StaffDirectory,
  StaffMember,
  StockReservations,
  CatalogueSkuRef,
} from './ports.js';
export { buyerPriceFen, mechanismCostOf } from './lineup-price-rules.js';
export type { ScheduleTables, Platform, SessionStatus, MechanismType } from './schedule.tables.js';
export { platforms, sessionStatuses, mechanismTypes } from './schedule.tables.js';
export type { RoomDto, AnchorDto, PlatformAccountDto } from './resource.schema.js';
export type { SessionDto, ClashDto } from './session.schema.js';
export type { RecurringScheduleDto } from './recurrence.schema.js';
export type { PoolRequirementDto } from './requirement.schema.js';
export type { LineupDto, LineupItemDto, LineupValidationDto, Mechanism } from './lineup.schema.js';
export type { SopTemplateDto, SopRunDto, SopRunSummaryDto, SopAssigneeDto } from './sop.schema.js';
export type { SopTaskDoer } from './sop-run.service.js';
export { defaultSopTemplate } from './sop-default-template.js';
export { allowedTransitions } from './session-status.js';
export { defaultTimeZone } from './zoned-time.js';
