import { z } from 'zod';
import { platforms } from '@livecloud/contracts/vocabulary';

/** The three things a session books: a room (直播间), anchors (主播) and a platform account (账号矩阵). */

const name = z.string().trim().min(1).max(100);
export const platformSchema = z.enum(platforms);

export const roomDto = z.object({
  id: z.string().describe('room id (room_…)'),
  name: z.string(),
  location: z.string().nullable(),
  archived: z.boolean(),
  createdAt: z.string(),
});
export type RoomDto = z.infer<typeof roomDto>;

export const createRoomInput = z.object({
  name,
  location: z.string().trim().max(200).nullish().describe('where the room is, e.g. 杭州基地 3 楼 A 厅'),
});
export type CreateRoomInput = z.infer<typeof createRoomInput>;

export const updateRoomInput = z
  .object({
    name: name.optional(),
    location: z.string().trim().max(200).nullish(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'give at least one field');
export type UpdateRoomInput = z.infer<typeof updateRoomInput>;

export const anchorDto = z.object({
  id: z.string().describe('anchor id (anc_…)'),
  name: z.string(),
  membershipId: z
    .string()
    .nullable()
    .describe('the staff membership (role anchor) that signs in as this anchor'),
  archived: z.boolean(),
  createdAt: z.string(),
});
export type AnchorDto = z.infer<typeof anchorDto>;

const membershipId = z
  .string()
  .min(1)
  .max(64)
  .nullish()
  .describe('a staff membership with role anchor, or null to unlink');

export const createAnchorInput = z.object({ name, membershipId });
export type CreateAnchorInput = z.infer<typeof createAnchorInput>;

export const updateAnchorInput = z
  .object({ name: name.optional(), membershipId, archived: z.boolean().optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'give at least one field');
export type UpdateAnchorInput = z.infer<typeof updateAnchorInput>;

export const platformAccountDto = z.object({
  id: z.string().describe('platform account id (acct_…)'),
  platform: platformSchema,
  handle: z.string().describe('the account’s id or handle on the platform'),
  displayName: z.string(),
  archived: z.boolean(),
  createdAt: z.string(),
});
export type PlatformAccountDto = z.infer<typeof platformAccountDto>;

export const createPlatformAccountInput = z.object({
  platform: platformSchema,
  handle: z.string().trim().min(1).max(100),
  displayName: name,
});
export type CreatePlatformAccountInput = z.infer<typeof createPlatformAccountInput>;

export const updatePlatformAccountInput = z
  .object({
    handle: z.string().trim().min(1).max(100).optional(),
    displayName: name.optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'give at least one field');
export type UpdatePlatformAccountInput = z.infer<typeof updatePlatformAccountInput>;

export const listResourcesQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('also list archived ones'),
});
