import type { Access, OrganisationDto, Role } from '@livecloud/access';

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
  { email: 'selection@demo.livecloud.dev', password: 'livecloud-selection', role: 'selection', name: '陈选品' },
  { email: 'qc@demo.livecloud.dev', password: 'livecloud-qc', role: 'qc', name: '王品控' },
  { email: 'anchor@demo.livecloud.dev', password: 'livecloud-anchor', role: 'anchor', name: '李主播' },
  { email: 'adbuyer@demo.livecloud.dev', password: 'livecloud-adbuyer', role: 'ad_buyer', name: '赵投手' },
  { email: 'analyst@demo.livecloud.dev', password: 'livecloud-analyst', role: 'analyst', name: '孙分析' },
  { email: 'risk@demo.livecloud.dev', password: 'livecloud-risk', role: 'risk', name: '吴风控' },
];

/** Creates the demo organisation with staff in several roles; returns the logins to print. */
export async function seedDemo(access: Access): Promise<{ org: OrganisationDto; logins: DemoLogin[] }> {
  const existing = await access.organisations.findBySlugOrId('demo');
  const org = existing ?? (await access.organisations.create({ name: '星河直播 (演示)', slug: 'demo' }));
  if (!existing) {
    for (const person of demoPeople) {
      await access.staff.onboard(org.id, person, { type: 'system', id: null });
    }
  }
  return { org, logins: demoPeople };
}
