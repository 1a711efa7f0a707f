import type { EventEnvelopeInput } from '@livecloud/contracts';
import type { RefundDraw } from './commerce.model.js';
import type { ExplainSegment } from './explain-schedule.js';
import type { Random } from './random.js';
import type { ResolvedLineupItem, ResolvedSessionPlan } from './session-plan.schema.js';
import type { Audience, InteractionRates, ViewerSource, ViewerTraits } from './viewer.model.js';

/** One stay of one viewer in the room, from room.enter to room.leave. */
export interface Visit {
  userIndex: number;
  userId: string;
  source: ViewerSource;
  enterAt: number;
  leaveAt: number;
  /** Bumped when the stay is extended, so the superseded leave task is ignored. */
  leaveVersion: number;
  bounced: boolean;
  open: boolean;
  follower: boolean;
  inFanclub: boolean;
  traits: ViewerTraits;
  /** Buy propensity × the source's buy intent. */
  intent: number;
  rates: InteractionRates;
  totalRate: number;
}

export interface Order {
  orderId: string;
  visit: Visit;
  item: ResolvedLineupItem;
  quantity: number;
  amountFen: number;
}

export type ImpressionPosition = 'explain_card' | 'bag_list';

/** Work scheduled for an instant; `seq` keeps equal instants in scheduling order. */
export type Task = { at: number; seq: number } & (
  | { kind: 'enter'; source: ViewerSource; userIndex?: number }
  | { kind: 'leave'; visit: Visit; version: number }
  | { kind: 'act'; visit: Visit }
  | { kind: 'impression'; visit: Visit; item: ResolvedLineupItem; position: ImpressionPosition }
  | { kind: 'click' | 'cart'; visit: Visit; item: ResolvedLineupItem }
  | { kind: 'order'; visit: Visit; item: ResolvedLineupItem; quantity: number }
  | { kind: 'pay' | 'release'; order: Order }
  | { kind: 'refund'; order: Order; refund: RefundDraw }
  | { kind: 'comment'; visit: Visit; text: string }
  | { kind: 'explain'; segment: ExplainSegment; edge: 'start' | 'end' }
);

/** A task before the queue numbers it. */
export type TaskInput = Task extends infer T ? (T extends Task ? Omit<T, 'seq'> : never) : never;

export type FunnelTask = Extract<Task, { kind: 'impression' | 'click' | 'cart' | 'order' }>;

/** What an event says beyond the fields every simulated event of the session shares. */
export type EventFields = Omit<
  EventEnvelopeInput,
  'id' | 'occurredAt' | 'orgId' | 'source' | 'accountId' | 'sessionId'
>;

/** The shared state of one run, handed to the task handlers. */
export interface EngineContext {
  readonly plan: ResolvedSessionPlan;
  readonly endAt: number;
  readonly audience: Audience;
  /** Draws for viewer behaviour; arrivals and ads have their own streams. */
  readonly random: Random;
  readonly online: Map<number, Visit>;
  readonly followedNow: Set<number>;
  readonly joinedNow: Set<number>;
  readonly seenUsers: Set<number>;
  readonly stockLeft: Map<ResolvedLineupItem, number>;
  /** Counts of the running minute, fed back to the traffic model. */
  readonly minute: { entries: number; paidOrders: number };
  onScreenAt(at: number): ExplainSegment | undefined;
  emit(at: number, fields: EventFields): void;
  schedule(task: TaskInput): void;
  nextOrderId(): string;
}

/** `productId`, plus `skuId` when the line-up item has one. */
export function productFields(item: ResolvedLineupItem): { productId: string; skuId?: string } {
  return item.skuId === undefined
    ? { productId: item.productId }
    : { productId: item.productId, skuId: item.skuId };
}

/** A delay in seconds as whole milliseconds, at least 1 so cause always precedes effect. */
export function msAfter(delaySec: number): number {
  return Math.max(1, Math.round(delaySec * 1000));
}
