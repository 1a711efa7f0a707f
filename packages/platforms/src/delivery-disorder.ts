import type { EventEnvelopeInput } from '@livecloud/contracts';
import type { Random } from './random.js';
import type { ResolvedSessionPlan } from './session-plan.schema.js';

type Disorder = NonNullable<ResolvedSessionPlan['disorder']>;

/** What the disorder stage did; filled in as the stream is consumed. */
export interface DeliveryStats {
  duplicates: number;
  outOfOrder: number;
  late: number;
}

interface Held {
  event: EventEnvelopeInput;
  at: number;
  /** Out-of-order: how many later events must still pass it. */
  passesLeft: number;
  duplicate: boolean;
}

interface Retry {
  event: EventEnvelopeInput;
  deliveriesLeft: number;
}

const ppm = (share: number): number => Math.round(share * 1_000_000);

/**
 * Systematic selection: event `i` is picked when the running count floor(i · share) steps up, so
 * exactly floor(N · share) of N events are picked — tests can assert counts, not bands.
 */
function due(i: number, partsPerMillion: number): boolean {
  return Math.floor(((i + 1) * partsPerMillion) / 1_000_000) > Math.floor((i * partsPerMillion) / 1_000_000);
}

function occurredAt(event: EventEnvelopeInput): number {
  return typeof event.occurredAt === 'number' ? event.occurredAt : Date.parse(event.occurredAt);
}

/**
 * Turns an in-order stream into the messy delivery real platforms produce:
 * - out of order: an event arrives after 1–5 events that happened later than it;
 * - late: an event is held back until the stream is `lateByMs` past it;
 * - duplicates: an event arrives a second time with the same id (an exact retry), 0–20
 *   deliveries after the first.
 * Of N events exactly floor(N · share) get each treatment, except that an out-of-order or late
 * event among the very last ones is delivered at the end, where nothing later can pass it.
 */
export function* disorderDelivery(
  events: Iterable<EventEnvelopeInput>,
  disorder: Disorder,
  random: Random,
  stats: DeliveryStats,
): Generator<EventEnvelopeInput, void, undefined> {
  const duplicatePpm = ppm(disorder.duplicateShare);
  const latePpm = ppm(disorder.lateShare);
  const outOfOrderPpm = ppm(disorder.outOfOrderShare);
  const outOfOrderHeld: Held[] = [];
  // Late events are held in time order, so only the head can be due; a cursor avoids shift().
  const lateHeld: Held[] = [];
  let lateHead = 0;
  let retries: Retry[] = [];
  let pendingLate = 0;
  let pendingOutOfOrder = 0;
  const out: EventEnvelopeInput[] = [];

  const scheduleRetry = (event: EventEnvelopeInput): void => {
    retries.push({ event: structuredClone(event), deliveriesLeft: random.int(0, 21) });
  };

  const tickRetries = (): void => {
    if (retries.length === 0) return;
    const stillWaiting: Retry[] = [];
    for (const retry of retries) {
      if (retry.deliveriesLeft <= 0) {
        out.push(retry.event);
        stats.duplicates++;
      } else {
        retry.deliveriesLeft--;
        stillWaiting.push(retry);
      }
    }
    retries = stillWaiting;
  };

  // A first delivery may release held events, whose own delivery may release more.
  const deliver = (first: Held): void => {
    const queue = [first];
    for (let q = 0; q < queue.length; q++) {
      const { event, at, duplicate } = queue[q]!;
      out.push(event);
      if (duplicate) scheduleRetry(event);
      tickRetries();
      for (let k = 0; k < outOfOrderHeld.length;) {
        const h = outOfOrderHeld[k]!;
        if (at > h.at && --h.passesLeft <= 0) {
          outOfOrderHeld.splice(k, 1);
          stats.outOfOrder++;
          queue.push(h);
        } else {
          k++;
        }
      }
      while (lateHead < lateHeld.length && at >= lateHeld[lateHead]!.at + disorder.lateByMs) {
        queue.push(lateHeld[lateHead++]!);
        stats.late++;
      }
      if (lateHead > 1_024 && lateHead * 2 > lateHeld.length) {
        lateHeld.splice(0, lateHead);
        lateHead = 0;
      }
    }
  };

  let i = 0;
  for (const event of events) {
    const duplicate = due(i, duplicatePpm);
    if (due(i, latePpm)) pendingLate++;
    if (due(i, outOfOrderPpm)) pendingOutOfOrder++;
    i++;
    const at = occurredAt(event);
    if (pendingLate > 0) {
      pendingLate--;
      lateHeld.push({ event, at, passesLeft: 0, duplicate });
    } else if (pendingOutOfOrder > 0) {
      pendingOutOfOrder--;
      outOfOrderHeld.push({ event, at, passesLeft: random.int(1, 6), duplicate });
    } else {
      deliver({ event, at, passesLeft: 0, duplicate });
    }
    yield* out;
    out.length = 0;
  }
  const leftovers = [...lateHeld.slice(lateHead), ...outOfOrderHeld].sort((a, b) => a.at - b.at);
  for (const h of leftovers) {
    out.push(h.event);
    if (h.duplicate) scheduleRetry(h.event);
  }
  for (const retry of retries) {
    out.push(retry.event);
    stats.duplicates++;
  }
  yield* out;
}
