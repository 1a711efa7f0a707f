import { AppError, newId, type Clock } from '@livecloud/core';
import type { CategoryRepository, CategoryRow } from './category.repository.js';
import type { CategoryDto, CreateCategoryInput, UpdateCategoryInput } from './category.schema.js';
import { placeCategories, type CategoryPlace } from './category-tree.js';
import type { AuditActor, AuditRecorder } from './ports.js';

const maxDepth = 3;

/** The category tree and the deposit each category requires. */
export function createCategoryService(deps: {
  categories: CategoryRepository;
  audit: AuditRecorder;
  clock: Clock;
}) {
  const { categories } = deps;

  async function tree(orgId: string): Promise<{ rows: CategoryRow[]; places: Map<string, CategoryPlace> }> {
    const rows = await categories.list(orgId);
    return { rows, places: placeCategories(rows) };
  }

  async function get(orgId: string, id: string): Promise<CategoryDto> {
    const { rows, places } = await tree(orgId);
    const row = rows.find((r) => r.id === id);
    if (!row) throw AppError.notFound('category', id);
    return toCategoryDto(row, places);
  }

  return {
    tree,
    get,
    async list(orgId: string): Promise<CategoryDto[]> {
      const { rows, places } = await tree(orgId);
      return rows
        .map((row) => toCategoryDto(row, places))
        .sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
    },

    /** The deposit a merchant must hold to have a product of this category approved. */
    async requiredDepositFor(orgId: string, categoryId: string): Promise<number> {
      const { places } = await tree(orgId);
      const place = places.get(categoryId);
      if (!place) throw AppError.notFound('category', categoryId);
      return place.effectiveRequiredDepositFen;
    },

    async create(orgId: string, input: CreateCategoryInput, actor: AuditActor): Promise<CategoryDto> {
      const parentId = input.parentId ?? null;
      if (parentId !== null) {
        const { places } = await tree(orgId);
        const parent = places.get(parentId);
        if (!parent)
          throw AppError.invalid(
            'category_parent_not_found',
            `There is no category ${parentId} to put this under`,
          );
        if (parent.depth + 1 >= maxDepth) {
          throw AppError.invalid('category_too_deep', `Categories nest at most ${maxDepth} levels`);
        }
      }
      if (await categories.findSibling(orgId, parentId, input.name)) {
        throw AppError.conflict('category_exists', `A category named ${input.name} already exists here`);
      }
      const id = newId('cat', deps.clock.now());
      await categories.insert({
        id,
        org_id: orgId,
        parent_id: parentId,
        name: input.name,
        required_deposit_fen: input.requiredDepositFen,
      });
      await deps.audit.record(orgId, actor, {
        action: 'category.create',
        targetType: 'category',
        targetId: id,
        details: { name: input.name, parentId, requiredDepositFen: input.requiredDepositFen },
      });
      return get(orgId, id);
    },

    async update(
      orgId: string,
      id: string,
      input: UpdateCategoryInput,
      actor: AuditActor,
    ): Promise<CategoryDto> {
      const row = await categories.findById(orgId, id);
      if (!row) throw AppError.notFound('category', id);
      if (input.name !== undefined && input.name !== row.name) {
        if (await categories.findSibling(orgId, row.parent_id, input.name)) {
          throw AppError.conflict('category_exists', `A category named ${input.name} already exists here`);
        }
      }
      await categories.update(orgId, id, {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.requiredDepositFen === undefined ? {} : { required_deposit_fen: input.requiredDepositFen }),
        updated_at: new Date(deps.clock.now()),
      });
      await deps.audit.record(orgId, actor, {
        action: 'category.update',
        targetType: 'category',
        targetId: id,
        details: { ...input, previous: { name: row.name, requiredDepositFen: row.required_deposit_fen } },
      });
      return get(orgId, id);
    },
  };
}
export type CategoryService = ReturnType<typeof createCategoryService>;

function toCategoryDto(row: CategoryRow, places: Map<string, CategoryPlace>): CategoryDto {
  const place = places.get(row.id);
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    path: place?.path ?? row.name,
    depth: place?.depth ?? 0,
    requiredDepositFen: row.required_deposit_fen,
    effectiveRequiredDepositFen: place?.effectiveRequiredDepositFen ?? row.required_deposit_fen,
    createdAt: row.created_at.toISOString(),
  };
}
