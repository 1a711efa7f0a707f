import type { AuditActor } from '@livecloud/access';
import { AppError, newId, type Clock } from '@livecloud/core';
import { requireProduct, requireSku } from './catalogue-lookup.js';
import type { AuditRecorder, CatalogueEntry, SelectionCatalogue } from './ports.js';
import { parsePriceCsv, priceCsvColumns, type PriceCsvRow } from './price-csv.js';
import type {
  NewPriceObservation,
  PriceObservationRepository,
  PriceObservationRow,
} from './price-observation.repository.js';
import type {
  CreateObservationInput,
  ImportReportDto,
  ImportRowDto,
  ObservationDto,
} from './price.schema.js';

/** How far ahead of the server's clock an observation time may be: clocks drift, prices do not come from the future. */
export const futureSkewMs = 5 * 60_000;

/** Prices seen elsewhere (比价): recorded one by one or imported from a sheet, listed, deleted with audit. */
export function createPriceObservationService(deps: {
  observations: PriceObservationRepository;
  catalogue: SelectionCatalogue;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { observations, catalogue } = deps;

  return {
    async create(orgId: string, input: CreateObservationInput, actor: AuditActor): Promise<ObservationDto> {
      const product = await requireProduct(catalogue, orgId, input.productId);
      if (input.skuId) requireSku(product, input.skuId);
      const now = deps.clock.now();
      const observedAt = input.observedAt ?? now;
      if (observedAt > now + futureSkewMs) {
        throw AppError.invalid('observed_in_future', 'A price cannot have been seen in the future', {
          observedAt: new Date(observedAt).toISOString(),
        });
      }
      const row: NewPriceObservation = {
        id: newId('pob', now),
        org_id: orgId,
        product_id: product.id,
        sku_id: input.skuId ?? null,
        source: input.source,
        platform: input.platform ?? null,
        price_fen: input.priceFen,
        observed_at: new Date(observedAt),
        reference: input.reference || null,
        note: input.note || null,
        created_by_type: actor.type,
        created_by: actor.id,
        created_at: new Date(now),
      };
      await observations.insert([row]);
      await deps.audit.record(orgId, actor, {
        action: 'price_observation.create',
        targetType: 'product',
        targetId: product.id,
        details: {
          observationId: row.id,
          skuId: row.sku_id,
          priceFen: row.price_fen,
          platform: row.platform,
        },
      });
      const saved = await observations.find(orgId, row.id);
      if (!saved) throw new Error(`price observation ${row.id} vanished after insert`);
      return toObservationDto(saved);
    },

    /**
     * A sheet of prices: every row is answered, taken or rejected with its reasons, and one bad
     * row never costs the good ones. The taken rows go in with one statement.
     */
    async importCsv(orgId: string, csv: string, actor: AuditActor): Promise<ImportReportDto> {
      const parsed = parsePriceCsv(csv);
      const now = deps.clock.now();
      const ids = [...new Set(parsed.rows.map((r) => r.productId).filter((id) => id !== ''))];
      const products = new Map<string, CatalogueEntry>(
        ids.length === 0 ? [] : (await catalogue.products(orgId, ids)).map((p) => [p.id, p]),
      );
      const label = (column: keyof typeof priceCsvColumns) => priceCsvColumns[column][0];
      const rejected = (row: PriceCsvRow, reasons: ImportRowDto['reasons']): ImportRowDto => ({
        line: row.line,
        productId: row.productId,
        skuId: row.skuId,
        status: 'rejected',
        observationId: null,
        reasons,
      });

      const rows: NewPriceObservation[] = [];
      const answers = parsed.rows.map((row): ImportRowDto => {
        const values = row.values;
        if (!values) {
          return rejected(
            row,
            row.issues.map((i) => ({
              column: i.column ? label(i.column) : null,
              code: i.code,
              message: i.message,
            })),
          );
        }
        const product = products.get(values.productId);
        if (!product) {
          return rejected(row, [
            {
              column: label('productId'),
              code: 'product_not_found',
              message: `No product ${values.productId}`,
            },
          ]);
        }
        if (values.skuId !== null && !product.skus.some((s) => s.id === values.skuId)) {
          return rejected(row, [
            {
              column: label('skuId'),
              code: 'sku_not_found',
              message: `${product.title} has no SKU ${values.skuId}`,
            },
          ]);
        }
        const observedAt = values.observedAt ?? now;
        if (observedAt > now + futureSkewMs) {
          return rejected(row, [
            { column: label('observedAt'), code: 'observed_in_future', message: 'The time is in the future' },
          ]);
        }
        const id = newId('pob', now);
        rows.push({
          id,
          org_id: orgId,
          product_id: product.id,
          sku_id: values.skuId,
          source: 'import',
          platform: values.platform,
          price_fen: values.priceFen,
          observed_at: new Date(observedAt),
          reference: values.reference,
          note: values.note,
          created_by_type: actor.type,
          created_by: actor.id,
          created_at: new Date(now),
        });
        return {
          line: row.line,
          productId: product.id,
          skuId: values.skuId,
          status: 'taken',
          observationId: id,
          reasons: [],
        };
      });
      await observations.insert(rows);
      const taken = rows.length;
      await deps.audit.record(orgId, actor, {
        action: 'price_observation.import',
        targetType: 'organisation',
        targetId: orgId,
        details: { total: answers.length, taken, rejected: answers.length - taken },
      });
      return {
        total: answers.length,
        taken,
        rejected: answers.length - taken,
        ignoredColumns: parsed.ignoredColumns,
        rows: answers,
      };
    },

    async list(
      orgId: string,
      productId: string,
      filter: { skuId?: string | undefined; limit: number },
    ): Promise<ObservationDto[]> {
      const product = await requireProduct(catalogue, orgId, productId);
      if (filter.skuId !== undefined) requireSku(product, filter.skuId);
      return (await observations.list(orgId, productId, filter)).map(toObservationDto);
    },

    /** Deletes a wrong observation; the audit entry keeps what it said. */
    async remove(orgId: string, id: string, actor: AuditActor): Promise<ObservationDto> {
      const row = await observations.find(orgId, id);
      if (!row || !(await observations.delete(orgId, id))) throw AppError.notFound('price_observation', id);
      await deps.audit.record(orgId, actor, {
        action: 'price_observation.delete',
        targetType: 'product',
        targetId: row.product_id,
        details: {
          observationId: id,
          skuId: row.sku_id,
          source: row.source,
          platform: row.platform,
          priceFen: row.price_fen,
          observedAt: row.observed_at.toISOString(),
        },
      });
      return toObservationDto(row);
    },
  };
}
export type PriceObservationService = ReturnType<typeof createPriceObservationService>;

export function toObservationDto(row: PriceObservationRow): ObservationDto {
  return {
    id: row.id,
    productId: row.product_id,
    skuId: row.sku_id,
    source: row.source,
    platform: row.platform,
    priceFen: row.price_fen,
    observedAt: row.observed_at.toISOString(),
    reference: row.reference,
    note: row.note,
    createdBy: { type: row.created_by_type, id: row.created_by },
    createdAt: row.created_at.toISOString(),
  };
}
