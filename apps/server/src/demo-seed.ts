import type { Access, OrganisationDto, Role } from '@livecloud/access';
import type { Commerce } from '@livecloud/commerce';
import type { Schedule } from '@livecloud/schedule';
import { seedDemoOperation, type DemoOperation } from './demo-operation.js';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  name: string;
}

/** The demo organisation's people: one per role a visitor will want to try. */
export const demoPeople: DemoLogin[] = [
  { email: 'admin@demo.livecloud.dev', password: 'livecloud-admin', role: 'admin', name: '林晓 (管理员)' },
  { email: 'operator@demo.livecloud.dev', password: 'livecloud-operator', role: 'operator', name: '周运营' },
  {
    email: 'selection@demo.livecloud.dev',
    password: 'livecloud-selection',
    role: 'selection',
    name: '陈选品',
  },
  { email: 'qc@demo.livecloud.dev', password: 'livecloud-qc', role: 'qc', name: '王品控' },
  { email: 'anchor@demo.livecloud.dev', password: 'livecloud-anchor', role: 'anchor', name: '李主播' },
  { email: 'adbuyer@demo.livecloud.dev', password: 'livecloud-adbuyer', role: 'ad_buyer', name: '赵投手' },
  { email: 'analyst@demo.livecloud.dev', password: 'livecloud-analyst', role: 'analyst', name: '孙分析' },
  { email: 'risk@demo.livecloud.dev', password: 'livecloud-risk', role: 'risk', name: '吴风控' },
];

/** The demo merchant's portal login (商家门户), seeded beside the staff. */
export const demoMerchantLogin = {
  email: 'merchant@demo.livecloud.dev',
  password: 'livecloud-merchant',
  name: '钱经理 (商家)',
};

const system = { type: 'system' as const, id: null };

/**
 * Gives the demo's first approved merchant its portal login unless one exists already (a data
 * directory seeded before the login was part of the demo). Returns the login, or null when the
 * organisation has no approved merchant to sign in as.
 */
async function ensureMerchantLogin(
  services: { access: Access; commerce: Commerce },
  orgId: string,
): Promise<typeof demoMerchantLogin | null> {
  const staff = await services.access.staff.list(orgId);
  if (staff.some((s) => s.email === demoMerchantLogin.email && s.status === 'active'))
    return demoMerchantLogin;
  if (staff.some((s) => s.email === demoMerchantLogin.email)) return null;
  const [merchant] = await services.commerce.merchants.list(orgId, { status: 'approved', limit: 1 });
  if (!merchant) return null;
  await services.commerce.merchants.createLogin(orgId, merchant.id, demoMerchantLogin, system);
  return demoMerchantLogin;
}

/**
 * The demo's product categories with their required deposits (保证金) and QC checklists, so
 * merchants can be invited and samples inspected right away. Amounts are fen.
 */
async function seedCatalogue(orgId: string, commerce: Commerce): Promise<void> {
  const beauty = await commerce.categories.create(
    orgId,
    { name: '美妆', requiredDepositFen: 2_000_000 },
    system,
  );
  await commerce.categories.create(
    orgId,
    { name: '护肤', parentId: beauty.id, requiredDepositFen: 2_000_000 },
    system,
  );
  const food = await commerce.categories.create(
    orgId,
    { name: '食品饮料', requiredDepositFen: 1_000_000 },
    system,
  );
  await commerce.categories.create(orgId, { name: '服饰鞋包', requiredDepositFen: 1_500_000 }, system);
  await commerce.qc.createTemplate(
    orgId,
    {
      categoryId: beauty.id,
      name: '美妆样品检验单',
      items: [
        { label: '外包装完好、无破损漏液', required: true },
        { label: '成分表与报品资料一致', required: true },
        { label: '生产日期与保质期清晰', required: true },
        { label: '备案凭证与检测报告齐全', required: true },
        { label: '试用无刺激、气味正常', required: false },
      ],
    },
    system,
  );
  await commerce.qc.createTemplate(
    orgId,
    {
      categoryId: food.id,
      name: '食品样品检验单',
      items: [
        { label: '食品生产许可证（SC）编号可查', required: true },
        { label: '剩余保质期不少于 6 个月', required: true },
        { label: '包装密封、标签完整', required: true },
        { label: '试吃口味与描述一致', required: false },
      ],
    },
    system,
  );
}

/**
 * Creates the demo organisation with staff in several roles, its categories and QC checklists,
 * and (see {@link seedDemoOperation}) a merchant, approved and warehoused products, a room, an
 * account and a planned session with its line-up. Returns the logins to print (staff, and the
 * merchant's portal login) and, when the organisation was made now, the operation the simulated
 * sessions build on.
 */
export async function seedDemo(
  services: { access: Access; commerce: Commerce; schedule: Schedule },
  now: number = Date.now(),
): Promise<{
  org: OrganisationDto;
  logins: DemoLogin[];
  portal: typeof demoMerchantLogin | null;
  operation?: DemoOperation;
}> {
  const { access, commerce } = services;
  const existing = await access.organisations.findBySlugOrId('demo');
  if (existing)
    return { org: existing, logins: demoPeople, portal: await ensureMerchantLogin(services, existing.id) };
  const org = await access.organisations.create({ name: '星河直播 (演示)', slug: 'demo' });
  let anchorMembershipId: string | null = null;
  for (const person of demoPeople) {
    const member = await access.staff.onboard(org.id, person, system);
    if (person.role === 'anchor') anchorMembershipId = member.id;
  }
  await seedCatalogue(org.id, commerce);
  const operation = await seedDemoOperation(services, org.id, now, anchorMembershipId);
  return { org, logins: demoPeople, portal: await ensureMerchantLogin(services, org.id), operation };
}
