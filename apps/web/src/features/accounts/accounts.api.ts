import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';

/** The account matrix: platforms an account can live on. */
export const platforms = ['douyin', 'kuaishou', 'taobao', 'xiaohongshu', 'wechat_channels'] as const;
export type Platform = (typeof platforms)[number];

export interface Room {
  id: string;
  name: string;
  location: string | null;
  archived: boolean;
  createdAt: string;
}

export interface Anchor {
  id: string;
  name: string;
  membershipId: string | null;
  archived: boolean;
  createdAt: string;
}

export interface PlatformAccount {
  id: string;
  platform: Platform;
  handle: string;
  displayName: string;
  archived: boolean;
  createdAt: string;
}

const withArchived = '?includeArchived=true';

export const roomsApi = {
  list: (signal?: AbortSignal) => api.get<ListResponse<Room>>(`/api/v1/rooms${withArchived}`, { signal }),
  create: (input: { name: string; location?: string | null }) => api.post<Room>('/api/v1/rooms', input),
  update: (id: string, patch: { name?: string; location?: string | null; archived?: boolean }) =>
    api.patch<Room>(`/api/v1/rooms/${encodeURIComponent(id)}`, patch),
};

export const anchorsApi = {
  list: (signal?: AbortSignal) => api.get<ListResponse<Anchor>>(`/api/v1/anchors${withArchived}`, { signal }),
  create: (input: { name: string; membershipId?: string | null }) =>
    api.post<Anchor>('/api/v1/anchors', input),
  update: (id: string, patch: { name?: string; membershipId?: string | null; archived?: boolean }) =>
    api.patch<Anchor>(`/api/v1/anchors/${encodeURIComponent(id)}`, patch),
};

export const accountsApi = {
  list: (signal?: AbortSignal) =>
    api.get<ListResponse<PlatformAccount>>(`/api/v1/platform-accounts${withArchived}`, { signal }),
  create: (input: { platform: Platform; handle: string; displayName: string }) =>
    api.post<PlatformAccount>('/api/v1/platform-accounts', input),
  update: (id: string, patch: { handle?: string; displayName?: string; archived?: boolean }) =>
    api.patch<PlatformAccount>(`/api/v1/platform-accounts/${encodeURIComponent(id)}`, patch),
};

export interface Resources {
  rooms: Room[];
  anchors: Anchor[];
  accounts: PlatformAccount[];
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
