import { z } from 'zod';
import type { EventEnvelopeInput } from '@livecloud/contracts';
import { AppError, systemClock, type Clock, type ErrorKind } from '@livecloud/core';
import type { SessionPlan } from './session-plan.schema.js';
import { simulateSession, type SimulatedSession } from './session-simulator.js';

/** Where streaming stands; reported after every batch. */
export interface CollectorProgress {
  /** Events in batches the collector answered with 2xx (retries of a batch count once). */
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  sessionsDone: number;
  eventsTotalEstimate: number;
}

/** How {@link streamToCollector} ended. */
export interface CollectorStreamResult extends CollectorProgress {
  /** True when the signal stopped the stream before every event was sent. */
  aborted: boolean;
  batches: number;
  /** Requests repeated after a network error, a 5xx or a 429. */
  retries: number;
  /** The first 100 events the collector rejected, with its reasons. */
  rejections: Array<{ id?: string; reason: string }>;
}

export interface StreamToCollectorOptions {
  /** Server root, e.g. `http://127.0.0.1:3000`; events go to `${baseUrl}/collect/v1/events`. */
  baseUrl: string;
  collectorKey: string;
  sessions: SessionPlan[];
  /** Events per request; default 500. */
  batchSize?: number;
  /** 1 = real time, 60 = sixty times faster, 0 = as fast as the collector takes them (default). */
  speed?: number;
  maxEventsPerSecond?: number;
  /** When paced, how long a started batch may wait for more events before it is sent; default 200 ms. */
  lingerMs?: number;
  /** Leave out payments and refunds that occur after their session ended. */
  skipAfterSessionEnd?: boolean;
  retry?: { baseDelayMs?: number; maxDelayMs?: number; maxAttempts?: number };
  signal?: AbortSignal;
  onProgress?: (progress: CollectorProgress) => void;
  fetchImpl?: typeof fetch;
  clock?: Clock;
}

const collectorAnswerSchema = z.looseObject({
  accepted: z.int().nonnegative(),
  duplicates: z.int().nonnegative(),
  rejected: z.array(z.looseObject({ index: z.int(), id: z.string().optional(), reason: z.string() })),
});
type CollectorAnswer = z.infer<typeof collectorAnswerSchema>;

const errorBodySchema = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string() }),
});

const kindByStatus: Readonly<Record<number, ErrorKind>> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const maxRejectionsKept = 100;
// setTimeout overflows past ~24.8 days; long waits (refunds days later at speed 1) go in chunks.
const maxSleepChunkMs = 60_000;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, Math.min(ms, maxSleepChunkMs));
    signal?.addEventListener('abort', done, { once: true });
  });
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function clientError(response: Response): Promise<AppError> {
  const text = await response.text().catch(() => '');
  let code = `collector_http_${response.status}`;
  let message = text.slice(0, 300) || response.statusText;
  try {
    const body = errorBodySchema.safeParse(JSON.parse(text));
    if (body.success) ({ code, message } = body.data.error);
  } catch {
    // Not JSON: keep the raw text as the message.
  }
  const kind = kindByStatus[response.status] ?? 'invalid';
  return new AppError(kind, code, `collector refused the batch (HTTP ${response.status}): ${message}`, {
    status: response.status,
  });
}

interface Stream {
  session: SimulatedSession;
  iterator: Generator<EventEnvelopeInput, unknown, undefined>;
  head: EventEnvelopeInput | undefined;
  headAt: number;
}

function advance(stream: Stream): void {
  const step = stream.iterator.next();
  stream.head = step.done === true ? undefined : step.value;
  stream.headAt = stream.head === undefined ? Infinity : Number(stream.head.occurredAt);
}

/**
 * Streams simulated sessions into a LiveCloud collector. Sessions interleave by `occurredAt`
 * and, when `speed` > 0, are paced against the wall clock. A batch that meets a network error, a
 * 5xx or a 429 is sent again unchanged — same ids, so the collector de-duplicates — with
 * exponential backoff (honouring Retry-After); any other 4xx stops the stream with an AppError
 * carrying the collector's code and message.
 *
 * Resolves with `aborted: true` when the signal fires; a batch in flight at that moment counts as
 * not sent (sending it again later is safe).
 */
