import { migrateToLatest, type RecordsDb } from '@livecloud/db';
import { openTestRecordsDb, recordsEngines } from '@livecloud/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { recordsMigrations } from '../src/records-migrations.js';

describe.each(recordsEngines)('records store on %s', (engine) => {
  let store: (RecordsDb & { dispose(): Promise<void> }) | undefined;
  afterEach(async () => {
    await store?.dispose();
    store = undefined;
  });

  it('treats a second migration run as a no-op', async () => {
    store = await openTestRecordsDb(engine);
    const report = await migrateToLatest(store.db, recordsMigrations);
    expect(report.applied).toEqual([]);
  });
});
