import { recordsEngines } from '@livecloud/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDepositInput } from '../src/deposit.schema.js';
import {
  approvedMerchant,
  openCommerceWorld,
  product,
  staffActor,
  type CommerceWorld,
} from './commerce-fixture.js';

describe.each(recordsEngines)('deposit coverage of an approval on %s', (engine) => {
  let w: CommerceWorld;
  let merchantId: string;
  beforeEach(async () => {
    w = await openCommerceWorld(engine);
    merchantId = await approvedMerchant(w, 1, [w.categories.beauty]);
    await w.commerce.qc.createTemplate(
      w.orgId,
      { categoryId: w.categories.beauty, name: '美妆检验', items: [{ label: '外观无破损', required: true }] },
      staffActor,
    );
  });
  afterEach(async () => {
    await w.store.dispose();
  });

  const entry = (input: RecordDepositInput) =>
    w.commerce.deposits.record(w.orgId, merchantId, input, staffActor);

  /** A skincare submission (requires ¥8,000) whose sample passed QC. */
  const passedQc = async (): Promise<string> => {
    const { productId } = await product(w, merchantId, w.categories.skincare);
    const { id } = await w.commerce.submissions.create(
      w.orgId,
      merchantId,
      { productId, target: 'pool' },
      staffActor,
    );
    for (const to of ['shortlisted', 'sample_requested', 'sample_received'] as const)
      await w.commerce.submissions.transition(w.orgId, id, { to }, staffActor);
    const template = await w.commerce.qc.templateForSubmission(w.orgId, id);
    await w.commerce.qc.inspect(
      w.orgId,
      id,
      { results: template.items.map((i) => ({ key: i.key, passed: true, photoIds: [] })) },
      staffActor,
    );
    return id;
  };

  it('does not count frozen money towards the requirement, and counts it again once unfrozen', async () => {
    const id = await passedQc();
    await entry({ kind: 'paid', amountFen: 1_000_000, reason: '保证金' });
    await entry({ kind: 'frozen', amountFen: 300_000, reason: '客诉冻结' });
    const detail = await w.commerce.submissions.get(w.orgId, id);
    expect(detail.deposit).toEqual({
      requiredFen: 800_000,
      balanceFen: 1_000_000,
      availableFen: 700_000,
      sufficient: false,
    });
    await expect(
      w.commerce.submissions.transition(w.orgId, id, { to: 'approved' }, staffActor),
    ).rejects.toMatchObject({
      code: 'deposit_insufficient',
      details: { requiredFen: 800_000, balanceFen: 1_000_000, availableFen: 700_000, shortfallFen: 100_000 },
    });
    await entry({ kind: 'unfrozen', amountFen: 300_000, reason: '客诉了结' });
    expect(
      (await w.commerce.submissions.transition(w.orgId, id, { to: 'approved' }, staffActor)).status,
    ).toBe('approved');
  });
});
