import { createAccess, type Access } from '@livecloud/access';
import type { ProductSalesRecord } from '@livecloud/analytics';
import { createFakeClock, type FakeClock } from '@livecloud/core';
import type { RecordsDb, RecordsEngine } from '@livecloud/db';
import { openTestRecordsDb } from '@livecloud/db/testing';
import {
  createSelection,
  type CatalogueEntry,
  type Selection,
  type SelectionSession,
  type SessionRequirement,
} from '../src/index.js';

export const system = { type: 'system' as const, id: null };
export const buyer = { type: 'user' as const, id: 'usr_selection' };
export const hour = 3600_000;
export const day = 24 * hour;

/** Wednesday 2026-11-25 08:00 UTC (16:00 in Shanghai). */
export const t0 = Date.UTC(2026, 10, 25, 8);

/**
 * 美妆 › 彩妆 › 口红 and 美妆 › 护肤, plus 食品: a lipstick with two shades, a serum and a snack.
 * Money in fen; the serum is not approved yet.
 */
export function demoCatalogue(): CatalogueEntry[] {
  const base = { merchantId: 'mer_1', merchantName: '花西子旗舰店', brand: '花西子' };
  return [
    {
      ...base,
      id: 'prd_lipstick',
      title: '丝绒哑光口红',
      categoryId: 'cat_lip',
      categoryName: '口红',
      categoryPath: ['cat_lip', 'cat_makeup', 'cat_beauty'],
      categoryNames: ['口红', '彩妆', '美妆'],
      status: 'approved',
      approved: true,
      skus: [
        {
          id: 'sku_red',
          spec: '#999 正红',
          listPriceFen: 15_900,
          livePriceFen: 8900,
          costFen: 4450,
          commissionBp: 2000,
          availableStock: 150,
        },
        {
          id: 'sku_pink',
          spec: '#520 豆沙',
          listPriceFen: 15_900,
          livePriceFen: 9900,
          costFen: 4950,
          commissionBp: 2000,
          availableStock: 0,
        },
      ],
    },
    {
      ...base,
      id: 'prd_serum',
      title: '玻尿酸精华',
      categoryId: 'cat_skin',
      categoryName: '护肤',
      categoryPath: ['cat_skin', 'cat_beauty'],
      categoryNames: ['护肤', '美妆'],
      status: 'sample_requested',
      approved: false,
      skus: [
        {
          id: 'sku_30ml',
          spec: '30ml',
          listPriceFen: 19_900,
          livePriceFen: 12_900,
          costFen: 4500,
          commissionBp: 3000,
          availableStock: 500,
        },
      ],
    },
    {
      merchantId: 'mer_2',
      merchantName: '三只松鼠',
      brand: '三只松鼠',
      id: 'prd_nuts',
      title: '每日坚果',
      categoryId: 'cat_food',
      categoryName: '食品',
      categoryPath: ['cat_food'],
      categoryNames: ['食品'],
      status: 'warehoused',
      approved: true,
      skus: [
        {
          id: 'sku_nuts_box',
          spec: '30 袋礼盒',
          listPriceFen: 16_900,
          livePriceFen: 9900,
          costFen: 7900,
          commissionBp: 1000,
          availableStock: 2000,
        },
      ],
    },
  ];
}

export function salesRecord(overrides: Partial<ProductSalesRecord>): ProductSalesRecord {
  return {
    sessionId: 'ses_past',
    productId: 'prd_lipstick',
    skuId: '',
    startedAt: t0 - 10 * day,
    explainSeconds: 600,
    impressions: 5000,
    clicks: 0,
    paidOrders: 0,
    units: 0,
    gmvFen: 0,
    refundFen: 0,
    minUnitPriceFen: null,
    accountId: '',
    source: '',
    explainSegments: 1,
    refundedOrders: 0,
    listedPriceFen: null,
    mechanism: null,
    ...overrides,
  };
}

