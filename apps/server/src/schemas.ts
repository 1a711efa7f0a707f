/** The server's own HTTP contract (the health check), dependency-free like every context's `schemas` entry. */
export * from './health.schema.js';
