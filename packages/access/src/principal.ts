import type { Permission, Role } from './roles.js';

/** Who is making a request, within exactly one organisation. */
export type Principal =
  | {
      kind: 'user';
      orgId: string;
      userId: string;
      membershipId: string;
      role: Role;
      permissions: ReadonlySet<Permission>;
      sessionId: string;
      csrfToken: string;
    }
  | {
      kind: 'api_key';
      orgId: string;
      keyId: string;
      purpose: 'collector' | 'admin';
      source: string | null;
      permissions: ReadonlySet<Permission>;
      /** The web origins whose pages may use the key (`*` for any). */
      allowedOrigins: readonly string[];
    };

/** The actor recorded in the audit log for a principal. */
export function actorOf(principal: Principal): { type: 'user' | 'api_key'; id: string } {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId }
    : { type: 'api_key', id: principal.keyId };
}
