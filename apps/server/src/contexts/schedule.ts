import type { Access } from '@livecloud/access';
import type { Commerce } from '@livecloud/commerce';
import type { Clock } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import {
  createSchedule,
  type LowestPriceProvider,
  type ProductCatalogue,
  type Schedule,
  type StaffDirectory,
  type StockReservations,
} from '@livecloud/schedule';
import { orUndefined } from './not-found.js';

/**
 * The commerce catalogue as line-up validation asks it: approval by the furthest submission
 * status, stock net of allocations. A product never submitted reports status `not_submitted`.
 */
export function lineupCatalogue(commerce: Pick<Commerce, 'catalogue'>): ProductCatalogue {
  return {
    async products(orgId, productIds) {
      return (await commerce.catalogue.products(orgId, productIds)).map((p) => ({
        id: p.id,
        title: p.title,
        approved: p.approved,
        status: p.status ?? 'not_submitted',
        categoryIds: p.categoryPath,
        categoryNames: p.categoryNames,
        skus: p.skus.map((s) => ({
          id: s.id,
          name: s.spec,
          listPriceFen: s.listPriceFen,
          costFen: s.costFen,
        })),
      }));
    },
    availableStock: (orgId, skuIds, except) => commerce.catalogue.availableStock(orgId, skuIds, except),
  };
}

/** Line-up items hold their stock as commerce warehouse allocations. */
export function lineupReservations(commerce: Pick<Commerce, 'warehouse'>): StockReservations {
  return {
    reserve: (orgId, reservation, actor) => commerce.warehouse.reserve(orgId, reservation, actor),
    release: (orgId, reference, actor) => commerce.warehouse.releaseReference(orgId, reference, actor),
  };
}

/** The staff directory an anchor links to (a member with the anchor role), from access. */
export function staffDirectory(access: Pick<Access, 'staff'>): StaffDirectory {
  return {
    async member(orgId, membershipId) {
      const staff = await orUndefined(access.staff.get(orgId, membershipId));
      if (!staff) return undefined;
      return { id: staff.id, name: staff.name, role: staff.role, status: staff.status };
    },
  };
}

/**
 * The scheduling context over the records store: access provides the audit log and the staff
 * directory; the catalogue (commerce) and lowest prices (selection) are optional, and line-ups
 * skip their checks without them.
 */
export function openSchedule(
  base: { records: RecordsDb; clock: Clock; access: Access },
  providers: { commerce?: Pick<Commerce, 'catalogue' | 'warehouse'>; prices?: LowestPriceProvider } = {},
): Schedule {
  return createSchedule({
    db: base.records.db,
    clock: base.clock,
    audit: base.access.audit,
    staff: staffDirectory(base.access),
    catalogue: providers.commerce ? lineupCatalogue(providers.commerce) : undefined,
    prices: providers.prices,
    reservations: providers.commerce ? lineupReservations(providers.commerce) : undefined,
  });
}
