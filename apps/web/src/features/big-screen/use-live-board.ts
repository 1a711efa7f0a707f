import type { LiveBoard } from '@livecloud/live/schemas';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { bigScreenApi } from './big-screen.api';

/**
 * - `connecting`: the first answer has not arrived yet;
 * - `live`: the stream is open;
 * - `reconnecting`: the stream dropped (server restart, network) and is being opened again;
 * - `stopped`: the server answered that this board cannot be shown (not found, forbidden).
 */
export type LiveConnection = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface LiveBoardState {
  board: LiveBoard | null;
  connection: LiveConnection;
  /** The last failure of a plain read; shown only while there is no board. */
  error: unknown;
  /** Browser time the last board arrived. */
  receivedAt: number | null;
}

/** Answers after which retrying cannot help until the user does something. */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404);
}

/** A stream that delivered nothing for this long is backed up by a plain read (a proxy may be buffering it). */
const quietMs = 15_000;
const maxBackoffMs = 30_000;

/**
 * The board of one session, kept current over Server-Sent Events. The browser's EventSource
 * reconnects by itself after a dropped connection (the server asks for 2 s); when it gives up
 * (a non-200 answer, e.g. while the server restarts behind a proxy) this hook reads the board
 * once to learn why and opens a new stream with a growing delay. Boards older than the one
 * shown are ignored, so the first read and the stream can race harmlessly.
 */
export function useLiveBoard(sessionId: string): LiveBoardState {
  const [state, setState] = useState<LiveBoardState>({
    board: null,
    connection: 'connecting',
    error: null,
    receivedAt: null,
  });

  useEffect(() => {
    setState({ board: null, connection: 'connecting', error: null, receivedAt: null });
    const controller = new AbortController();
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let lastBoardAt = Date.now();
    let stopped = false;

    const accept = (board: LiveBoard): void => {
      if (board.sessionId !== sessionId) return;
      lastBoardAt = Date.now();
      setState((previous) =>
        previous.board !== null && board.asOf < previous.board.asOf
          ? previous
          : { ...previous, board, error: null, receivedAt: lastBoardAt },
      );
    };

    const read = async (): Promise<unknown> => {
      try {
        accept(await bigScreenApi.board(sessionId, controller.signal));
        return null;
      } catch (error) {
        if (controller.signal.aborted) return null;
        setState((previous) => ({ ...previous, error }));
        return error;
      }
    };

    const stop = (): void => {
      stopped = true;
      source?.close();
      source = null;
      setState((previous) => ({ ...previous, connection: 'stopped' }));
    };

    const open = (): void => {
      if (controller.signal.aborted || stopped) return;
      const stream = new EventSource(bigScreenApi.streamUrl(sessionId), { withCredentials: true });
      source = stream;
      stream.addEventListener('open', () => {
        attempts = 0;
        setState((previous) => ({ ...previous, connection: 'live' }));
      });
      stream.addEventListener('board', (event: MessageEvent<string>) => {
        try {
          accept(JSON.parse(event.data) as LiveBoard);
        } catch {
          // A frame that is not JSON is skipped; the next one replaces it within a second.
        }
      });
      // Access ended while watching (off-boarded, key revoked, signed out): the read tells why.
      stream.addEventListener('ended', () => {
        stream.close();
        source = null;
        void read().then((error) => (isFinal(error) ? stop() : open()));
      });
      stream.addEventListener('error', () => {
        if (controller.signal.aborted || source !== stream) return;
        setState((previous) => ({ ...previous, connection: 'reconnecting' }));
        // CONNECTING: the browser retries by itself. CLOSED: it gave up, so we take over.
        if (stream.readyState !== EventSource.CLOSED) return;
        stream.close();
        source = null;
        const delay = Math.min(maxBackoffMs, 1_000 * 2 ** attempts);
        attempts += 1;
        retryTimer = setTimeout(() => {
          void read().then((error) => (isFinal(error) ? stop() : open()));
        }, delay);
      });
    };

    void read().then((error) => (isFinal(error) ? stop() : open()));

    const watchdog = setInterval(() => {
      if (!stopped && Date.now() - lastBoardAt > quietMs) {
        lastBoardAt = Date.now();
        void read();
      }
    }, 5_000);

    return () => {
      controller.abort();
      clearTimeout(retryTimer);
      clearInterval(watchdog);
      source?.close();
      source = null;
    };
  }, [sessionId]);

  return state;
}
