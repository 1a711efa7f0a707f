import { principalOf, requirePermission } from '@livecloud/access';
import { commonErrorResponses } from '@livecloud/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Forecast } from './forecast.js';
import { backtestDto, forecastDto, forecastRequest, sessionForecastParams } from './forecast.schema.js';

const tags = ['forecast'];
const canRead = requirePermission('live:read');

/** The line-up forecast (商品模拟), to register under /api/v1. */
export function forecastRoutes(forecast: Forecast): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/forecast',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'Forecast an ad-hoc line-up (what-if): GMV, orders, units, refunds and profit per item and in total, with p10–p90',
          body: forecastRequest,
          response: { 200: forecastDto, ...commonErrorResponses },
        },
      },
      async (request) => forecast.whatIf(principalOf(request).orgId, request.body),
    );
    app.get(
      '/live-sessions/:sessionId/forecast',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary: 'Forecast the session’s current line-up from the sessions before it',
          params: sessionForecastParams,
          response: { 200: forecastDto, ...commonErrorResponses },
        },
      },
      async (request) => forecast.forSession(principalOf(request).orgId, request.params.sessionId),
    );
    app.get(
      '/forecast/backtest',
      {
        preHandler: canRead,
        schema: {
          tags,
          summary:
            'How well the forecast did on the organisation’s own past sessions: model vs naive MAPE, interval coverage',
          response: { 200: backtestDto, ...commonErrorResponses },
        },
      },
      async (request) => forecast.backtest(principalOf(request).orgId),
    );
  };
}
