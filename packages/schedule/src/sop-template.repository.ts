import type { Selectable } from '@livecloud/db';
import type { ScheduleDb, SopTemplateTable, SopTemplateTaskTable } from './schedule.tables.js';

export type SopTemplateRow = Selectable<SopTemplateTable>;
export type SopTemplateTaskRow = Selectable<SopTemplateTaskTable>;

export interface SopTaskValues {
  id: string;
  key: string;
  position: number;
  title: string;
  description: string | null;
  owner_role: string;
  due_day: number;
  due_offset_minutes: number | null;
  depends_on: string[];
}

/** SOP templates and their tasks. */
export function createSopTemplateRepository(db: ScheduleDb) {
  const insertTasks = async (
    target: ScheduleDb,
    orgId: string,
    templateId: string,
    tasks: readonly SopTaskValues[],
  ) => {
    await target
      .insertInto('sop_template_tasks')
      .values(
        tasks.map((t) => ({
          ...t,
          org_id: orgId,
          template_id: templateId,
          depends_on: JSON.stringify(t.depends_on),
        })),
      )
      .execute();
  };

  return {
    async list(orgId: string, includeArchived: boolean): Promise<SopTemplateRow[]> {
      let query = db.selectFrom('sop_templates').selectAll().where('org_id', '=', orgId);
      if (!includeArchived) query = query.where('archived_at', 'is', null);
      return query.orderBy('is_default', 'desc').orderBy('created_at').orderBy('id').execute();
    },
    async find(orgId: string, id: string): Promise<SopTemplateRow | undefined> {
      return db
        .selectFrom('sop_templates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
    },
    async tasksOf(orgId: string, templateIds: readonly string[]): Promise<SopTemplateTaskRow[]> {
      if (templateIds.length === 0) return [];
      return db
        .selectFrom('sop_template_tasks')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('template_id', 'in', templateIds)
        .orderBy('template_id')
        .orderBy('position')
        .execute();
    },

    async insert(
      template: {
        id: string;
        org_id: string;
        name: string;
        description: string | null;
        is_default?: boolean;
        created_at: Date;
        updated_at: Date;
      },
      tasks: readonly SopTaskValues[],
    ): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sop_templates').values(template).execute();
        await insertTasks(trx, template.org_id, template.id, tasks);
      });
    },

    /**
     * Inserts the default template once per organisation: the marker row makes a second
     * (or concurrent) call a no-op, and an organisation that deleted it does not get it back.
     */
    async seedOnce(
      template: {
        id: string;
        org_id: string;
        name: string;
        description: string | null;
        created_at: Date;
        updated_at: Date;
      },
      tasks: readonly SopTaskValues[],
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const marked = await trx
          .insertInto('sop_seeded_orgs')
          .values({ org_id: template.org_id })
          .onConflict((oc) => oc.column('org_id').doNothing())
          .returning('org_id')
          .executeTakeFirst();
        if (!marked) return false;
        await trx
          .insertInto('sop_templates')
          .values({ ...template, is_default: true })
          .execute();
        await insertTasks(trx, template.org_id, template.id, tasks);
        return true;
      });
    },
    async isSeeded(orgId: string): Promise<boolean> {
      return (
        (await db
          .selectFrom('sop_seeded_orgs')
          .select('org_id')
          .where('org_id', '=', orgId)
          .executeTakeFirst()) !== undefined
      );
    },

    /** Replaces name, description and tasks, and bumps the version; runs keep their own copies. */
    async replace(
      orgId: string,
      id: string,
      patch: { name: string; description: string | null; updated_at: Date },
      tasks: readonly SopTaskValues[],
    ): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('sop_templates')
          .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .where('archived_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!updated) return false;
        await trx
          .deleteFrom('sop_template_tasks')
          .where('org_id', '=', orgId)
          .where('template_id', '=', id)
          .execute();
        await insertTasks(trx, orgId, id, tasks);
        return true;
      });
    },
    async archive(orgId: string, id: string, at: Date): Promise<void> {
      await db
        .updateTable('sop_templates')
        .set({ archived_at: at, updated_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
  };
}
export type SopTemplateRepository = ReturnType<typeof createSopTemplateRepository>;
