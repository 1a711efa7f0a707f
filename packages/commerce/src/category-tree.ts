/** The fields of a category the tree needs. */
export interface CategoryNode {
  id: string;
  parent_id: string | null;
  name: string;
  required_deposit_fen: number;
}

export interface CategoryPlace {
  path: string;
  depth: number;
  /** The largest requirement on the way from the root: a sub-category never needs less than its parent. */
  effectiveRequiredDepositFen: number;
  /** Ids from the root down to and including this category. */
  lineage: string[];
}

/** Paths, depths and effective deposit requirements of every category of a flat list. */
export function placeCategories(nodes: readonly CategoryNode[]): Map<string, CategoryPlace> {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const places = new Map<string, CategoryPlace>();
  const place = (node: CategoryNode, seen: Set<string>): CategoryPlace => {
    const known = places.get(node.id);
    if (known) return known;
    const parent = node.parent_id === null ? undefined : byId.get(node.parent_id);
    if (parent && seen.has(parent.id)) throw new Error(`category cycle at ${node.id}`);
    const above = parent ? place(parent, new Set([...seen, node.id])) : undefined;
    const result: CategoryPlace = {
      path: above ? `${above.path}/${node.name}` : node.name,
      depth: above ? above.depth + 1 : 0,
      effectiveRequiredDepositFen: Math.max(
        node.required_deposit_fen,
        above?.effectiveRequiredDepositFen ?? 0,
      ),
      lineage: [...(above?.lineage ?? []), node.id],
    };
    places.set(node.id, result);
    return result;
  };
  for (const node of nodes) place(node, new Set([node.id]));
  return places;
}

/**
 * Finds a category by what a person typed: a full path (美妆/护肤) or a unique name. Returns
 * `ambiguous` when the name exists in several branches.
 */
export function findCategoryByText(
  nodes: readonly CategoryNode[],
  places: ReadonlyMap<string, CategoryPlace>,
  text: string,
): { id: string } | 'unknown' | 'ambiguous' {
  const wanted = text
    .split(/[/>＞／]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('/');
  if (wanted === '') return 'unknown';
  const byPath = nodes.find((n) => places.get(n.id)?.path === wanted);
  if (byPath) return { id: byPath.id };
  const byName = nodes.filter((n) => n.name === wanted);
  if (byName.length === 1 && byName[0]) return { id: byName[0].id };
  return byName.length > 1 ? 'ambiguous' : 'unknown';
}

/** Whether a category is one of the declared ones or sits under one: a declared parent covers its children. */
export function isCategoryDeclared(
  places: ReadonlyMap<string, CategoryPlace>,
  declaredIds: readonly string[],
  categoryId: string,
): boolean {
  const lineage = places.get(categoryId)?.lineage ?? [categoryId];
  return lineage.some((id) => declaredIds.includes(id));
}
