import type { TenancyContext } from './tenancy-case.js';

/**
 * The line-up forecast: A forecasts with B's product and SKU (refused or left out) and asks
 * for B's session's forecast (404); B's sales never enter A's forecast or backtest.
 */
export const forecastTenancy: TenancyContext = {
  name: 'forecast',
  cases: {
    'POST /api/v1/forecast': {
      kind: 'own',
      body: (w) => ({
        items: [
          {
            productId: w.bIds['com-product'],
            skuId: w.bIds['com-sku'],
            livePriceFen: 990,
            explainMinutes: 10,
          },
        ],
      }),
      expect: [200, 404],
    },
    'GET /api/v1/live-sessions/{sessionId}/forecast': { kind: 'foreign', resource: 'sched-session' },
    'GET /api/v1/forecast/backtest': { kind: 'own' },
  },
};
