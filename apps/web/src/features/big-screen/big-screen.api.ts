import type { ListOf } from '@livecloud/contracts';
import type { LiveBoard, RecentSessionDto } from '@livecloud/live/schemas';
import { api } from '../../api/client';

const sessionPath = (sessionId: string) => `/api/v1/sessions/${encodeURIComponent(sessionId)}/live`;

export const bigScreenApi = {
  /** Recent live sessions of the organisation, newest first. */
  sessions: (signal: AbortSignal) => api.get<ListOf<RecentSessionDto>>('/api/v1/live/sessions', { signal }),
  /** One session's board (snapshot and comparisons). */
  board: (sessionId: string, signal?: AbortSignal) => api.get<LiveBoard>(sessionPath(sessionId), { signal }),
  /** The Server-Sent Events stream of the board: `event: board` frames, heartbeats as comments. */
  streamUrl: (sessionId: string) => `${sessionPath(sessionId)}/stream`,
};
