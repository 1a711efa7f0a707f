import { AppError, newId, type Clock } from '@livecloud/core';
import type { ApiKeyRepository, ApiKeyRow } from './api-key.repository.js';
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
export function createApiKeyService(deps: { apiKeys: ApiKeyRepository; audit: AuditService; clock: Clock }) {
  const { apiKeys, clock } = deps;
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
        },
      });
      return { ...toApiKeyDto(row), secret };
    },
    async list(orgId: string): Promise<ApiKeyDto[]> {
      return (await apiKeys.list(orgId)).map(toApiKeyDto);
    },
    async get(orgId: string, id: string): Promise<ApiKeyDto> {
      const row = await apiKeys.findById(orgId, id);
      if (!row) throw AppError.notFound('api_key', id);
      return toApiKeyDto(row);
    },
    /** Renames a key or replaces its allowed origins; an admin key never gets origins. */
    async update(orgId: string, id: string, input: UpdateApiKeyInput, actor: AuditActor): Promise<ApiKeyDto> {
      const existing = await apiKeys.findById(orgId, id);
      if (!existing) throw AppError.notFound('api_key', id);
      if (existing.revoked_at)
        throw AppError.conflict('api_key_revoked', `The API key ${id} is revoked and cannot change`);
      const allowedOrigins = input.allowedOrigins && originsFrom(input.allowedOrigins);
      if (existing.purpose === 'admin' && (allowedOrigins ?? []).length > 0) throw notForBrowser();
      const patch = {
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(allowedOrigins === undefined ? {} : { allowedOrigins }),
      };
      if (Object.keys(patch).length === 0) return toApiKeyDto(existing);
      const row = await apiKeys.update(orgId, id, {
        name: patch.name,
        allowed_origins: patch.allowedOrigins,
      });
      await deps.audit.record(orgId, actor, {
        action: 'api_key.update',
        targetType: 'api_key',
        targetId: id,
        details: patch,
      });
      return toApiKeyDto(row ?? existing);
    },
    /** Revokes a key at once; revoking a revoked key changes nothing. */
    async revoke(orgId: string, id: string, actor: AuditActor): Promise<ApiKeyDto> {
      const existing = await apiKeys.findById(orgId, id);
      if (!existing) throw AppError.notFound('api_key', id);
      if (existing.revoked_at) return toApiKeyDto(existing);
      const row = await apiKeys.revoke(orgId, id, new Date(clock.now()));
      await deps.audit.record(orgId, actor, {
        action: 'api_key.revoke',
        targetType: 'api_key',
        targetId: id,
      });
      return toApiKeyDto(row ?? existing);
    },
    /** Resolves a key's secret; `from.ip`, when given, audits the key's first use from that address. */
    async authenticate(secret: string, from: { ip?: string | undefined } = {}): Promise<Principal> {
      const row = await apiKeys.findBySecretHash(sha256(secret));
      if (!row || row.revoked_at)
        throw AppError.unauthorized('invalid_api_key', 'The API key is unknown or revoked');
      // A key a person made is theirs: it ends with their membership (off-boarding).
      if (row.created_by?.startsWith('usr_') && row.owner_status !== 'active') {
        throw AppError.unauthorized(
          'api_key_owner_left',
          'The person who created this API key is no longer a member; create a new key',
        );
      }
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

export function toApiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
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
