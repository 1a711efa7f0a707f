import type { AuditLogTable, Database, Kysely, Selectable } from '@livecloud/db';

export type AuditRow = Selectable<AuditLogTable>;

export function createAuditRepository(db: Kysely<Database>) {
  return {
    async insert(row: {
      id: string;
      org_id: string;
      actor_type: 'user' | 'api_key' | 'system';
      actor_id: string | null;
      action: string;
      target_type: string;
      target_id: string | null;
      details: string;
      at: Date;
    }): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
    },
    async list(orgId: string, options: { limit: number; before?: string | undefined }): Promise<AuditRow[]> {
      let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
      if (options.before) query = query.where('id', '<', options.before);
      return query.orderBy('id', 'desc').limit(options.limit).execute();
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
