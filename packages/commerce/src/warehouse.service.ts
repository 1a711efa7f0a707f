import { AppError, newId, type Clock } from '@livecloud/core';
import { actorColumns, type AuditActor, type AuditRecorder } from './ports.js';
import type { UnitOfWork } from './repositories.js';
import { checkSubmissionTransition, moveSubmission } from './submission-flow.js';
import type { AllocationRow, ReceiptRow, StockRow } from './warehouse.repository.js';
import type {
  AllocateStockInput,
  CreateReceiptInput,
  ReceiptDto,
  ReceiptListQuery,
  StockAllocationDto,
  StockDto,
} from './warehouse.schema.js';

/** Warehousing (入仓): receipts of approved products, and the stock line-ups can draw on. */
export function createWarehouseService(deps: { uow: UnitOfWork; audit: AuditRecorder; clock: Clock }) {
  const { repos } = deps.uow;

  return {
    async receipts(orgId: string, query: ReceiptListQuery): Promise<ReceiptDto[]> {
      return (await repos.warehouse.receipts(orgId, query)).map(toReceiptDto);
    },
    async stock(orgId: string): Promise<StockDto[]> {
      return (await repos.warehouse.stock(orgId)).map(toStockDto);
    },

    /**
     * Books goods of an approved submission into the warehouse. The first receipt moves the
     * submission to warehoused; later ones (more stock) add to it.
     */
    async receive(
      orgId: string,
      submissionId: string,
      input: CreateReceiptInput,
      actor: AuditActor,
    ): Promise<ReceiptDto[]> {
      const now = deps.clock.now();
      const at = new Date(now);
      const ids = input.lines.map(() => newId('rcp', now));
      const from = await deps.uow.transaction(async (tx) => {
        const row = await tx.submissions.lock(orgId, submissionId);
        if (!row) throw AppError.notFound('submission', submissionId);
        if (row.status !== 'warehoused') checkSubmissionTransition(row.status, 'warehoused', 'receipt');
        const skus = new Set((await tx.products.skusOf(orgId, [row.product_id])).map((s) => s.id));
        const foreign = input.lines.filter((l) => !skus.has(l.skuId)).map((l) => l.skuId);
        if (foreign.length > 0)
          throw AppError.invalid('sku_not_in_product', 'Some SKUs are not of this submission’s product', {
            skuIds: foreign,
          });
        for (const [index, line] of input.lines.entries()) {
          await tx.warehouse.insertReceipt({
            id: ids[index] ?? newId('rcp', now),
            org_id: orgId,
            submission_id: submissionId,
            sku_id: line.skuId,
            quantity: line.quantity,
            location: line.location,
            note: input.note ?? null,
            ...actorColumns(actor),
            at,
          });
        }
        if (row.status !== 'warehoused') {
          await moveSubmission(tx, row, 'warehoused', 'receipt', { reason: input.note ?? null, actor, at });
        }
        return row.status;
      });
      await deps.audit.record(orgId, actor, {
        action: 'warehouse.receipt',
        targetType: 'submission',
        targetId: submissionId,
        details: { from, receiptIds: ids, lines: input.lines },
      });
      return (await repos.warehouse.receipts(orgId, { submissionId, limit: 500 }))
        .filter((r) => ids.includes(r.id))
        .map(toReceiptDto);
    },

    /** Units of a SKU a line-up can still take: received minus active allocations and sold units. */
    async availableStock(orgId: string, skuId: string): Promise<number> {
      return repos.warehouse.available(orgId, skuId);
    },

    /**
     * Holds stock for a line-up. The SKU row is locked while the available amount is read and
     * the allocation written, so two line-ups cannot take the same units.
     */
    async allocate(orgId: string, input: AllocateStockInput, actor: AuditActor): Promise<StockAllocationDto> {
      if (!Number.isSafeInteger(input.quantity) || input.quantity <= 0)
        throw AppError.invalid('invalid_quantity', 'Allocate a positive whole number of units');
      const now = deps.clock.now();
      const id = newId('alc', now);
      await deps.uow.transaction(async (tx) => {
        if (!(await tx.warehouse.lockSku(orgId, input.skuId))) throw AppError.notFound('sku', input.skuId);
        const available = await tx.warehouse.available(orgId, input.skuId);
        if (input.quantity > available) {
          throw AppError.conflict('stock_insufficient', `Only ${available} units are available`, {
            skuId: input.skuId,
            requested: input.quantity,
            available,
          });
        }
        await tx.warehouse.insertAllocation({
          id,
          org_id: orgId,
          sku_id: input.skuId,
          quantity: input.quantity,
          reference: input.reference,
          ...actorColumns(actor),
          at: new Date(now),
        });
      });
      await deps.audit.record(orgId, actor, {
        action: 'stock.allocate',
        targetType: 'sku',
        targetId: input.skuId,
        details: { allocationId: id, ...input },
      });
      const row = await repos.warehouse.findAllocation(orgId, id);
      if (!row) throw new Error('the allocation just written is missing');
      return toAllocationDto(row);
    },

    /**
     * Holds exactly `quantity` units of the SKU under `reference` (a line-up item), replacing
     * what the reference held before, of any SKU. Over-allocation is refused with 409
     * `stock_insufficient` and the figures, and nothing changes; quantity 0 only releases.
     */
    async reserve(
      orgId: string,
      input: { reference: string; skuId: string; quantity: number },
      actor: AuditActor,
    ): Promise<void> {
      if (!Number.isSafeInteger(input.quantity) || input.quantity < 0)
        throw AppError.invalid('invalid_quantity', 'Reserve a whole number of units, 0 or more');
      const now = deps.clock.now();
      const held = await deps.uow.transaction(async (tx) => {
        // Holding nothing needs no SKU: an item of an unknown product may still sit in a line-up.
        if (input.quantity > 0 && !(await tx.warehouse.lockSku(orgId, input.skuId)))
          throw AppError.notFound('sku', input.skuId);
        const released = await tx.warehouse.releaseByReference(orgId, input.reference, new Date(now));
        const available = await tx.warehouse.available(orgId, input.skuId);
        if (input.quantity > available) {
          throw AppError.conflict('stock_insufficient', `Only ${available} units are available`, {
            skuId: input.skuId,
            requested: input.quantity,
            available,
          });
        }
        if (input.quantity > 0) {
          await tx.warehouse.insertAllocation({
            id: newId('alc', now),
            org_id: orgId,
            sku_id: input.skuId,
            quantity: input.quantity,
            reference: input.reference,
            ...actorColumns(actor),
            at: new Date(now),
          });
        }
        return released > 0 || input.quantity > 0;
      });
      if (held) {
        await deps.audit.record(orgId, actor, {
          action: 'stock.reserve',
          targetType: 'sku',
          targetId: input.skuId,
          details: { ...input },
        });
      }
    },

    /** Gives back everything held under the reference; releasing nothing changes nothing. */
    async releaseReference(orgId: string, reference: string, actor: AuditActor): Promise<void> {
      const released = await repos.warehouse.releaseByReference(orgId, reference, new Date(deps.clock.now()));
      if (released > 0) {
        await deps.audit.record(orgId, actor, {
          action: 'stock.release',
          targetType: 'allocation',
          targetId: reference,
          details: { reference },
        });
      }
    },

    /** Gives allocated stock back; releasing twice changes nothing. */
    async release(orgId: string, allocationId: string, actor: AuditActor): Promise<StockAllocationDto> {
      const row = await repos.warehouse.findAllocation(orgId, allocationId);
      if (!row) throw AppError.notFound('allocation', allocationId);
      if (row.released_at) return toAllocationDto(row);
      await repos.warehouse.releaseAllocation(orgId, allocationId, new Date(deps.clock.now()));
      await deps.audit.record(orgId, actor, {
        action: 'stock.release',
        targetType: 'sku',
        targetId: row.sku_id,
        details: { allocationId },
      });
      const after = await repos.warehouse.findAllocation(orgId, allocationId);
      return toAllocationDto(after ?? row);
    },

    async allocations(orgId: string, skuId: string): Promise<StockAllocationDto[]> {
      return (await repos.warehouse.allocations(orgId, skuId)).map(toAllocationDto);
    },
  };
}
export type WarehouseService = ReturnType<typeof createWarehouseService>;

export function toReceiptDto(row: ReceiptRow): ReceiptDto {
  return {
    id: row.id,
    submissionId: row.submission_id,
    skuId: row.sku_id,
    spec: row.spec,
    productTitle: row.product_title,
    quantity: row.quantity,
    location: row.location,
    note: row.note,
    actor: { type: row.actor_type, id: row.actor_id },
    at: row.at.toISOString(),
  };
}

function toStockDto(row: StockRow): StockDto {
  return {
    skuId: row.sku_id,
    spec: row.spec,
    productId: row.product_id,
    productTitle: row.product_title,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    receivedQty: row.received,
    allocatedQty: row.allocated,
    soldQty: row.sold,
    availableQty: row.received - row.allocated - row.sold,
    locations: row.locations,
  };
}

function toAllocationDto(row: AllocationRow): StockAllocationDto {
  return {
    id: row.id,
    skuId: row.sku_id,
    quantity: row.quantity,
    reference: row.reference,
    at: row.at.toISOString(),
    releasedAt: row.released_at ? row.released_at.toISOString() : null,
  };
}
