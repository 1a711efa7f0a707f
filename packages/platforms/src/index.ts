/**
 * `@livecloud/platforms` — the platform simulator (SPEC §6): seeded, reproducible live-selling
 * sessions for the demo, the tests and the benchmarks, and a client that streams them into a
 * collector.
 *
 * Plan a session with {@link simulateSession} (or start from {@link demoSessionPlan}), iterate its
 * `events()` — envelope inputs with `source: 'simulator'` and ids `sim_<sessionId>_<n>` — and read
 * the ground truth the generator returns. {@link streamToCollector} sends several sessions to
 * `POST /collect/v1/events`, interleaved by time and paced against the wall clock.
 *
 * @packageDocumentation
 */
export { simulateSession, type SimulatedSession } from './session-simulator.js';
export {
  sessionPlanSchema,
  lineupItemSchema,
  adPlanSchema,
  disorderSchema,
  simulatedPlatforms,
  mechanisms,
  type SessionPlan,
  type ResolvedSessionPlan,
  type LineupItem,
  type ResolvedLineupItem,
  type AdPlan,
  type DisorderOptions,
  type SimulatedPlatform,
  type Mechanism,
} from './session-plan.schema.js';
export { resolveSessionPlan } from './session-plan.js';
export type { SessionTruth } from './session-truth.js';
export { planExplainSegments, type ExplainSegment } from './explain-schedule.js';
export { commentLexicon, type CommentFlag, type SimulatedComment } from './comment-lexicon.js';
export {
  beautyLineup,
  foodLineup,
  apparelLineup,
  demoLineups,
  demoSessionPlan,
  type DemoCategory,
} from './lineup-fixtures.js';
export {
  streamToCollector,
  type StreamToCollectorOptions,
  type CollectorProgress,
  type CollectorStreamResult,
} from './collector-client.js';
export { createRandom, hashString, mixSeed, type Random } from './random.js';
export { viewerSources, type ViewerSource } from './viewer.model.js';
