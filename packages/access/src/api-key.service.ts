import { AppError, newId, type Clock } from '@livecloud/core';
import type { ApiKeyRepository, ApiKeyRow, OwnedApiKeyRow } from './api-key.repository.js';
import type { ApiKeyDto, CreateApiKeyInput, CreatedApiKeyDto, UpdateApiKeyInput } from './api-key.schema.js';
import { normaliseOrigin } from '@livecloud/contracts/vocabulary';
import type { AuditActor, AuditService } from './audit.service.js';
import type { Principal } from './principal.js';
import { permissionsOfKey } from './roles.js';
import { randomSecret, sha256 } from './secrets.js';

const touchEveryMs = 60_000;
// (key, address) pairs this process knows are already in the audit log; cleared when full.
const maxKnownAddresses = 20_000;

/**
 * API keys scoped to one organisation and one purpose: a write-only collector key per event
 * source, or an admin key for scripts. Only a hash of the secret is kept.
 */
export function createApiKeyService(deps: {
  apiKeys: ApiKeyRepository;
  audit: AuditService;
  clock: Clock;
  /** Whether a user is an active member of the organisation (a key's owner must be). */
  isActiveMember(orgId: string, userId: string): Promise<boolean>;
}) {
  const { apiKeys, clock } = deps;

  const requireKey = async (orgId: string, id: string): Promise<OwnedApiKeyRow> => {
    const row = await apiKeys.findById(orgId, id);
    if (!row) throw AppError.notFound('api_key', id);
    return row;
  };
  const requireOwner = async (orgId: string, userId: string): Promise<void> => {
    if (!(await deps.isActiveMember(orgId, userId)))
      throw AppError.invalid('api_key_owner_not_member', `${userId} is not an active member here`, {
        path: 'ownerId',
      });
  };
  const knownAddresses = new Set<string>();

  /** Audits the first use of a key from an address: once per (key, address), on any process. */
  const noteAddress = async (row: ApiKeyRow, ip: string): Promise<void> => {
    const pair = `${row.id}|${ip}`;
    if (knownAddresses.has(pair)) return;
    const action = 'api_key.new_address';
    if (
      !(await deps.audit.hasEntry(row.org_id, { action, targetId: row.id, detail: { key: 'ip', value: ip } }))
    ) {
      await deps.audit.record(
        row.org_id,
        { type: 'api_key', id: row.id },
        { action, targetType: 'api_key', targetId: row.id, details: { ip, name: row.name } },
      );
    }
    if (knownAddresses.size >= maxKnownAddresses) knownAddresses.clear();
    knownAddresses.add(pair);
  };

  return {
    async create(orgId: string, input: CreateApiKeyInput, actor: AuditActor): Promise<CreatedApiKeyDto> {
      const now = clock.now();
      const allowedOrigins = originsFrom(input.allowedOrigins ?? []);
      if (input.purpose === 'admin' && allowedOrigins.length > 0) throw notForBrowser();
      const kind = input.kind ?? 'personal';
      const byPerson = actor.type === 'user' ? actor.id : null;
      // A key made by the system or by another key answers to nobody in particular: a service key.
      const effectiveKind = byPerson === null && input.ownerId === undefined ? 'service' : kind;
      const ownerId = input.ownerId ?? byPerson;
      if (input.ownerId !== undefined) await requireOwner(orgId, input.ownerId);
      const secret = `lc_${input.purpose === 'collector' ? 'wk' : 'ak'}_${randomSecret()}`;
      const row = await apiKeys.insert({
        id: newId('key', now),
        org_id: orgId,
        name: input.name,
        purpose: input.purpose,
        source: input.source ?? null,
        prefix: secret.slice(0, 12),
        secret_hash: sha256(secret),
        created_by: actor.id,
        allowed_origins: allowedOrigins,
        kind: effectiveKind,
        owner_id: ownerId,
      });
      await deps.audit.record(orgId, actor, {
        action: 'api_key.create',
        targetType: 'api_key',
        targetId: row.id,
        details: {
          name: input.name,
          purpose: input.purpose,
          source: input.source ?? null,
          allowedOrigins,
          kind: effectiveKind,
          ownerId,
        },
      });
      return { ...toApiKeyDto(await requireKey(orgId, row.id)), secret };
    },
    async list(orgId: string): Promise<ApiKeyDto[]> {
      return (await apiKeys.list(orgId)).map(toApiKeyDto);
    },
    async get(orgId: string, id: string): Promise<ApiKeyDto> {
      return toApiKeyDto(await requireKey(orgId, id));
    },
    /** The working keys a person answers for here: what their off-boarding affects. */
    async ownedBy(orgId: string, userId: string): Promise<ApiKeyDto[]> {
      return (await apiKeys.activeOwnedBy(orgId, userId)).map(toApiKeyDto);
    },
    /**
     * Off-boarding: the person's personal keys end, and their service keys pass to `to` (a user
     * id of another active member). Refuses when service keys would be left without an owner.
     */
    async handOver(
      orgId: string,
      userId: string,
      to: string | undefined,
      actor: AuditActor,
    ): Promise<{ revoked: string[]; reassigned: string[] }> {
      const service = (await apiKeys.activeOwnedBy(orgId, userId)).filter((k) => k.kind === 'service');
      if (service.length > 0 && to === undefined) {
        throw AppError.conflict(
          'service_keys_need_owner',
          `${service.length} service key(s) need a new owner before this person leaves`,
          { keys: service.map((k) => ({ id: k.id, name: k.name })) },
        );
      }
      if (service.length > 0 && to !== undefined) {
        if (to === userId)
          throw AppError.invalid('api_key_owner_leaving', 'The new owner cannot be the person leaving', {
            path: 'serviceKeysTo',
          });
        await requireOwner(orgId, to);
      }
      for (const key of service) {
        await apiKeys.update(orgId, key.id, { owner_id: to });
        await deps.audit.record(orgId, actor, {
          action: 'api_key.reassign',
          targetType: 'api_key',
          targetId: key.id,
          details: { name: key.name, from: userId, to },
        });
      }
      const revoked = await apiKeys.revokePersonalOf(orgId, userId, new Date(clock.now()));
      for (const id of revoked) {
        await deps.audit.record(orgId, actor, {
          action: 'api_key.revoke',
          targetType: 'api_key',
          targetId: id,
          details: { reason: 'owner_offboarded' },
        });
      }
      return { revoked, reassigned: service.map((k) => k.id) };
    },
    /** Renames a key, replaces its allowed origins or gives a service key a new owner. */
    async update(orgId: string, id: string, input: UpdateApiKeyInput, actor: AuditActor): Promise<ApiKeyDto> {
      const existing = await requireKey(orgId, id);
      if (existing.revoked_at)
        throw AppError.conflict('api_key_revoked', `The API key ${id} is revoked and cannot change`);
      const allowedOrigins = input.allowedOrigins && originsFrom(input.allowedOrigins);
      if (existing.purpose === 'admin' && (allowedOrigins ?? []).length > 0) throw notForBrowser();
      const newOwner =
        input.ownerId !== undefined && input.ownerId !== existing.owner_id ? input.ownerId : undefined;
      if (newOwner !== undefined) {
        if (existing.kind !== 'service')
          throw AppError.conflict('api_key_personal', 'A personal key stays with the person who made it');
        await requireOwner(orgId, newOwner);
      }
      const patch = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(allowedOrigins === undefined ? {} : { allowedOrigins }),
      };
      if (Object.keys(patch).length === 0 && newOwner === undefined) return toApiKeyDto(existing);
      await apiKeys.update(orgId, id, {
        name: patch.name,
        allowed_origins: patch.allowedOrigins,
        owner_id: newOwner,
      });
      if (Object.keys(patch).length > 0)
        await deps.audit.record(orgId, actor, {
          action: 'api_key.update',
          targetType: 'api_key',
          targetId: id,
          details: patch,
        });
      if (newOwner !== undefined)
        await deps.audit.record(orgId, actor, {
          action: 'api_key.reassign',
          targetType: 'api_key',
          targetId: id,
          details: { name: existing.name, from: existing.owner_id, to: newOwner },
        });
      return toApiKeyDto(await requireKey(orgId, id));
    },
    /** Revokes a key at once; revoking a revoked key changes nothing. */
    async revoke(orgId: string, id: string, actor: AuditActor): Promise<ApiKeyDto> {
      const existing = await requireKey(orgId, id);
      if (existing.revoked_at) return toApiKeyDto(existing);
      await apiKeys.revoke(orgId, id, new Date(clock.now()));
      await deps.audit.record(orgId, actor, {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: id,
      });
      return toApiKeyDto(await requireKey(orgId, id));
    },
    /** Resolves a key's secret; `from.ip`, when given, audits the key's first use from that address. */
    async authenticate(secret: string, from: { ip?: string | undefined } = {}): Promise<Principal> {
      const row = await apiKeys.findBySecretHash(sha256(secret));
      if (!row) throw AppError.unauthorized('invalid_api_key', 'The API key is unknown or revoked');
      // A personal key ends with its owner's membership (off-boarding revokes it too).
      if (row.kind === 'personal' && row.owner_id !== null && row.owner_status !== 'active') {
        throw AppError.unauthorized(
          'api_key_owner_left',
          'The person who created this API key is no longer a member; create a new key',
        );
      }
      if (row.revoked_at) throw AppError.unauthorized('invalid_api_key', 'The API key is unknown or revoked');
      if (from.ip) await noteAddress(row, from.ip);
      const now = clock.now();
      if (!row.last_used_at || now - row.last_used_at.getTime() >= touchEveryMs) {
        await apiKeys.markUsed(row.id, new Date(now));
      }
      return {
        kind: 'api_key',
        orgId: row.org_id,
        keyId: row.id,
        purpose: row.purpose,
        source: row.source,
        permissions: permissionsOfKey(row.purpose),
        allowedOrigins: originsOf(row),
      };
    },
  };
}
export type ApiKeyService = ReturnType<typeof createApiKeyService>;

export function toApiKeyDto(row: OwnedApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    kind: row.kind,
    owner:
      row.owner_id === null
        ? null
        : {
            userId: row.owner_id,
            name: row.owner_name ?? row.owner_id,
            active: row.owner_status === 'active',
          },
    source: row.source,
    prefix: row.prefix,
    allowedOrigins: originsOf(row),
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

function notForBrowser(): AppError {
  return AppError.invalid(
    'key_not_for_browser',
    'An admin key is never used from a browser, so it lists no origins',
    { path: 'allowedOrigins' },
  );
}

/** Origins as browsers send them, each once; anything else is refused. */
function originsFrom(list: readonly string[]): string[] {
  const origins = list.map((value) => {
    const origin = normaliseOrigin(value);
    if (origin === null)
      throw AppError.invalid(
        'invalid_origin',
        `${value.slice(0, 200)} is not an origin such as https://shop.example.com`,
      );
    return origin;
  });
  return [...new Set(origins)];
}

function originsOf(row: ApiKeyRow): string[] {
  const value = row.allowed_origins;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
