import type { SalesHistory } from '@livecloud/analytics';
import { AppError, type Clock } from '@livecloud/core';
import { runBacktest, type BacktestReport } from './backtest.js';
import {
  backtestDtoOf,
  blockedReason,
  itemDtoOf,
  unavailableItemDto,
  type RequestItem,
} from './forecast-dto.js';
import { historyDigest, loadHistory } from './forecast-history.js';
import { mechanismKinds, type ForecastHistory, type MechanismKind } from './forecast-model.types.js';
import type { BacktestDto, ForecastDto, ForecastItemDto, ForecastRequest } from './forecast.schema.js';
import { calibrationFromResiduals } from './intervals.js';
import { forecastLineup } from './lineup-forecast.js';
import { fitModel } from './model-fit.js';
import type { ForecastCatalogue, ForecastLineups } from './ports.js';
import { defaultPlatformFeeBp, platformFeeBpOf } from './profit.js';

/** What {@link createForecast} needs; the server composition passes the other contexts' ports. */
export interface ForecastDeps {
  /** Sales of past sessions, from the event store (`createSalesHistory` of `@livecloud/analytics`). */
  history: SalesHistory;
  catalogue: ForecastCatalogue;
  lineups: ForecastLineups;
  clock: Clock;
  /** Platform fee per platform in basis points of net GMV; default {@link defaultPlatformFeeBp}. */
  platformFeeBp?: Readonly<Record<string, number>> | undefined;
  /** How far back the history reaches; default 180 days. */
  lookbackDays?: number | undefined;
}

interface LineupRequest {
  session: ForecastDto['session'];
  asOf: number;
  excludeSessionId: string | null;
  items: RequestItem[];
}

// Backtests per organisation, reused while the history they read is unchanged.
const maxCachedBacktests = 200;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The line-up forecast context (商品模拟), one service: what-if line-ups, a session's own
 * line-up, and the organisation's backtest. Pass the sales history read from the event store,
 * the catalogue and line-up ports, and a clock:
 * `createForecast({ history: createSalesHistory(eventStore), catalogue, lineups, clock })`.
 */
