import { createAccess, type Access } from '@livecloud/access';
import { AppError, createFakeClock, type FakeClock } from '@livecloud/core';
import type { RecordsDb, RecordsEngine } from '@livecloud/db';
import { openTestRecordsDb } from '@livecloud/db/testing';
import {
  createSchedule,
  type LowestPriceProvider,
  type ProductCatalogue,
  type Schedule,
  type StaffDirectory,
  type StockReservations,
} from '../src/index.js';

export const system = { type: 'system' as const, id: null };
export const operator = { type: 'user' as const, id: 'usr_operator' };
export const hour = 3600_000;
export const minute = 60_000;

/** Wednesday 2026-11-25 08:00 UTC (16:00 in Shanghai). */
export const t0 = Date.UTC(2026, 10, 25, 8);

/** The access context as a staff directory, as the server composes it. */
export function staffDirectoryOf(access: Access): StaffDirectory {
  return {
    async member(orgId, membershipId) {
      try {
        const staff = await access.staff.get(orgId, membershipId);
        return { id: staff.id, name: staff.name, role: staff.role, status: staff.status };
      } catch (error) {
        if (error instanceof AppError && error.kind === 'not_found') return undefined;
        throw error;
      }
    },
  };
}

export interface World {
  store: RecordsDb & { dispose(): Promise<void> };
  clock: FakeClock;
  access: Access;
  schedule: Schedule;
  orgId: string;
  otherOrgId: string;
  /** Builds a schedule context over the same store with other providers. */
  withProviders(providers: {
    catalogue?: ProductCatalogue;
    prices?: LowestPriceProvider;
    reservations?: StockReservations;
  }): Schedule;
}

/** Two organisations on a fresh store of the given engine, and the scheduling context over it. */
export async function openWorld(engine: RecordsEngine): Promise<World> {
  const store = await openTestRecordsDb(engine);
  const clock = createFakeClock(t0);
  const access = createAccess({ db: store.db, clock, sessionTtlMs: 12 * hour });
  const orgId = (await access.organisations.create({ name: '星河直播', slug: 'xinghe' })).id;
  const otherOrgId = (await access.organisations.create({ name: '对手直播', slug: 'rival' })).id;
  const withProviders = (providers: {
    catalogue?: ProductCatalogue;
    prices?: LowestPriceProvider;
    reservations?: StockReservations;
  }) =>
    createSchedule({
      db: store.db,
      clock,
      audit: access.audit,
      staff: staffDirectoryOf(access),
      ...providers,
    });
  return { store, clock, access, schedule: withProviders({}), orgId, otherOrgId, withProviders };
}

/** A room, an account and two anchors in the organisation. */
export async function seedResources(schedule: Schedule, orgId: string) {
  const room = await schedule.resources.createRoom(
    orgId,
    { name: '杭州 A 厅', location: '杭州基地 3 楼' },
    system,
  );
  const room2 = await schedule.resources.createRoom(orgId, { name: '杭州 B 厅' }, system);
  const account = await schedule.resources.createAccount(
    orgId,
    { platform: 'douyin', handle: 'xinghe_beauty', displayName: '星河美妆' },
    system,
  );
  const account2 = await schedule.resources.createAccount(
    orgId,
    { platform: 'kuaishou', handle: 'xinghe_ks', displayName: '星河快手' },
    system,
  );
  const li = await schedule.resources.createAnchor(orgId, { name: '李主播' }, system);
  const wang = await schedule.resources.createAnchor(orgId, { name: '王主播' }, system);
  return { room, room2, account, account2, li, wang };
}

/**
 * Closes the world's store. The pool is closed first and given a moment before the harness
 * force-drops the test database: pg-pool's end() resolves before its clients' sockets have
 * closed, and a backend killed by `drop database … with (force)` in that window raises an
 * error on a client the pool no longer listens to.
 */
export async function closeWorld(w: World): Promise<void> {
  await w.store.close();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await w.store.dispose();
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
