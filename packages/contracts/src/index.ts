export {
  EVENT_SCHEMA_VERSION,
  eventEnvelopeSchema,
  parseEvent,
  type EventEnvelope,
  type EventEnvelopeInput,
  type EventIssue,
  type ParseEventResult,
} from './event.schema.js';
export { listOf, type ListOf } from './list.schema.js';
export {
  eventSources,
  eventTypes,
  genericEventTypes,
  liveEventTypes,
  trafficSources,
  type EventSource,
  type EventType,
  type GenericEventType,
  type LiveEventType,
  type TrafficSource,
} from './vocabulary.js';
