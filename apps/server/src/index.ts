export { buildApp } from './app.js';
export { openServices, openContexts, version, type AppServices } from './services.js';
export { recordsMigrations } from './records-migrations.js';
export { startServer, closeOnSignals, type RunningServer } from './server.js';
export { seedDemo, demoPeople, type DemoLogin } from './demo-seed.js';
export { toErrorResponse } from './error-handler.js';
export { lockDataDir, dataDirHolder } from './data-dir-lock.js';
export { seedDemoOperation, type DemoOperation, type DemoProductRef } from './demo-operation.js';
export { demoHistoryPlans, demoLivePlan } from './demo-history.js';
