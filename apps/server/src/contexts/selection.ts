import type { Access } from '@livecloud/access';
import type { SalesHistory } from '@livecloud/analytics';
import type { Commerce } from '@livecloud/commerce';
import type { Clock } from '@livecloud/core';
import type { RecordsDb } from '@livecloud/db';
import type { Schedule } from '@livecloud/schedule';
import {
  createSelection,
  type Selection,
  type SelectionCatalogue,
  type SessionRequirementsSource,
} from '@livecloud/selection';
import { orUndefined } from './not-found.js';

/** Commerce's catalogue read model is selection's catalogue as it is. */
export function selectionCatalogue(commerce: Pick<Commerce, 'catalogue'>): SelectionCatalogue {
  return {
    products: (orgId, productIds) => commerce.catalogue.products(orgId, productIds),
    list: (orgId, filter) => commerce.catalogue.list(orgId, filter),
  };
}

/** Sessions and their product-pool requirements, from scheduling. */
export function selectionSessions(
  schedule: Pick<Schedule, 'sessions' | 'requirements'>,
): SessionRequirementsSource {
  return {
    async session(orgId, sessionId) {
      const session = await orUndefined(schedule.sessions.get(orgId, sessionId));
      if (!session) return undefined;
      const { id, title, plannedStart, plannedEnd, status } = session;
      return { id, title, plannedStart, plannedEnd, status };
    },
    async sessions(orgId, range) {
      const sessions = await schedule.sessions.list(orgId, range);
      const started = sessions.filter((s) => {
        const start = Date.parse(s.plannedStart);
        return start >= range.from && start < range.to;
      });
      return Promise.all(
        started.map(async (s) => ({
          id: s.id,
          title: s.title,
          plannedStart: s.plannedStart,
          plannedEnd: s.plannedEnd,
          status: s.status,
          roomName: s.room.name,
          requirementCount: (await schedule.requirements.list(orgId, s.id)).length,
        })),
      );
    },
    async requirements(orgId, sessionId) {
      return (await schedule.requirements.list(orgId, sessionId)).map((r) => ({
        id: r.id,
        categories: r.categories,
        priceMinFen: r.priceMinFen,
        priceMaxFen: r.priceMaxFen,
        minMarginBp: r.minMarginBp,
        itemCount: r.count,
        note: r.note,
      }));
    },
  };
}

/** Selection (选品比价) over the records store, fed by commerce's catalogue, scheduling and past sales. */
export function openSelection(
  base: { records: RecordsDb; clock: Clock; access: Access },
  feeds: {
    commerce: Pick<Commerce, 'catalogue'>;
    schedule: Pick<Schedule, 'sessions' | 'requirements'>;
    sales: SalesHistory;
  },
): Selection {
  return createSelection({
    db: base.records.db,
    clock: base.clock,
    audit: base.access.audit,
    catalogue: selectionCatalogue(feeds.commerce),
    sales: feeds.sales,
    sessions: selectionSessions(feeds.schedule),
  });
}
