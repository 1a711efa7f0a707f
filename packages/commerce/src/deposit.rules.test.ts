import { describe, expect, it } from 'vitest';
import { checkDepositEntry, summarise } from './deposit.rules.js';

const sums = { paid: 1_000_000, frozen: 300_000, unfrozen: 100_000, deducted: 50_000, refunded: 0 };

describe('deposit ledger rules', () => {
  it('derives balance and available from the sums', () => {
    expect(summarise(sums)).toEqual({
      paidFen: 1_000_000,
      deductedFen: 50_000,
      refundedFen: 0,
      frozenFen: 200_000,
      balanceFen: 950_000,
      availableFen: 750_000,
    });
  });

  it('spends only available money on freezing, deducting and refunding', () => {
    for (const kind of ['frozen', 'deducted', 'refunded'] as const) {
      expect(checkDepositEntry(sums, kind, 750_000)).toBeNull();
      expect(checkDepositEntry(sums, kind, 750_001)).toMatchObject({
        code: 'deposit_exceeds_available',
        details: { availableFen: 750_000 },
      });
    }
  });

  it('unfreezes only what is frozen, and always takes a payment', () => {
    expect(checkDepositEntry(sums, 'unfrozen', 200_000)).toBeNull();
    expect(checkDepositEntry(sums, 'unfrozen', 200_001)).toMatchObject({
      code: 'deposit_exceeds_frozen',
      status: 409,
    });
    expect(checkDepositEntry(sums, 'paid', 1)).toBeNull();
  });
});
