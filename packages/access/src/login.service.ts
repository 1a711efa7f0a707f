import { AppError, newId, type Clock } from '@livecloud/core';
import type { AuditService } from './audit.service.js';
import type { SessionDto, LoginInput } from './auth.schema.js';
import type { LoginSessionRepository, LoginSessionRow } from './login-session.repository.js';
import type { OrganisationRepository } from './organisation.repository.js';
import type { Principal } from './principal.js';
import { permissionsOf } from './roles.js';
import { decoyPasswordHash, randomSecret, sha256, verifyPassword } from './secrets.js';
import type { StaffRepository } from './staff.repository.js';
import { asRole } from './staff.service.js';

// Sliding expiry is written back at most this often, so reads don't each cost a write.
const touchEveryMs = 60_000;

const invalidCredentials = () => AppError.unauthorized('invalid_credentials', 'E-mail or password is wrong');
const unauthenticated = () => AppError.unauthorized('unauthenticated', 'Sign in first');

/** Login sessions: password sign-in, cookie-token authentication, organisation switch, logout. */
export function createLoginService(deps: {
  staff: StaffRepository;
  organisations: OrganisationRepository;
  loginSessions: LoginSessionRepository;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  sessionTtlMs: number;
}) {
  const { staff, loginSessions, clock } = deps;

  async function view(
    session: Pick<LoginSessionRow, 'user_id' | 'org_id' | 'csrf_token' | 'expires_at'>,
  ): Promise<SessionDto> {
    const user = await staff.findUserById(session.user_id);
    const memberships = await staff.activeMembershipsOf(session.user_id);
    const current = memberships.find((m) => m.org_id === session.org_id);
    if (!user || !current) throw unauthenticated();
    const role = asRole(current.role);
    return {
      user: { id: user.id, email: user.email, name: user.name },
      org: { id: current.org_id, name: current.org_name, slug: current.org_slug },
      role,
      permissions: [...permissionsOf(role)],
      csrfToken: session.csrf_token,
      expiresAt: session.expires_at.toISOString(),
      memberships: memberships.map((m) => ({ orgId: m.org_id, orgName: m.org_name, role: asRole(m.role) })),
    };
  }

  return {
    /**
     * Signs a person in; returns the cookie token (shown once) and the session view. A sign-in
     * is audited in the organisation it opens; a wrong password for a known person in each
     * organisation they are an active member of (an unknown e-mail belongs to none).
     */
    async login(
      input: LoginInput,
      from: { ip?: string | undefined } = {},
    ): Promise<{ token: string; session: SessionDto }> {
      const user = await staff.findUserByEmail(input.email);
      const passwordOk = await verifyPassword(
        input.password,
        user?.password_hash ?? (await decoyPasswordHash()),
      );
      if (!user) throw invalidCredentials();
      const memberships = await staff.activeMembershipsOf(user.id);
      if (!passwordOk) {
        for (const m of memberships) {
          await deps.audit.record(
            m.org_id,
            { type: 'user', id: user.id },
            {
              action: 'auth.login_failed',
              targetType: 'user',
              targetId: user.id,
              details: { ip: from.ip ?? null },
            },
          );
        }
        throw invalidCredentials();
      }
      const chosen = input.orgId ? memberships.find((m) => m.org_id === input.orgId) : memberships[0];
      if (!chosen) {
        throw input.orgId
          ? AppError.forbidden('not_a_member', 'You are not an active member of that organisation')
          : AppError.forbidden('no_active_membership', 'Your account has no active organisation');
      }
      const now = clock.now();
      const token = randomSecret();
      const row = {
        id: newId('lss', now),
        token_hash: sha256(token),
        user_id: user.id,
        org_id: chosen.org_id,
        csrf_token: randomSecret(24),
        last_seen_at: new Date(now),
        expires_at: new Date(now + deps.sessionTtlMs),
      };
      await loginSessions.insert(row);
      await deps.audit.record(
        chosen.org_id,
        { type: 'user', id: user.id },
        {
          action: 'auth.login',
          targetType: 'login_session',
          targetId: row.id,
          details: { ip: from.ip ?? null },
        },
      );
      return { token, session: await view(row) };
    },

    /**
     * Resolves a session cookie token to a principal. The membership is checked on every
     * call, so an off-boarded person loses access at once.
     */
    async authenticate(token: string): Promise<Principal> {
      const row = await loginSessions.findByTokenHash(sha256(token));
      if (!row || row.revoked_at) throw unauthenticated();
      const now = clock.now();
      if (row.expires_at.getTime() <= now) {
        throw AppError.unauthorized('session_expired', 'Your session has expired; sign in again');
      }
      const membership = await staff.findByUser(row.org_id, row.user_id);
      if (!membership || membership.status !== 'active') throw unauthenticated();
      if (now - row.last_seen_at.getTime() >= touchEveryMs) {
        await loginSessions.touch(row.id, new Date(now), new Date(now + deps.sessionTtlMs));
      }
      const role = asRole(membership.role);
      return {
        kind: 'user',
        orgId: row.org_id,
        userId: row.user_id,
        membershipId: membership.id,
        role,
        permissions: permissionsOf(role),
        sessionId: row.id,
        csrfToken: row.csrf_token,
      };
    },

    async current(principal: Extract<Principal, { kind: 'user' }>): Promise<SessionDto> {
      const row = await loginSessions.findById(principal.sessionId);
      if (!row) throw unauthenticated();
      return view(row);
    },

    async switchOrg(principal: Extract<Principal, { kind: 'user' }>, orgId: string): Promise<SessionDto> {
      const membership = await staff.findByUser(orgId, principal.userId);
      if (!membership || membership.status !== 'active') {
        throw AppError.forbidden('not_a_member', 'You are not an active member of that organisation');
      }
      await loginSessions.switchOrg(principal.sessionId, orgId);
      const row = await loginSessions.findById(principal.sessionId);
      if (!row) throw unauthenticated();
      return view(row);
    },

    async logout(principal: Extract<Principal, { kind: 'user' }>): Promise<void> {
      await loginSessions.revoke(principal.sessionId, new Date(clock.now()));
    },
  };
}
export type LoginService = ReturnType<typeof createLoginService>;
