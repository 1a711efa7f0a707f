import type { ObservationSource, PricePlatform } from '@livecloud/contracts/vocabulary';
import type { Database, DefaultTimestamp, Kysely, Timestamp } from '@livecloud/db';

// Where a price was seen (session prices come from the event store and are never stored here)
// and how an observation got in.
export {
  observationSources,
  pricePlatforms,
  type ObservationSource,
  type PricePlatform,
} from '@livecloud/contracts/vocabulary';

type ActorType = 'user' | 'api_key' | 'system';

export type PriceObservationTable = {
  id: string;
  org_id: string;
  product_id: string;
  /** Null when the price holds for the whole product. */
  sku_id: string | null;
  source: ObservationSource;
  platform: PricePlatform | null;
  price_fen: number;
  observed_at: Timestamp;
  reference: string | null;
  note: string | null;
  created_by_type: ActorType;
  created_by: string | null;
  created_at: DefaultTimestamp;
};

export type SessionShortlistTable = {
  org_id: string;
  session_id: string;
  product_id: string;
  sku_id: string;
  note: string | null;
  added_by_type: ActorType;
  added_by: string | null;
  added_at: DefaultTimestamp;
};

/** The selection context's tables (migration 0005-selection), added with `db.withTables`. */
export type SelectionTables = {
  price_observations: PriceObservationTable;
  session_shortlists: SessionShortlistTable;
};

/** The records store with the selection tables visible to Kysely. */
export function selectionDb(db: Kysely<Database>): SelectionDb {
  return db.withTables<SelectionTables>();
}
export type SelectionDb = Kysely<Database & SelectionTables>;
