import type { ListOf } from '@livecloud/contracts';
import type {
  AnchorDto,
  PlatformAccountDto,
  RoomDto,
  createAnchorInput,
  createPlatformAccountInput,
  createRoomInput,
  updateAnchorInput,
  updatePlatformAccountInput,
  updateRoomInput,
} from '@livecloud/schedule/schemas';
import type { z } from 'zod';
import { api } from '../../api/client';

const withArchived = '?includeArchived=true';

export const roomsApi = {
  list: (signal?: AbortSignal) => api.get<ListOf<RoomDto>>(`/api/v1/rooms${withArchived}`, { signal }),
  create: (input: z.input<typeof createRoomInput>) => api.post<RoomDto>('/api/v1/rooms', input),
  update: (id: string, patch: z.input<typeof updateRoomInput>) =>
    api.patch<RoomDto>(`/api/v1/rooms/${encodeURIComponent(id)}`, patch),
};

export const anchorsApi = {
  list: (signal?: AbortSignal) => api.get<ListOf<AnchorDto>>(`/api/v1/anchors${withArchived}`, { signal }),
  create: (input: z.input<typeof createAnchorInput>) => api.post<AnchorDto>('/api/v1/anchors', input),
  update: (id: string, patch: z.input<typeof updateAnchorInput>) =>
    api.patch<AnchorDto>(`/api/v1/anchors/${encodeURIComponent(id)}`, patch),
};

export const accountsApi = {
  list: (signal?: AbortSignal) =>
    api.get<ListOf<PlatformAccountDto>>(`/api/v1/platform-accounts${withArchived}`, { signal }),
  create: (input: z.input<typeof createPlatformAccountInput>) =>
    api.post<PlatformAccountDto>('/api/v1/platform-accounts', input),
  update: (id: string, patch: z.input<typeof updatePlatformAccountInput>) =>
    api.patch<PlatformAccountDto>(`/api/v1/platform-accounts/${encodeURIComponent(id)}`, patch),
};

export interface Resources {
  rooms: RoomDto[];
  anchors: AnchorDto[];
  accounts: PlatformAccountDto[];
}

/** Rooms, anchors and accounts in one load, for pages that book them. */
export async function loadResources(signal: AbortSignal): Promise<Resources> {
  const [rooms, anchors, accounts] = await Promise.all([
    roomsApi.list(signal),
    anchorsApi.list(signal),
    accountsApi.list(signal),
  ]);
  return { rooms: rooms.items, anchors: anchors.items, accounts: accounts.items };
}
