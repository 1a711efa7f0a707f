import { parseEvent, type EventEnvelope } from '@livecloud/contracts';
import { deadLetter, ok, type StepResult } from './result.js';
import type { EventRecord } from './resolve-tenant.step.js';

/** Checks an event against the envelope (SPEC §5); a failure keeps every issue for the dead letter. */
export function validateEvent(event: EventRecord): StepResult<EventEnvelope> {
  const parsed = parseEvent(event);
  return parsed.ok ? ok(parsed.event) : deadLetter(parsed.reason, parsed.issues);
}