/** In-memory stand-ins for commerce, the event store and scheduling, each per organisation. */
export interface Fakes {
  products: Map<string, CatalogueEntry[]>;
  sales: Map<string, ProductSalesRecord[]>;
  sessions: Map<string, { session: SelectionSession; requirements: SessionRequirement[] }[]>;
}

export interface World {
  store: RecordsDb & { dispose(): Promise<void> };
  clock: FakeClock;
  access: Access;
  selection: Selection;
  orgId: string;
  otherOrgId: string;
  fakes: Fakes;
}

/** Two organisations on a fresh store of the given engine; the catalogue is the first's only. */
export async function openWorld(engine: RecordsEngine): Promise<World> {
  const store = await openTestRecordsDb(engine);
  const clock = createFakeClock(t0);
  const access = createAccess({ db: store.db, clock, sessionTtlMs: 12 * hour });
  const orgId = (await access.organisations.create({ name: '星河直播', slug: 'xinghe' })).id;
  const otherOrgId = (await access.organisations.create({ name: '对手直播', slug: 'rival' })).id;
  const fakes: Fakes = {
    products: new Map([[orgId, demoCatalogue()]]),
    sales: new Map(),
    sessions: new Map(),
  };
  const selection = createSelection({
    db: store.db,
    clock,
    audit: access.audit,
    catalogue: {
      async products(org, ids) {
        return (fakes.products.get(org) ?? []).filter((p) => ids.includes(p.id));
      },
      async list(org, filter = {}) {
        return (fakes.products.get(org) ?? [])
          .filter((p) => !filter.approvedOnly || p.approved)
          .filter((p) => filter.categoryId === undefined || p.categoryPath.includes(filter.categoryId))
          .slice(0, filter.limit ?? 500);
      },
    },
    sales: {
      async productResults(org, filter = {}) {
        return (fakes.sales.get(org) ?? []).filter(
          (r) =>
            (filter.productIds === undefined || filter.productIds.includes(r.productId)) &&
            (filter.since === undefined || r.startedAt >= filter.since),
        );
      },
    },
    sessions: {
      async session(org, id) {
        return fakes.sessions.get(org)?.find((s) => s.session.id === id)?.session;
      },
      async requirements(org, id) {
        return fakes.sessions.get(org)?.find((s) => s.session.id === id)?.requirements ?? [];
      },
      async sessions(org, range) {
        return (fakes.sessions.get(org) ?? [])
          .filter((s) => {
            const start = Date.parse(s.session.plannedStart);
            return start >= range.from && start < range.to;
          })
          .map((s) => ({ ...s.session, roomName: '一号厅', requirementCount: s.requirements.length }));
      },
    },
  });
  return { store, clock, access, selection, orgId, otherOrgId, fakes };
}

/** Adds a planned session with requirements to the organisation's fake schedule. */
export function addSession(
  w: World,
  id: string,
  requirements: SessionRequirement[],
  status = 'planned',
): SelectionSession {
  const session = {
    id,
    title: '美妆专场',
    plannedStart: new Date(t0 + 4 * hour).toISOString(),
    plannedEnd: new Date(t0 + 7 * hour).toISOString(),
    status,
  };
  const list = w.fakes.sessions.get(w.orgId) ?? [];
  list.push({ session, requirements });
  w.fakes.sessions.set(w.orgId, list);
  return session;
}

export function requirement(id: string, overrides: Partial<SessionRequirement>): SessionRequirement {
  return {
    id,
    categories: [],
    priceMinFen: null,
    priceMaxFen: null,
    minMarginBp: null,
    itemCount: 1,
    note: null,
    ...overrides,
  };
}

/**
 * Closes the world's store, giving pg-pool a moment before the harness force-drops the test
 * database (see packages/schedule/test/fixtures.ts).
 */
export async function closeWorld(w: World): Promise<void> {
  await w.store.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await w.store.dispose();
}
