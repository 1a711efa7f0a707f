import { actorOf, userOf } from '@livecloud/access';
import type { FastifyRequest } from 'fastify';
import type { Commerce } from './commerce.js';
import type { AuditActor } from './ports.js';

/** Who a portal request acts for: the signed-in merchant user's one merchant, never another. */
export async function portalOf(
  commerce: Commerce,
  request: FastifyRequest,
): Promise<{ orgId: string; merchantId: string; actor: AuditActor }> {
  const user = userOf(request);
  const merchantId = await commerce.merchants.merchantIdOf(user.orgId, user.userId);
  return { orgId: user.orgId, merchantId, actor: actorOf(user) };
}
