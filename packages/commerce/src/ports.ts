import type { AuditActor, AuditEvent } from '@livecloud/access';

export type { AuditActor, AuditEvent };
/** The audit log's port, as access defines it for every context. */
export type { AuditRecorder } from '@livecloud/access';

/**
 * What commerce needs from access to give a merchant a portal login: a person with the
 * `merchant` role in the organisation. The server wires it to staff on-boarding, so the
 * login rules (password hashing, one account per e-mail) stay in access.
 */
export interface MerchantAccounts {
  createLogin(
    orgId: string,
    input: { email: string; name: string; password: string },
    actor: AuditActor,
  ): Promise<{ userId: string; membershipId: string }>;
  /** The organisation's display name, shown to an invited merchant. */
  organisationName(orgId: string): Promise<string>;
}

/** The actor columns every commerce record that someone made carries. */
export function actorColumns(actor: AuditActor): { actor_type: AuditActor['type']; actor_id: string | null } {
  return { actor_type: actor.type, actor_id: actor.id };
}
