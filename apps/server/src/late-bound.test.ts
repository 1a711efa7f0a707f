import { describe, expect, it } from 'vitest';
import { lateBound } from './late-bound.js';

interface Prices {
  lowest(sku: string): Promise<number>;
}

describe('lateBound', () => {
  it('fails with an error naming the port when used before it is bound', () => {
    const prices = lateBound<Prices>('lowest prices');
    expect(() => prices.port.lowest('sku_1')).toThrow('The lowest prices port was used before it was bound');
  });

  it('delegates every call to the implementation once bound, with its own this', async () => {
    const prices = lateBound<Prices>('lowest prices');
    const implementation = {
      base: 100,
      async lowest(sku: string) {
        return sku === 'sku_1' ? this.base : 0;
      },
    };
    prices.bind(implementation);
    await expect(prices.port.lowest('sku_1')).resolves.toBe(100);
    await expect(prices.port.lowest('sku_2')).resolves.toBe(0);
  });

  it('refuses a second binding', () => {
    const prices = lateBound<Prices>('lowest prices');
    prices.bind({ lowest: async () => 1 });
    expect(() => prices.bind({ lowest: async () => 2 })).toThrow('bound already');
  });
});
