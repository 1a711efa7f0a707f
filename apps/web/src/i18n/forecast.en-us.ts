import type { forecastZhCN } from './forecast.zh-cn';

/** Before the live · line-up forecast (English). */
export const forecastEnUS: typeof forecastZhCN = {
  title: 'Forecast',
  subtitle:
    'Forecast a session’s line-up from your organisation’s past sessions: GMV, orders, refunds and profit with p10–p90 ranges; try other explain times, prices and mechanisms',
  pickSession: 'Choose a session',
  sessionGroups: { planned: 'Planned', live: 'Live', past: 'Ended' },
  editLineup: 'Edit line-up',
  openForecast: 'Forecast',
  openForecastHint: 'Forecast this line-up’s GMV, orders and profit from past sessions',
  sessionCard: {
    explainTotal: 'Explain time {{minutes}} min / session {{planned}} min',
    items: 'Items: {{count}}',
  },
  noSession: {
    text: 'Choose a session to see the forecast of its current line-up: GMV, orders, refunds and profit, with each item’s range and basis.',
    next: 'Forecast the next session: {{title}}',
    none: 'There are no recent sessions. Plan one in the schedule, then build its line-up.',
    goSchedule: 'Go to schedule',
  },
  empty: {
    title: 'This session’s line-up has no products yet',
    text: 'Add products to the line-up with their explain time and live price, then come back for the forecast.',
    add: 'Add products',
  },
  notFound: {
    title: 'Session not found',
    text: 'The session does not exist or belongs to another organisation. Choose another session.',
  },
  unavailable: {
    title: 'Not enough history to forecast yet',
    no_sessions:
      'The event store has no past live session of your organisation, so there is nothing to forecast from. Go live and report data first.',
    no_explained:
      'No past session explained a product with a known price, so there is nothing to forecast from.',
  },
  chart: {
    title: 'Forecast GMV by item',
    point: 'Forecast GMV',
    range: 'p10–p90 range',
    aria: 'Bar chart of each item’s forecast GMV; whiskers show the p10–p90 range, colours the basis',
    legend: 'Bar colour shows the basis:',
  },
  items: {
    title: 'Items',
    hint: 'Each item’s forecast with its 80% range (p10–p90)',
  },
  whatIf: {
    toggle: 'What-if',
    hint: 'Change explain time, live price or mechanism, then click “Forecast again”. This only simulates; the line-up is not changed.',
    run: 'Forecast again',
    reset: 'Back to the line-up',
    result: 'What-if result (not saved)',
    changed: 'Items changed: {{count}}',
    failed: 'What-if failed: {{message}}',
  },
  totals: {
    gmv: 'Forecast GMV',
    orders: 'Forecast paid orders',
    refunds: 'Forecast refunds',
    profit: 'Forecast profit',
    interval: 'Range {{range}}',
    noValue: 'No data',
    units: 'About {{units}} units',
    profitPartial: 'Covers the {{count}} of {{total}} items with a unit cost',
  },
  profit: {
    title: 'Profit breakdown',
    gmv: 'GMV',
    refunds: 'Refunds',
    netGmv: 'Net GMV',
    cost: 'Cost of goods',
    commission: 'Commission',
    platformFee: 'Platform fee ({{rate}})',
    mechanism: 'Mechanism cost (coupons, gifts, flash discount)',
    profit: 'Profit',
    note: 'From the point forecasts: net GMV = GMV − refunds; cost = units kept × unit cost; commission and platform fee on net GMV; mechanism cost = coupon, gift value or flash discount × units, up to the quantity issued.',
    none: 'No item in the line-up has a unit cost in the catalogue, so profit cannot be estimated.',
  },
  columns: {
    product: 'Product / SKU',
    explain: 'Explain time',
    price: 'Live price',
    mechanism: 'Mechanism',
    basis: 'Basis',
    gmv: 'GMV',
    orders: 'Paid orders',
    refunds: 'Refunds',
    profit: 'Profit',
  },
  basis: {
    product: 'Own history',
    category: 'Category',
    org: 'Organisation',
    none: 'No history',
  },
  basisHint: {
    product: 'From this product’s own sales in {{count}} past sessions',
    category: 'Little history of its own: from its category’s sales in {{count}} past sessions',
    org: 'No history for the product or its category: from the organisation’s level over {{count}} past sessions',
    none: 'No usable history, so no forecast',
  },
  method: {
    product: 'The product has enough explains and sales of its own',
    category: 'Little history of its own: its category’s products are used',
    org: 'No history for the product or its category: the organisation’s level is used',
    none: 'No usable history at all: no forecast',
  },
  warnings: {
    product_not_in_catalogue: 'The product is not in the catalogue',
    sku_not_in_catalogue: 'The product has no such SKU',
    no_stock_allocated: 'No stock allocated, so the forecast is not capped by stock',
    price_far_from_history: 'The live price is far from past selling prices; the forecast is less reliable',
    unknown_mechanism: 'The mechanism never appears in the history; estimated as no mechanism',
    product_not_approved: 'The product is not approved to go live, so it is not forecast',
    no_stock: 'The SKU has no stock, so it is not forecast',
  },
  warningCount: 'Warnings: {{count}}',
  stockCapped: 'Capped by stock ({{stock}})',
  context: {
    history: 'History: {{count}} sessions ({{account}} on this account)',
    traffic: 'Account traffic ×{{factor}}',
    intervals: {
      backtest_residuals: 'Ranges from backtest errors ({{count}} samples)',
      default: 'Too few backtest samples: default ranges',
    },
    defaultFee: 'Default platform fee rate',
    how: 'How it works',
    howTip:
      'Each item’s forecast = a base level (its own history → its category → the organisation, shrunk towards the wider level when history is thin) × explain-time elasticity × price factor × mechanism factor × account traffic factor. The p10–p90 ranges come from rolling backtest errors on your own history. Only sessions that started before the session count.',
  },
  backtest: {
    title: 'Backtest',
    modelMape: 'Model MAPE',
    naiveMape: 'Baseline MAPE (last similar session)',
    coverage: 'Range coverage (p10–p90)',
    sessions: 'Sessions tested / in history',
    better: 'Model error is about {{ratio}} of the baseline’s: better than repeating the last session',
    notBetter: 'The model does not beat the baseline (last similar session) yet; use with care',
    notEnough:
      'Not enough history: each backtested session needs at least {{count}} sessions before it; there are {{have}}',
    explain:
      'Rolling backtest: each session is forecast only from the sessions before it. {{items}} item explains, {{zero}} of them sold nothing (outside MAPE, inside coverage).',
  },
};
