import type { EventEnvelopeInput } from '@livecloud/contracts';
import { disorderDelivery, type DeliveryStats } from './delivery-disorder.js';
import { planExplainSegments, type ExplainSegment } from './explain-schedule.js';
import { createRandom } from './random.js';
import { runSessionEngine } from './session-engine.js';
import { resolveSessionPlan } from './session-plan.js';
import type { ResolvedSessionPlan, SessionPlan } from './session-plan.schema.js';
import { createTruthCounter, type SessionTruth } from './session-truth.js';
import {
  adCostPerEntryFen,
  adDeliveryShare,
  calibrateTraffic,
  type TrafficCalibration,
} from './traffic.model.js';

/** A planned session, ready to produce its events as often as asked, always the same ones. */
export interface SimulatedSession {
  readonly plan: ResolvedSessionPlan;
  /** UTC epoch ms when the session ends; payments and refunds may come later. */
  readonly endAt: number;
  /** The explain segments the anchor will go through. */
  readonly segments: readonly ExplainSegment[];
  /**
   * A fresh pass over the session's events, generated lazily so a four-hour session with 20,000
   * online never sits in memory. Without `disorder` the events come in non-decreasing
   * `occurredAt`; with it, in the messy delivery order asked for. The generator's return value is
   * the session's ground truth.
   */
  events(): Generator<EventEnvelopeInput, SessionTruth, undefined>;
  /** All events in an array, with the truth; for tests and small sessions. */
  collect(): { events: EventEnvelopeInput[]; truth: SessionTruth };
  /** About how many events {@link SimulatedSession.events} will yield, without generating them. */
  estimateEventCount(): number;
}

// Measured on the fixtures: ~3.3 events per room entry (bounces, interactions and the funnel
// included), and ~10% more entries than the expected first entries (re-entries, noise); 3.7 per
// expected entry folds both in.
const eventsPerEntry = 3.7;

function expectedPaidEntries(plan: ResolvedSessionPlan): number {
  if (plan.ad === undefined) return 0;
  const hours = plan.durationMin / 60;
  return (
    (plan.ad.budgetFenPerHour * hours * adDeliveryShare(plan.ad.bidLevel)) /
    adCostPerEntryFen(plan.ad.bidLevel)
  );
}

function estimate(
  plan: ResolvedSessionPlan,
  segments: readonly ExplainSegment[],
  calibration: TrafficCalibration,
): number {
  const entries = calibration.expectedOrganicEntries + expectedPaidEntries(plan);
  const adMinutes = plan.ad === undefined ? 0 : Math.ceil(plan.durationMin);
  const distinct = entries * eventsPerEntry + segments.length * 2 + adMinutes;
  return Math.round(distinct * (1 + (plan.disorder?.duplicateShare ?? 0)));
}

/**
 * Plans a simulated live session (SPEC §6 platform simulator). The plan's `seed` fixes every
 * random draw, so the same plan always yields byte-identical events; ids are
 * `sim_<sessionId>_<n>` and serve as idempotency keys.
 *
 * @throws AppError `invalid_session_plan` when the plan does not validate.
 */
export function simulateSession(input: SessionPlan): SimulatedSession {
  const plan = resolveSessionPlan(input);
  const segments = planExplainSegments(plan);
  const calibration = calibrateTraffic(plan, segments);
  const endAt = plan.startAt + Math.max(1, Math.round(plan.durationMin * 60)) * 1000;

  function* events(): Generator<EventEnvelopeInput, SessionTruth, undefined> {
    const random = createRandom(plan.seed);
    const counter = createTruthCounter(plan.sessionId, plan.startAt, endAt);
    const stats: DeliveryStats = { duplicates: 0, outOfOrder: 0, late: 0 };
    function* counted(): Generator<EventEnvelopeInput, void, undefined> {
      for (const event of runSessionEngine({ plan, segments, calibration, random })) {
        counter.count(event);
        yield event;
      }
    }
    const delivered =
      plan.disorder === undefined
        ? counted()
        : disorderDelivery(counted(), plan.disorder, random.fork('disorder'), stats);
    let deliveries = 0;
    for (const event of delivered) {
      deliveries++;
      yield event;
    }
    const truth = counter.result();
    truth.deliveries = deliveries;
    truth.delivery = stats;
    return truth;
  }

  return {
    plan,
    endAt,
    segments,
    events,
    collect: () => {
      const all: EventEnvelopeInput[] = [];
      const iterator = events();
      for (let step = iterator.next(); ; step = iterator.next()) {
        if (step.done === true) return { events: all, truth: step.value };
        all.push(step.value);
      }
    },
    estimateEventCount: () => estimate(plan, segments, calibration),
  };
}
