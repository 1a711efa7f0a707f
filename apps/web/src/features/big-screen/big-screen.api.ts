import { api } from '../../api/client';
import type { ListResponse } from '../../api/types';
import type { LiveBoard, LiveSessionSummary } from './live-board.types';

const sessionPath = (sessionId: string) => `/api/v1/sessions/${encodeURIComponent(sessionId)}/live`;

export const bigScreenApi = {
  /** Recent live sessions of the organisation, newest first. */
  sessions: (signal: AbortSignal) =>
    api.get<ListResponse<LiveSessionSummary>>('/api/v1/live/sessions', { signal }),
  /** One session's board (snapshot and comparisons). */
  board: (sessionId: string, signal?: AbortSignal) => api.get<LiveBoard>(sessionPath(sessionId), { signal }),
  /** The Server-Sent Events stream of the board: `event: board` frames, heartbeats as comments. */
  streamUrl: (sessionId: string) => `${sessionPath(sessionId)}/stream`,
};
