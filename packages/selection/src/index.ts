export {
  createSelection,
  createLowestPriceProvider,
  type Selection,
  type SelectionDeps,
  type LowestPriceLookup,
} from './selection.js';
export { selectionRoutes } from './selection.routes.js';
export { selectionMigrations } from './selection.migrations.js';
export type {
  AuditRecorder,
  CatalogueEntry,
  CatalogueSku,
  SelectableSession,
  SelectionCatalogue,
  SelectionSales,
  SelectionSession,
  SessionRequirement,
  SessionRequirementsSource,
} from './ports.js';
export type { SelectionTables, PricePlatform, ObservationSource } from './selection.tables.js';
export { pricePlatforms, observationSources } from './selection.tables.js';
export type {
  ObservationDto,
  ImportReportDto,
  PriceHistoryDto,
  PricePointDto,
  LowestPriceCheckDto,
} from './price.schema.js';
export type { SkuScoreDto, ScoresDto, CompareDto } from './score.schema.js';
export type {
  ShortlistDto,
  ShortlistItemDto,
  CoverageDto,
  SelectableSessionsDto,
} from './shortlist.schema.js';
export {
  defaultWeights,
  scoreComponents,
  marginTargetBp,
  commissionTargetBp,
  lowestPriceToleranceBp,
  type ScoreComponent,
  type ScoreWeights,
} from './selection-score.js';
export { conversionPrior, defaultStockNeedUnits } from './history-stats.js';
export { conversionLookbackDays } from './score.service.js';
export { defaultWindowDays, maxWindowDays } from './price-window.js';
