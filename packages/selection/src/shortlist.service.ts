import { isUniqueViolation } from '@livecloud/db';
import type { AuditActor } from '@livecloud/access';
import { AppError, type Clock } from '@livecloud/core';
import { requireProduct, requireSku } from './catalogue-lookup.js';
import { computeCoverage, type ShortlistedSku, type SkuRef } from './coverage.js';
import type { AuditRecorder, CatalogueEntry, SelectionCatalogue, SelectionSession } from './ports.js';
import type { ScoreService, SessionContext } from './score.service.js';
import { resolveWeights } from './selection-score.js';
import type { ShortlistRepository, ShortlistRow } from './shortlist.repository.js';
import type {
  AddShortlistInput,
  CoverageDto,
  ShortlistDto,
  ShortlistItemDto,
  ShortlistQuery,
} from './shortlist.schema.js';
import { defaultWindowDays } from './price-window.js';
import type { SkuScoreDto } from './score.schema.js';

/** A session that has ended keeps the shortlist it went live with. */
function assertSessionOpen(session: SelectionSession): void {
  if (session.status === 'ended' || session.status === 'reviewed') {
    throw AppError.conflict(
      'session_closed',
      `The session has ${session.status}; its shortlist can no longer change`,
      {
        sessionId: session.id,
        status: session.status,
      },
    );
  }
}

/** 选品清单: the SKUs picked for a session, scored against its requirements, and how far they cover them. */
export function createShortlistService(deps: {
  shortlists: ShortlistRepository;
  catalogue: SelectionCatalogue;
  scores: ScoreService;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { shortlists, catalogue } = deps;

  async function requireContext(orgId: string, sessionId: string): Promise<SessionContext> {
    const context = await deps.scores.sessionContext(orgId, sessionId);
    if (!context) throw AppError.notFound('session', sessionId);
    return context;
  }

  /** The shortlist's rows with their catalogue entries; rows whose SKU left the catalogue have none. */
  async function resolve(orgId: string, rows: readonly ShortlistRow[]) {
    const ids = [...new Set(rows.map((r) => r.product_id))];
    const products = new Map<string, CatalogueEntry>(
      ids.length === 0 ? [] : (await catalogue.products(orgId, ids)).map((p) => [p.id, p]),
    );
    return rows.map((row) => {
      const product = products.get(row.product_id);
      const sku = product?.skus.find((s) => s.id === row.sku_id);
      return { row, item: product && sku ? { product, sku } : null };
    });
  }

  async function itemsOf(
    orgId: string,
    context: SessionContext,
    rows: readonly ShortlistRow[],
    query: ShortlistQuery,
  ): Promise<ShortlistItemDto[]> {
    const resolved = await resolve(orgId, rows);
    const present = resolved.flatMap((r) => (r.item ? [r.item] : []));
    const scored = await deps.scores.scoreItems(orgId, present, {
      context,
      days: query.days,
      weights: resolveWeights(query.weights),
    });
    const bySku = new Map<string, SkuScoreDto>(scored.map((s) => [s.skuId, s]));
    return resolved.map(({ row }) => toShortlistItemDto(row, bySku.get(row.sku_id) ?? null));
  }

  return {
    async list(orgId: string, sessionId: string, query: ShortlistQuery): Promise<ShortlistDto> {
      const context = await requireContext(orgId, sessionId);
      const rows = await shortlists.list(orgId, sessionId);
      return {
        session: context.session,
        days: query.days,
        weights: resolveWeights(query.weights),
        items: await itemsOf(orgId, context, rows, query),
      };
    },

    async add(
      orgId: string,
      sessionId: string,
      input: AddShortlistInput,
      actor: AuditActor,
    ): Promise<ShortlistItemDto> {
      const context = await requireContext(orgId, sessionId);
      assertSessionOpen(context.session);
      const product = await requireProduct(catalogue, orgId, input.productId);
      requireSku(product, input.skuId);
      let row: ShortlistRow;
      try {
        row = await shortlists.insert({
          org_id: orgId,
          session_id: sessionId,
          product_id: product.id,
          sku_id: input.skuId,
          note: input.note || null,
          added_by_type: actor.type,
          added_by: actor.id,
          added_at: new Date(deps.clock.now()),
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw AppError.conflict('already_shortlisted', 'This SKU is on the session’s shortlist already', {
          sessionId,
          skuId: input.skuId,
        });
      }
      await deps.audit.record(orgId, actor, {
        action: 'shortlist.add',
        targetType: 'session',
        targetId: sessionId,
        details: { productId: product.id, skuId: input.skuId },
      });
      const [item] = await itemsOf(orgId, context, [row], { days: defaultWindowDays, weights: undefined });
      return item!;
    },

    async remove(
      orgId: string,
      sessionId: string,
      skuId: string,
      actor: AuditActor,
    ): Promise<ShortlistItemDto> {
      const context = await requireContext(orgId, sessionId);
      assertSessionOpen(context.session);
      const row = await shortlists.delete(orgId, sessionId, skuId);
      if (!row) throw AppError.notFound('shortlist_item', skuId);
      await deps.audit.record(orgId, actor, {
        action: 'shortlist.remove',
        targetType: 'session',
        targetId: sessionId,
        details: { productId: row.product_id, skuId },
      });
      return toShortlistItemDto(row, null);
    },

    /** For each requirement, which shortlisted SKUs meet it, how many count, and how many are still missing. */
    async coverage(orgId: string, sessionId: string): Promise<CoverageDto> {
      const context = await requireContext(orgId, sessionId);
      const resolved = await resolve(orgId, await shortlists.list(orgId, sessionId));
      const present: ShortlistedSku[] = resolved.flatMap((r) => (r.item ? [r.item] : []));
      const names = new Map(
        present.map(({ product, sku }) => [sku.id, { title: product.title, spec: sku.spec }]),
      );
      const named = (ref: SkuRef) => ({
        ...ref,
        title: names.get(ref.skuId)?.title ?? '',
        spec: names.get(ref.skuId)?.spec ?? '',
      });
      const coverage = computeCoverage(context.requirements, present);
      const requirements = coverage.requirements.map((r) => ({
        requirement: r.requirement,
        matching: r.matching.map(named),
        counted: r.counted.map(named),
        count: r.counted.length,
        itemCount: r.requirement.itemCount,
        status: r.status,
        shortBy: r.shortBy,
        nearMisses: r.nearMisses.map((m) => ({ ...named(m), missed: m.missed })),
      }));
      return {
        session: context.session,
        allMet: requirements.every((r) => r.status === 'met'),
        requirements,
        unmatched: coverage.unmatched.map(named),
        missing: resolved
          .filter((r) => !r.item)
          .map(({ row }) => ({ productId: row.product_id, skuId: row.sku_id })),
      };
    },
  };
}
export type ShortlistService = ReturnType<typeof createShortlistService>;

function toShortlistItemDto(row: ShortlistRow, scored: SkuScoreDto | null): ShortlistItemDto {
  return {
    sessionId: row.session_id,
    productId: row.product_id,
    skuId: row.sku_id,
    note: row.note,
    addedBy: { type: row.added_by_type, id: row.added_by },
    addedAt: row.added_at.toISOString(),
    scored,
  };
}
