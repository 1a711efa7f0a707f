import { parseEvent } from '@livecloud/contracts';
import { describe, expect, it } from 'vitest';
import { stampReceivedAt } from './enrich.step.js';

describe('enrich step', () => {
  it("stamps receivedAt from the collector's clock, over any the client sent", () => {
    const parsed = parseEvent({
      id: 'e1',
      type: 'track',
      occurredAt: 1_800_000_000_000,
      receivedAt: 1_700_000_000_000,
      orgId: 'org_a',
      source: 'sdk',
      userId: 'u1',
    });
    if (!parsed.ok) throw new Error(parsed.reason);
    const stamped = stampReceivedAt(parsed.event, 1_800_000_000_500);
    expect(stamped).toMatchObject({ kind: 'ok', value: { receivedAt: 1_800_000_000_500 } });
    // In place: the validator's output is the collector's own, not the client's object.
    expect(stamped.kind === 'ok' && stamped.value).toBe(parsed.event);
  });
});