export function createForecast(deps: ForecastDeps) {
  const fees = deps.platformFeeBp ?? defaultPlatformFeeBp;
  const lookbackDays = deps.lookbackDays ?? 180;
  const backtests = new Map<string, { digest: string; report: BacktestReport }>();

  function backtestOf(orgId: string, history: ForecastHistory): BacktestReport {
    const digest = historyDigest(history);
    const cached = backtests.get(orgId);
    if (cached?.digest === digest) return cached.report;
    const report = runBacktest(history);
    backtests.delete(orgId);
    if (backtests.size >= maxCachedBacktests) backtests.delete(backtests.keys().next().value!);
    backtests.set(orgId, { digest, report });
    return report;
  }

  async function forecast(orgId: string, request: LineupRequest): Promise<ForecastDto> {
    if (request.items.length === 0) {
      throw AppError.invalid('lineup_empty', 'The line-up has no items to forecast; add products first');
    }
    const { history, catalogue } = await loadHistory(deps, orgId, {
      until: request.asOf,
      lookbackDays,
      excludeSessionId: request.excludeSessionId,
      alsoProductIds: request.items.map((i) => i.productId),
    });
    const fee = platformFeeBpOf(fees, request.session.platform);
    const accountId = request.session.accountId;
    const base = {
      asOf: iso(request.asOf),
      session: request.session,
      history: {
        sessions: history.sessions.length,
        accountSessions: history.sessions.filter((s) => accountId !== null && s.accountId === accountId)
          .length,
        from: history.sessions[0] ? iso(history.sessions[0].startedAt) : null,
        to: history.sessions.at(-1) ? iso(history.sessions.at(-1)!.startedAt) : null,
      },
      platformFee: fee,
    };
    const model = fitModel(history, request.asOf);
    if (model === undefined) {
      return {
        ...base,
        status: 'unavailable',
        reason: {
          code: 'no_history',
          message:
            history.sessions.length === 0
              ? 'No past live session of this organisation is in the event store, so there is nothing to forecast from.'
              : 'No past session explained a product with a known price, so there is nothing to forecast from.',
        },
        trafficFactor: null,
        model: null,
        intervals: { level: 0.8, method: 'default', itemResiduals: 0, totalResiduals: 0 },
        items: request.items.map((item) => unavailableItemDto(item, catalogue.get(item.productId))),
        totals: null,
        backtest: null,
      };
    }
    const report = backtestOf(orgId, history);
    const calibration = calibrationFromResiduals(report.residuals.items, report.residuals.totals);
    // Items that cannot sell (not approved, no stock) are marked, not forecast, and stay out of the totals.
    const blocked = request.items.map((item) => blockedReason(item, catalogue.get(item.productId)));
    const sellable = request.items.filter((_, i) => blocked[i] === null);
    const inputs = sellable.map((item) => {
      const product = catalogue.get(item.productId);
      const sku = product?.skus.find((s) => s.id === item.skuId);
      return {
        key: String(item.position),
        productId: item.productId,
        skuId: item.skuId,
        livePriceFen: item.livePriceFen,
        explainMinutes: item.explainMinutes,
        mechanism: mechanismOfItem(item.mechanism),
        stockAllocation:
          item.stockAllocation !== null && item.stockAllocation > 0 ? item.stockAllocation : null,
        categoryPath: product?.categoryPath ?? [],
        costFen: sku?.costFen ?? null,
        commissionBp: sku?.commissionBp ?? null,
        mechanismCost: item.mechanismCost ?? undefined,
      };
    });
    const result = forecastLineup(
      model,
      inputs,
      { accountId, asOf: request.asOf, platformFeeBp: fee.bp },
      calibration,
    );
    const forecasts = new Map(sellable.map((item, i) => [item, result.items[i]!]));
    const items: ForecastItemDto[] = request.items.map((item, i) => {
      const forecast = forecasts.get(item);
      const product = catalogue.get(item.productId);
      return forecast
        ? itemDtoOf(item, forecast, product, model)
        : unavailableItemDto(item, product, blocked[i]);
    });
    const { totals } = result;
    return {
      ...base,
      status: 'ok',
      reason: null,
      trafficFactor: result.traffic.factor,
      model: {
        minutesElasticity: model.slopes.minutes,
        trafficElasticity: model.slopes.traffic,
        priceElasticity: model.slopes.price,
        mechanismFactors: Object.fromEntries(
          mechanismKinds.map((m) => [m, Math.exp(model.slopes.mechanism[m])]),
        ) as Record<MechanismKind, number>,
        productShrinkage: model.productShrinkage,
      },
      intervals: {
        level: calibration.level,
        method: calibration.method,
        itemResiduals: calibration.method === 'default' ? 0 : report.residuals.items.length,
        totalResiduals: calibration.total.residuals,
      },
      items,
      totals: {
        gmvFen: totals.gmvFen,
        paidOrders: totals.paidOrders,
        units: totals.units,
        refundFen: totals.refundFen,
        profitFen: totals.profitFen,
        profit: totals.profit,
        profitItems: totals.profitItems,
      },
      backtest: {
        sessions: report.sessions,
        modelMape: report.model.mape,
        naiveMape: report.naive.mape,
        coverage: report.coverage.share,
      },
    };
  }

  return {
    /** Forecasts an ad-hoc line-up (what-if) as of now. */
    async whatIf(orgId: string, input: ForecastRequest): Promise<ForecastDto> {
      return forecast(orgId, {
        session: {
          id: null,
          title: null,
          accountId: input.accountId ?? null,
          platform: input.platform ?? null,
          plannedMinutes: input.plannedMinutes ?? null,
        },
        asOf: deps.clock.now(),
        excludeSessionId: null,
        items: input.items.map((item, i) => ({
          itemId: null,
          position: i + 1,
          productId: item.productId,
          skuId: item.skuId,
          livePriceFen: item.livePriceFen,
          explainMinutes: item.explainMinutes,
          mechanism: item.mechanism,
          stockAllocation: item.stockAllocation ?? null,
          mechanismCost: null,
        })),
      });
    },

    /**
     * Forecasts a session's current line-up from the sessions that started before it (before now
     * for a session still to come), never from its own events.
     *
     * @throws AppError `session_not_found`, `lineup_empty`
     */
    async forSession(orgId: string, sessionId: string): Promise<ForecastDto> {
      const found = await deps.lineups.lineup(orgId, sessionId);
      if (found === undefined) throw AppError.notFound('session', sessionId);
      const { session } = found;
      const start = Date.parse(session.plannedStart);
      const end = Date.parse(session.plannedEnd);
      const now = deps.clock.now();
      return forecast(orgId, {
        session: {
          id: session.id,
          title: session.title,
          accountId: session.accountId,
          platform: session.platform,
          plannedMinutes: Number.isFinite(end - start)
            ? Math.max(0, Math.round((end - start) / 60_000))
            : null,
        },
        asOf: Number.isFinite(start) ? Math.min(now, start) : now,
        excludeSessionId: session.id,
        items: [...found.items]
          .sort((a, b) => a.position - b.position)
          .map((item) => ({
            itemId: item.id,
            position: item.position,
            productId: item.productId,
            skuId: item.skuId,
            livePriceFen: item.livePriceFen,
            explainMinutes: item.explainMinutes,
            mechanism: item.mechanism,
            stockAllocation: item.stockAllocation,
            mechanismCost: item.mechanismCost,
          })),
      });
    },

    /** The organisation's rolling-origin backtest over its history: model against the naive baseline. */
    async backtest(orgId: string): Promise<BacktestDto> {
      const now = deps.clock.now();
      const { history } = await loadHistory(deps, orgId, { until: now, lookbackDays });
      return backtestDtoOf(backtestOf(orgId, history), history, now);
    },
  };
}
export type Forecast = ReturnType<typeof createForecast>;

function mechanismOfItem(value: string): MechanismKind {
  return (mechanismKinds as readonly string[]).includes(value) ? (value as MechanismKind) : 'none';
}
