import { randomBytes } from 'node:crypto';
import {
  createApiKeyInput,
  createOrganisationInput,
  onboardStaffInput,
  type CreatedApiKeyDto,
  type OrganisationDto,
  type StaffDto,
} from '@livecloud/access/schemas';
import { loadConfig } from '@livecloud/core';
import type { Command } from 'commander';
import { instanceClientOf, type RemoteOptions } from './instance-client.js';
import { printError, printResult } from './output.js';
import type { withAccess } from './records.js';

interface Common extends RemoteOptions {
  dataDir?: string;
  json?: boolean;
}

const cli = { type: 'system' as const, id: 'cli' };

/**
 * Runs an admin operation on the running server that `--url` names (its instance API, with the
 * instance admin token), or else on the data directory, which no server may hold then. Both
 * paths end in the same access service (`access.instance`), so they validate and fail alike.
 */
async function run<T>(
  options: Common,
  remote: (call: NonNullable<ReturnType<typeof instanceClientOf>>['call']) => Promise<T>,
  local: Parameters<typeof withAccess<T>>[1],
): Promise<T> {
  const client = instanceClientOf(options);
  if (client) return remote((method, path, body) => client.call(method, path, body));
  // The records store and the server's modules load only on this path: --url needs neither.
  const records = await import('./records.js');
  return records.withAccess(loadConfig(process.env, { dataDir: options.dataDir }), local);
}

/** The options every admin command takes: the data directory, or a running server. */
function withTarget(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'embedded data directory (no server may be running on it)')
    .option('--url <url>', 'a running server, e.g. http://127.0.0.1:3000 (env LIVECLOUD_URL)')
    .option('--token <token>', 'the instance admin token (env LIVECLOUD_INSTANCE_ADMIN_TOKEN)')
    .option('--token-file <file>', 'a file holding it, e.g. <data-dir>/instance-admin.token')
    .option('--json', 'print the result as JSON');
}

const org = (ref: string) => `organisations/${encodeURIComponent(ref)}`;

/** `org create|list`, `user create`, `key create`: the admin's scripting commands. */
export function registerAdminCommands(program: Command): void {
  const orgs = program.command('org').description('organisations (tenants)');
  withTarget(
    orgs
      .command('create')
      .description('create an organisation')
      .requiredOption('--name <name>', 'display name, e.g. 星河直播')
      .option('--slug <slug>', 'short unique handle; made up when omitted'),
  ).action(async (options: Common & { name: string; slug?: string }) => {
    try {
      const input = createOrganisationInput.parse({ name: options.name, slug: options.slug });
      const created = await run(
        options,
        (call) => call<OrganisationDto>('POST', 'organisations', input),
        (access) => access.instance.createOrganisation(input, cli),
      );
      printResult(Boolean(options.json), created, [
        `organisation ${created.id} "${created.name}" (slug ${created.slug})`,
      ]);
    } catch (error) {
      printError(Boolean(options.json), error);
    }
  });
  withTarget(orgs.command('list').description('every organisation of the instance')).action(
    async (options: Common) => {
      try {
        const items = await run(
          options,
          async (call) => (await call<{ items: OrganisationDto[] }>('GET', 'organisations')).items,
          (access) => access.instance.listOrganisations(),
        );
        printResult(
          Boolean(options.json),
          { items },
          items.length === 0
            ? ['no organisations yet']
            : items.map((o) => `${o.id}  ${o.slug}  ${o.name}  (created ${o.createdAt})`),
        );
      } catch (error) {
        printError(Boolean(options.json), error);
      }
    },
  );

  withTarget(
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
      .option(
        '--password <password>',
        'initial password (≥ 10 characters); generated and printed when omitted',
      ),
  ).action(
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
        const staff = await run(
          options,
          (call) => call<StaffDto>('POST', `${org(options.org)}/staff`, input),
          (access) => access.instance.onboard(options.org, input, cli),
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

  withTarget(
    program
      .command('key')
      .description('API keys')
      .command('create')
      .description(
        'create an API key: a write-only collector key for one source, or an admin key for scripts',
      )
      .requiredOption('--org <org>', 'organisation id or slug')
      .requiredOption('--name <name>', 'what the key is for')
      .option('--purpose <purpose>', 'collector or admin', 'collector')
      .option(
        '--source <source>',
        'for collector keys: douyin, kuaishou, taobao, xiaohongshu, wechat_channels, sdk, segment, simulator or import',
      ),
  ).action(async (options: Common & { org: string; name: string; purpose: string; source?: string }) => {
    try {
      const input = createApiKeyInput.parse({
        name: options.name,
        purpose: options.purpose,
        source: options.source,
      });
      const key = await run(
        options,
        (call) => call<CreatedApiKeyDto>('POST', `${org(options.org)}/api-keys`, input),
        (access) => access.instance.createKey(options.org, input, cli),
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
