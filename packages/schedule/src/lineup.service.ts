import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import { assertItemPrices, reservationOf } from './lineup-guards.js';
import { productsById, validateLineup } from './lineup-validation.js';
import type {
  LineupItemRow,
  LineupItemValues,
  LineupQueries,
  LineupRepository,
} from './lineup.repository.js';
import {
  mechanismSchema,
  type CreateLineupItemInput,
  type LineupDto,
  type LineupItemDto,
  type LineupValidationDto,
  type Mechanism,
  type UpdateLineupItemInput,
} from './lineup.schema.js';
import type {
  AuditRecorder,
  CatalogueProduct,
  LowestPriceProvider,
  ProductCatalogue,
  StockReservations,
} from './ports.js';
import type { RequirementRepository } from './requirement.repository.js';
import { toPoolRequirementDto } from './requirement.service.js';
import { assertSessionOpen } from './session-status.js';

/**
 * Line-ups (排品): ordered items per session, with validation reported per item. With stock
 * reservations connected, each item holds its allocation in the warehouse: a write that would
 * over-allocate is refused (409 `stock_insufficient`), and removing the item gives it back.
 */
export function createLineupService(deps: {
  lineups: LineupRepository;
  requirements: Pick<RequirementRepository, 'list'>;
  catalogue?: ProductCatalogue | undefined;
  prices?: LowestPriceProvider | undefined;
  reservations?: StockReservations | undefined;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { lineups, reservations } = deps;

  /**
   * Holds the item's stock, then runs the line-up write; when the write fails the previous
   * holding is put back, so the warehouse never keeps units for an item that was not saved.
   */
  async function withReservation<T>(
    orgId: string,
    itemId: string,
    next: { skuId: string; quantity: number },
    previous: { skuId: string; quantity: number } | null,
    actor: AuditActor,
    write: () => Promise<T>,
  ): Promise<T> {
    if (!reservations) return write();
    const reference = reservationOf(itemId);
    await reservations.reserve(orgId, { reference, ...next }, actor);
    try {
      return await write();
    } catch (error) {
      if (previous) await reservations.reserve(orgId, { reference, ...previous }, actor);
      else await reservations.release(orgId, reference, actor);
      throw error;
    }
  }

  async function requireSession(orgId: string, sessionId: string) {
    const session = await lineups.session(orgId, sessionId);
    if (!session) throw AppError.notFound('session', sessionId);
    return session;
  }

  async function build(orgId: string, sessionId: string): Promise<LineupDto> {
    const session = await requireSession(orgId, sessionId);
    const [rows, requirementRows] = await Promise.all([
      lineups.list(orgId, sessionId),
      deps.requirements.list(orgId, sessionId),
    ]);
    const products = deps.catalogue
      ? await productsById(
          orgId,
          deps.catalogue,
          rows.map((r) => r.product_id),
        )
      : new Map<string, CatalogueProduct>();
    const sessionMinutes = Math.round(
      (session.planned_end.getTime() - session.planned_start.getTime()) / 60_000,
    );
    const validation = await validateLineup(
      orgId,
      {
        sessionMinutes,
        items: rows.map(toValidationItem),
        requirements: requirementRows.map(toPoolRequirementDto),
        ownReservations: reservations ? rows.map((r) => reservationOf(r.id)) : [],
      },
      { catalogue: deps.catalogue, prices: deps.prices },
      products,
    );
    return {
      sessionId,
      sessionMinutes,
      totalExplainMinutes: rows.reduce((sum, r) => sum + r.explain_minutes, 0),
      items: rows.map((row) => toLineupItemDto(row, products.get(row.product_id))),
      validation,
    };
  }

  /** Runs a change with the session locked, refusing sessions that have ended. */
  async function change<T>(
    orgId: string,
    sessionId: string,
    work: (tx: LineupQueries) => Promise<T>,
  ): Promise<T> {
    return lineups.transaction(async (tx) => {
      const session = await tx.lockSession(orgId, sessionId);
      if (!session) throw AppError.notFound('session', sessionId);
      assertSessionOpen(sessionId, session.status);
      return work(tx);
    });
  }

  async function requireItem(orgId: string, id: string): Promise<LineupItemRow> {
    const row = await lineups.find(orgId, id);
    if (!row) throw AppError.notFound('lineup_item', id);
    return row;
  }

  return {
    get: build,
    async validate(orgId: string, sessionId: string): Promise<LineupValidationDto> {
      return (await build(orgId, sessionId)).validation;
    },

    async addItem(
      orgId: string,
      sessionId: string,
      input: CreateLineupItemInput,
      actor: AuditActor,
    ): Promise<LineupDto> {
      const now = deps.clock.now();
      const id = newId('lui', now);
      await requireSession(orgId, sessionId);
      await assertItemPrices(orgId, input, deps.catalogue);
      const stock = { skuId: input.skuId, quantity: input.stockAllocation };
      await withReservation(orgId, id, stock, null, actor, () =>
        change(orgId, sessionId, async (tx) => {
          const count = (await tx.list(orgId, sessionId)).length;
          const position = Math.min(input.position ?? count + 1, count + 1);
          await tx.insertAt(
            {
              id,
              org_id: orgId,
              session_id: sessionId,
              ...toValues(input),
              created_at: new Date(now),
              updated_at: new Date(now),
            },
            position,
          );
        }),
      );
      await deps.audit.record(orgId, actor, {
        action: 'lineup.add',
        targetType: 'session',
        targetId: sessionId,
        details: { itemId: id, productId: input.productId, skuId: input.skuId },
      });
      return build(orgId, sessionId);
    },

    async updateItem(
      orgId: string,
      id: string,
      input: UpdateLineupItemInput,
      actor: AuditActor,
    ): Promise<LineupDto> {
      const item = await requireItem(orgId, id);
      await assertItemPrices(
        orgId,
        {
          productId: input.productId ?? item.product_id,
          skuId: input.skuId ?? item.sku_id,
          livePriceFen: input.livePriceFen ?? item.live_price_fen,
          mechanism: input.mechanism ?? toMechanism(item),
        },
        deps.catalogue,
      );
      const before = { skuId: item.sku_id, quantity: item.stock_allocation };
      const after = {
        skuId: input.skuId ?? item.sku_id,
        quantity: input.stockAllocation ?? item.stock_allocation,
      };
      await withReservation(orgId, id, after, before, actor, () =>
        change(orgId, item.session_id, async (tx) => {
          const current = await tx.find(orgId, id);
          if (!current) throw AppError.notFound('lineup_item', id);
          await tx.update(orgId, id, {
            product_id: input.productId,
            sku_id: input.skuId,
            explain_minutes: input.explainMinutes,
            live_price_fen: input.livePriceFen,
            stock_allocation: input.stockAllocation,
            note: input.note === undefined ? undefined : (input.note ?? null),
            ...(input.mechanism ? mechanismValues(input.mechanism) : {}),
            updated_at: new Date(deps.clock.now()),
          });
        }),
      );
      await deps.audit.record(orgId, actor, {
        action: 'lineup.update',
        targetType: 'session',
        targetId: item.session_id,
        details: { itemId: id, ...input },
      });
      return build(orgId, item.session_id);
    },

    async removeItem(orgId: string, id: string, actor: AuditActor): Promise<LineupDto> {
      const item = await requireItem(orgId, id);
      await change(orgId, item.session_id, async (tx) => {
        const current = await tx.find(orgId, id);
        if (!current) throw AppError.notFound('lineup_item', id);
        await tx.delete(orgId, current);
      });
      await reservations?.release(orgId, reservationOf(id), actor);
      await deps.audit.record(orgId, actor, {
        action: 'lineup.remove',
        targetType: 'session',
        targetId: item.session_id,
        details: { itemId: id },
      });
      return build(orgId, item.session_id);
    },

    /**
     * Puts the line-up in the given order. The list must name every item exactly once, so
     * that a reorder made on a stale screen is refused (409 `lineup_changed`) instead of
     * silently dropping or misplacing items someone else added.
     */
    async reorder(
      orgId: string,
      sessionId: string,
      itemIds: readonly string[],
      actor: AuditActor,
    ): Promise<LineupDto> {
      await change(orgId, sessionId, async (tx) => {
        const current = (await tx.list(orgId, sessionId)).map((r) => r.id);
        const missing = current.filter((id) => !itemIds.includes(id));
        const unknown = itemIds.filter((id) => !current.includes(id));
        if (missing.length > 0 || unknown.length > 0) {
          throw AppError.conflict(
            'lineup_changed',
            'The order must list every item of the line-up exactly once; reload and try again',
            {
              missing,
              unknown,
            },
          );
        }
        await tx.reorder(orgId, sessionId, itemIds, new Date(deps.clock.now()));
      });
      await deps.audit.record(orgId, actor, {
        action: 'lineup.reorder',
        targetType: 'session',
        targetId: sessionId,
        details: { itemIds },
      });
      return build(orgId, sessionId);
    },
  };
}
export type LineupService = ReturnType<typeof createLineupService>;

function mechanismValues(mechanism: Mechanism): Pick<LineupItemValues, 'mechanism' | 'mechanism_params'> {
  const { type, ...params } = mechanism;
  return { mechanism: type, mechanism_params: JSON.stringify(params) };
}

function toValues(input: CreateLineupItemInput): LineupItemValues {
  return {
    product_id: input.productId,
    sku_id: input.skuId,
    explain_minutes: input.explainMinutes,
    live_price_fen: input.livePriceFen,
    stock_allocation: input.stockAllocation,
    note: input.note ?? null,
    ...mechanismValues(input.mechanism),
  };
}

function toMechanism(row: LineupItemRow): Mechanism {
  return mechanismSchema.parse({ ...row.mechanism_params, type: row.mechanism });
}

function toValidationItem(row: LineupItemRow) {
  return {
    id: row.id,
    productId: row.product_id,
    skuId: row.sku_id,
    explainMinutes: row.explain_minutes,
    livePriceFen: row.live_price_fen,
    mechanism: toMechanism(row),
    stockAllocation: row.stock_allocation,
  };
}

export function toLineupItemDto(row: LineupItemRow, product: CatalogueProduct | undefined): LineupItemDto {
  return {
    id: row.id,
    position: row.position,
    productId: row.product_id,
    skuId: row.sku_id,
    product: product
      ? {
          title: product.title,
          status: product.status,
          approved: product.approved,
          skuName: product.skus.find((s) => s.id === row.sku_id)?.name ?? null,
        }
      : null,
    explainMinutes: row.explain_minutes,
    livePriceFen: row.live_price_fen,
    mechanism: toMechanism(row),
    stockAllocation: row.stock_allocation,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
