import { accessTenancy } from './access.tenancy.js';
import { approvalsTenancy } from './approvals.tenancy.js';
import { commerceTenancy } from './commerce.tenancy.js';
import { eventsTenancy } from './events.tenancy.js';
import { forecastTenancy } from './forecast.tenancy.js';
import { liveTenancy } from './live.tenancy.js';
import { scheduleTenancy } from './schedule.tenancy.js';
import { selectionTenancy } from './selection.tenancy.js';
import type { TenancyContext } from './tenancy-case.js';

/**
 * Every context's part of the tenancy walk, in seeding order: a context's seed may use the
 * records of those before it (events needs access's collector key; selection needs commerce's
 * product and schedule's session; approvals needs commerce's merchant).
 */
export const tenancyContexts: readonly TenancyContext[] = [
  accessTenancy,
  eventsTenancy,
  liveTenancy,
  scheduleTenancy,
  commerceTenancy,
  approvalsTenancy,
  selectionTenancy,
  forecastTenancy,
];
