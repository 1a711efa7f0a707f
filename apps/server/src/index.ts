export { buildApp } from './app.js';
export { openServices, openCommerce, openSchedule, version, type AppServices } from './services.js';
export { startServer, closeOnSignals, type RunningServer } from './server.js';
export { seedDemo, demoPeople, type DemoLogin } from './demo-seed.js';
export { toErrorResponse } from './error-handler.js';
export { lockDataDir, dataDirHolder } from './data-dir-lock.js';
