import { demoLineups } from '@livecloud/platforms';
import { describe, expect, it } from 'vitest';
import { specOf } from './demo-operation.js';

describe('the demo catalogue’s SKU specs', () => {
  const items = Object.values(demoLineups).flat();

  it('gives every fixture SKU its own spec, written as a Chinese catalogue writes it', () => {
    for (const item of items) {
      const spec = specOf(item);
      expect(spec, item.skuId).not.toBe('标准装');
      // Not an id tail such as `5bag`, `12box` or `5pair`.
      expect(spec, item.skuId).not.toMatch(/bag|box|pair|^\d+p$|_/);
    }
  });

  it('falls back to the standard pack when a fixture has no SKU', () => {
    expect(specOf({ ...items[0]!, skuId: undefined })).toBe('标准装');
  });
});
