import {
  cartProbability,
  clickProbability,
  drawQuantity,
  drawRefund,
  orderProbability,
  payProbability,
  stepDelaySec,
  unpaidOrderTimeoutMs,
  type RefundDraw,
} from './commerce.model.js';
import { drawAfterPurchaseComment, drawSoldOutComment } from './comment-lexicon.js';
import { msAfter, productFields, type EngineContext, type FunnelTask, type Order } from './engine-context.js';
import { keepUntil } from './viewer-visit.handlers.js';

/**
 * One step of impression → click → cart → order for a viewer in the room. Each step happens only
 * after the one before, so the counts can only narrow down the funnel.
 */
export function runFunnelStep(ctx: EngineContext, task: FunnelTask): void {
  const { random } = ctx;
  const { at, visit, item } = task;
  const explaining = ctx.onScreenAt(at)?.item === item;
  const odds = { item, explaining, intent: visit.intent };
  const viewer = { platformUserId: visit.userId, ...productFields(item) };
  switch (task.kind) {
    case 'impression': {
      ctx.emit(at, {
        type: 'product.impression',
        ...viewer,
        properties: { position: task.position, explaining },
      });
      const clickAt = at + msAfter(stepDelaySec.click(random));
      if (clickAt < visit.leaveAt && random.chance(clickProbability(odds))) {
        ctx.schedule({ kind: 'click', at: clickAt, visit, item });
      }
      return;
    }
    case 'click':
      ctx.emit(at, { type: 'product.click', ...viewer, properties: { explaining } });
      if (random.chance(cartProbability(odds))) {
        const cartAt = at + msAfter(stepDelaySec.cart(random));
        keepUntil(ctx, visit, cartAt);
        ctx.schedule({ kind: 'cart', at: cartAt, visit, item });
      }
      return;
    case 'cart': {
      const quantity = drawQuantity(random);
      ctx.emit(at, { type: 'cart.add', ...viewer, properties: { quantity } });
      if (random.chance(orderProbability(odds))) {
        const orderAt = at + msAfter(stepDelaySec.order(random));
        keepUntil(ctx, visit, orderAt);
        ctx.schedule({ kind: 'order', at: orderAt, visit, item, quantity });
      }
      return;
    }
    case 'order': {
      const left = ctx.stockLeft.get(item);
      if (left !== undefined && left < task.quantity) {
        // Sold out (已抢光): the order page refuses, and some say so in the chat.
        if (random.chance(0.3)) {
          const text = drawSoldOutComment(random);
          ctx.schedule({ kind: 'comment', at: at + msAfter(random.uniform(1, 5)), visit, text });
        }
        return;
      }
      // Stock is locked when the order is created and comes back if it is never paid.
      if (left !== undefined) ctx.stockLeft.set(item, left - task.quantity);
      const order: Order = {
        orderId: ctx.nextOrderId(),
        visit,
        item,
        quantity: task.quantity,
        amountFen: item.priceFen * task.quantity,
      };
      ctx.emit(at, {
        type: 'order.create',
        ...viewer,
        orderId: order.orderId,
        amountFen: order.amountFen,
        properties: { quantity: order.quantity, unitPriceFen: item.priceFen },
      });
      if (random.chance(payProbability(item))) {
        ctx.schedule({ kind: 'pay', at: at + msAfter(stepDelaySec.pay(random)), order });
      } else {
        ctx.schedule({ kind: 'release', at: at + unpaidOrderTimeoutMs, order });
      }
      return;
    }
  }
}

/**
 * A created order is paid, possibly after the viewer left or the session ended (then marked
 * `afterSessionEnd`); some are refunded later, and some buyers say so in the chat.
 */
export function payOrder(ctx: EngineContext, at: number, order: Order): void {
  const afterEnd = at > ctx.endAt;
  ctx.emit(at, {
    type: 'order.pay',
    platformUserId: order.visit.userId,
    ...productFields(order.item),
    orderId: order.orderId,
    amountFen: order.amountFen,
    properties: afterEnd ? { quantity: order.quantity, afterSessionEnd: true } : { quantity: order.quantity },
  });
  if (!afterEnd) ctx.minute.paidOrders++;
  const refund = drawRefund({
    random: ctx.random,
    item: order.item,
    quantity: order.quantity,
    paidFen: order.amountFen,
    tailHours: ctx.plan.refundTailHours,
  });
  if (refund !== undefined) {
    ctx.schedule({ kind: 'refund', at: at + Math.max(1_000, refund.delayMs), order, refund });
  }
  if (order.visit.open && ctx.random.chance(0.25)) {
    const text = drawAfterPurchaseComment(ctx.random);
    ctx.schedule({ kind: 'comment', at: at + msAfter(ctx.random.uniform(2, 10)), visit: order.visit, text });
  }
}

/** A paid order is refunded, whole or in part; after the session it is marked `afterSessionEnd`. */
export function refundOrder(ctx: EngineContext, at: number, order: Order, refund: RefundDraw): void {
  ctx.emit(at, {
    type: 'order.refund',
    platformUserId: order.visit.userId,
    orderId: order.orderId,
    ...productFields(order.item),
    amountFen: refund.amountFen,
    properties: {
      stage: refund.stage,
      reason: refund.reason,
      ...(at > ctx.endAt ? { afterSessionEnd: true } : {}),
    },
  });
}

/** An unpaid order timed out: its locked stock is for sale again. */
export function releaseStock(ctx: EngineContext, order: Order): void {
  const left = ctx.stockLeft.get(order.item);
  if (left !== undefined) ctx.stockLeft.set(order.item, left + order.quantity);
}
