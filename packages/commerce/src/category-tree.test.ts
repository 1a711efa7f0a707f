import { describe, expect, it } from 'vitest';
import { findCategoryByText, isCategoryDeclared, placeCategories } from './category-tree.js';

const nodes = [
  { id: 'c1', parent_id: null, name: '美妆', required_deposit_fen: 500_000 },
  { id: 'c2', parent_id: 'c1', name: '护肤', required_deposit_fen: 0 },
  { id: 'c3', parent_id: 'c2', name: '面膜', required_deposit_fen: 900_000 },
  { id: 'c4', parent_id: null, name: '食品', required_deposit_fen: 0 },
  { id: 'c5', parent_id: 'c4', name: '面膜', required_deposit_fen: 0 },
];

describe('the category tree', () => {
  it('gives every category its path and the largest requirement on the way down', () => {
    const places = placeCategories(nodes);
    expect(places.get('c3')).toEqual({
      path: '美妆/护肤/面膜',
      depth: 2,
      effectiveRequiredDepositFen: 900_000,
      lineage: ['c1', 'c2', 'c3'],
    });
    expect(places.get('c2')?.effectiveRequiredDepositFen).toBe(500_000);
    expect(places.get('c4')?.effectiveRequiredDepositFen).toBe(0);
  });

  it('finds a category by full path or unique name and says when a name is ambiguous', () => {
    const places = placeCategories(nodes);
    expect(findCategoryByText(nodes, places, '美妆 / 护肤')).toEqual({ id: 'c2' });
    expect(findCategoryByText(nodes, places, '护肤')).toEqual({ id: 'c2' });
    expect(findCategoryByText(nodes, places, '面膜')).toBe('ambiguous');
    expect(findCategoryByText(nodes, places, '食品>面膜')).toEqual({ id: 'c5' });
    expect(findCategoryByText(nodes, places, '数码')).toBe('unknown');
  });

  it('lets a declared parent cover its children, never its siblings or its own parent', () => {
    const places = placeCategories(nodes);
    expect(isCategoryDeclared(places, ['c1'], 'c3')).toBe(true);
    expect(isCategoryDeclared(places, ['c2'], 'c2')).toBe(true);
    expect(isCategoryDeclared(places, ['c2'], 'c1')).toBe(false);
    expect(isCategoryDeclared(places, ['c1'], 'c5')).toBe(false);
    expect(isCategoryDeclared(places, [], 'c4')).toBe(false);
  });
});
