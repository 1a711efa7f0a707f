import { describe, expect, it } from 'vitest';
import { livePriceWithinList, specIsUnique } from './sku-rules';

describe('the SKU rules the product form checks before the server does', () => {
  it('refuses a live price above the list price', () => {
    expect(livePriceWithinList('59.9', '69')).toBe(false);
    expect(livePriceWithinList('59.9', '59.9')).toBe(true);
    expect(livePriceWithinList('59.9', '39.9')).toBe(true);
    expect(livePriceWithinList('', '39.9')).toBe(true);
    expect(livePriceWithinList('abc', '39.9')).toBe(true);
  });

  it('refuses two SKUs with the same spec', () => {
    expect(specIsUnique(['1袋', ' 1袋 ', '2袋'], 0)).toBe(false);
    expect(specIsUnique(['1袋', ' 1袋 ', '2袋'], 2)).toBe(true);
    expect(specIsUnique(['', ''], 0)).toBe(true);
  });
});