export async function streamToCollector(options: StreamToCollectorOptions): Promise<CollectorStreamResult> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const { signal, onProgress } = options;
  // A function, not an inline check: TypeScript would keep a narrowed `aborted` across awaits.
  const isAborted = (): boolean => signal?.aborted === true;
  const speed = options.speed ?? 0;
  const lingerMs = options.lingerMs ?? 200;
  const maxRate = options.maxEventsPerSecond;
  const batchSize = Math.max(
    1,
    Math.min(options.batchSize ?? 500, maxRate === undefined ? Infinity : Math.floor(maxRate) || 1),
  );
  const baseDelayMs = options.retry?.baseDelayMs ?? 250;
  const maxDelayMs = options.retry?.maxDelayMs ?? 10_000;
  const maxAttempts = options.retry?.maxAttempts ?? 10;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/collect/v1/events`;

  const streams: Stream[] = options.sessions.map((plan) => {
    const session = simulateSession(plan);
    const stream: Stream = { session, iterator: session.events(), head: undefined, headAt: Infinity };
    advance(stream);
    return stream;
  });
  const result: CollectorStreamResult = {
    sent: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    sessionsDone: 0,
    eventsTotalEstimate: streams.reduce((sum, s) => sum + s.session.estimateEventCount(), 0),
    aborted: false,
    batches: 0,
    retries: 0,
    rejections: [],
  };
  const simStart = Math.min(...streams.map((s) => s.session.plan.startAt));
  const wallStart = clock.now();
  let finishedUnreported = streams.filter((s) => s.head === undefined).length;
  let batch: EventEnvelopeInput[] = [];
  let batchOpenedAt = 0;

  const report = (): void => {
    const { sent, accepted, duplicates, rejected, sessionsDone, eventsTotalEstimate } = result;
    onProgress?.({ sent, accepted, duplicates, rejected, sessionsDone, eventsTotalEstimate });
  };

  // POSTs one batch until it is answered; false when aborted.
  const post = async (events: EventEnvelopeInput[]): Promise<boolean> => {
    const body = JSON.stringify(events);
    for (let attempt = 1; ; attempt++) {
      if (isAborted()) return false;
      let wait: number | undefined;
      let failure: string;
      try {
        const response = await fetchImpl(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.collectorKey}` },
          body,
          signal: signal ?? null,
        });
        if (response.ok) {
          const answer = collectorAnswerSchema.safeParse(await response.json());
          if (!answer.success) {
            throw new AppError(
              'internal',
              'collector_bad_answer',
              `collector answered 2xx with an unexpected body: ${answer.error.message}`,
            );
          }
          record(events, answer.data);
          return true;
        }
        if (response.status !== 429 && response.status < 500) throw await clientError(response);
        await response.body?.cancel();
        wait = retryAfterMs(response);
        failure = `HTTP ${response.status}`;
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (isAborted()) return false;
        failure = error instanceof Error ? error.message : String(error);
      }
      if (attempt >= maxAttempts) {
        throw new AppError(
          'unavailable',
          'collector_unavailable',
          `collector still failing after ${attempt} attempts: ${failure}`,
          { url },
        );
      }
      result.retries++;
      await sleep(wait ?? Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)), signal);
    }
  };

  const record = (events: EventEnvelopeInput[], answer: CollectorAnswer): void => {
    result.batches++;
    result.sent += events.length;
    result.accepted += answer.accepted;
    result.duplicates += answer.duplicates;
    result.rejected += answer.rejected.length;
    for (const r of answer.rejected) {
      if (result.rejections.length >= maxRejectionsKept) break;
      const id = r.id ?? events[r.index]?.id;
      result.rejections.push(id === undefined ? { reason: r.reason } : { id, reason: r.reason });
    }
  };

  const flush = async (): Promise<boolean> => {
    if (batch.length > 0) {
      if (maxRate !== undefined) {
        // Zero-burst token bucket: the n-th event may leave no earlier than n / rate seconds in.
        await sleep(wallStart + (result.sent * 1000) / maxRate - clock.now(), signal);
      }
      const sending = batch;
      batch = [];
      if (!(await post(sending))) return false;
    }
    result.sessionsDone += finishedUnreported;
    finishedUnreported = 0;
    report();
    return true;
  };

  for (;;) {
    if (isAborted()) break;
    let next: Stream | undefined;
    for (const stream of streams)
      if (stream.head !== undefined && (next === undefined || stream.headAt < next.headAt)) next = stream;
    if (next === undefined || next.head === undefined) break;
    const event = next.head;
    if (options.skipAfterSessionEnd === true && next.headAt > next.session.endAt) {
      advance(next);
      if (next.head === undefined) finishedUnreported++;
      continue;
    }
    if (speed > 0) {
      const now = clock.now();
      const wait = wallStart + (next.headAt - simStart) / speed - now;
      if (wait > 0) {
        if (batch.length > 0 && now >= batchOpenedAt + lingerMs) {
          if (!(await flush())) break;
          continue;
        }
        await sleep(batch.length > 0 ? Math.min(wait, batchOpenedAt + lingerMs - now) : wait, signal);
        continue;
      }
    }
    if (batch.length === 0) batchOpenedAt = clock.now();
    batch.push(event);
    advance(next);
    if (next.head === undefined) finishedUnreported++;
    if (batch.length >= batchSize && !(await flush())) break;
  }
  if (!isAborted()) await flush();
  result.aborted = isAborted();
  return result;
}
