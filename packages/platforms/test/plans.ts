import type { EventEnvelopeInput } from '@livecloud/contracts';
import { beautyLineup } from '../src/lineup-fixtures.js';
import type { SessionPlan } from '../src/session-plan.schema.js';

/** Saturday 20:00 Beijing time, prime time for live commerce. */
export const primeTime = Date.UTC(2026, 2, 14, 12, 0, 0);

/** A small Douyin session that generates in well under a second. */
export function smallPlan(overrides: Partial<SessionPlan> = {}): SessionPlan {
  return {
    seed: 42,
    orgId: 'org_test',
    accountId: 'acc_beauty_01',
    sessionId: 'ses_small',
    platform: 'douyin',
    startAt: primeTime,
    durationMin: 40,
    scale: 300,
    lineup: [...beautyLineup],
    ...overrides,
  };
}

export function at(event: EventEnvelopeInput): number {
  return Number(event.occurredAt);
}

export function ofType(
  events: readonly EventEnvelopeInput[],
  type: EventEnvelopeInput['type'],
): EventEnvelopeInput[] {
  return events.filter((e) => e.type === type);
}
