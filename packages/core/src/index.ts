export { AppError, errorKinds, httpStatusOf, isAppError, type ErrorBody, type ErrorKind } from './errors.js';
export { ok, err, type Result } from './result.js';
export { newId, isId, idTime, type IdPrefix } from './ids.js';
export {
  assertFen,
  parseYuan,
  fenToYuanString,
  formatFen,
  formatFenCompact,
  applyRate,
  type Fen,
} from './money.js';
export { systemClock, createFakeClock, type Clock, type FakeClock } from './clock.js';
export { createLogger, type Logger, type LogLevel } from './logger.js';
export {
  loadConfig,
  configSchema,
  configEnvNames,
  instanceTokenPattern,
  type Config,
  type ConfigInput,
} from './config.js';
export { errorBodySchema, commonErrorResponses } from './error-body.schema.js';
export { idParams } from './route-params.js';
export { readCsvTable, type CsvTable, type CsvTableOptions, type CsvTableRow } from './csv-table.js';
