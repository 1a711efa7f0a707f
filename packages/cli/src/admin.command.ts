import { randomBytes } from 'node:crypto';
import {
  createApiKeyInput,
  createOrganisationInput,
  onboardStaffInput,
  type Access,
} from '@livecloud/access';
import { AppError, loadConfig } from '@livecloud/core';
import type { Command } from 'commander';
import { printError, printResult } from './output.js';
import { withAccess } from './records.js';

interface Common {
  dataDir?: string;
  json?: boolean;
}

async function orgOf(access: Access, ref: string): Promise<{ id: string; name: string }> {
  const org = await access.organisations.findBySlugOrId(ref);
  if (!org) throw AppError.notFound('organisation', ref);
  return org;
}

const cli = { type: 'system' as const, id: 'cli' };

/** `org create`, `user create`, `key create`: the admin's scripting commands. */
export function registerAdminCommands(program: Command): void {
  const org = program.command('org').description('organisations (tenants)');
  org
    .command('create')
    .description('create an organisation')
    .requiredOption('--name <name>', 'display name, e.g. 星河直播')
    .option('--slug <slug>', 'short unique handle; made up when omitted')
    .option('--data-dir <dir>', 'embedded data directory')
    .option('--json', 'print the result as JSON')
    .action(async (options: Common & { name: string; slug?: string }) => {
      try {
        const input = createOrganisationInput.parse({ name: options.name, slug: options.slug });
        const config = loadConfig(process.env, { dataDir: options.dataDir });
        const created = await withAccess(config, (access) => access.organisations.create(input, cli));
        printResult(Boolean(options.json), created, [
          `organisation ${created.id} "${created.name}" (slug ${created.slug})`,
        ]);
      } catch (error) {
        printError(Boolean(options.json), error);
      }
    });

  program
    .command('user')
    .description('people')
    .command('create')
    .description('on-board a person into an organisation with a role')
    .requiredOption('--org <org>', 'organisation id or slug')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption(
      '--role <role>',
      'admin, operator, selection, qc, anchor, ad_buyer, analyst, risk, merchant or partner',
    )
    .option('--name <name>', 'display name; the e-mail when omitted')
    .option('--password <password>', 'initial password (≥ 10 characters); generated and printed when omitted')
    .option('--data-dir <dir>', 'embedded data directory')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        options: Common & { org: string; email: string; role: string; name?: string; password?: string },
      ) => {
        try {
          const password = options.password ?? randomBytes(9).toString('base64url');
          const input = onboardStaffInput.parse({
            email: options.email,
            name: options.name ?? options.email,
            role: options.role,
            password,
          });
          const config = loadConfig(process.env, { dataDir: options.dataDir });
          const staff = await withAccess(config, async (access) =>
            access.staff.onboard((await orgOf(access, options.org)).id, input, cli),
          );
          const generated = options.password === undefined ? { password } : {};
          printResult(Boolean(options.json), { ...staff, ...generated }, [
            `${staff.email} is ${staff.role} (${staff.id})`,
            ...(options.password === undefined ? [`initial password: ${password}`] : []),
          ]);
        } catch (error) {
          printError(Boolean(options.json), error);
        }
      },
    );

  program
    .command('key')
    .description('API keys')
    .command('create')
    .description('create an API key: a write-only collector key for one source, or an admin key for scripts')
    .requiredOption('--org <org>', 'organisation id or slug')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--purpose <purpose>', 'collector or admin', 'collector')
    .option(
      '--source <source>',
      'for collector keys: douyin, kuaishou, taobao, xiaohongshu, wechat_channels, sdk, segment, simulator or import',
    )
    .option('--data-dir <dir>', 'embedded data directory')
    .option('--json', 'print the result as JSON')
    .action(async (options: Common & { org: string; name: string; purpose: string; source?: string }) => {
      try {
        const input = createApiKeyInput.parse({
          name: options.name,
          purpose: options.purpose,
          source: options.source,
        });
        const config = loadConfig(process.env, { dataDir: options.dataDir });
        const key = await withAccess(config, async (access) =>
          access.apiKeys.create((await orgOf(access, options.org)).id, input, cli),
        );
        printResult(Boolean(options.json), key, [
          `${key.purpose} key ${key.id} "${key.name}"${key.source ? ` for ${key.source}` : ''}`,
          `secret (shown once): ${key.secret}`,
        ]);
      } catch (error) {
        printError(Boolean(options.json), error);
      }
    });
}
