import { permissions, roles } from '@livecloud/contracts/vocabulary';
import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-us';
import { zhCN } from '../../i18n/zh-cn';

describe('the roles page labels', () => {
  for (const [lang, messages] of [
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const) {
    it(`name every role, permission and permission area (${lang})`, () => {
      const areas = [...new Set(permissions.map((p) => p.split(':')[0] ?? p))];
      expect(roles.filter((r) => !Object.hasOwn(messages.roles, r))).toEqual([]);
      expect(permissions.filter((p) => !Object.hasOwn(messages.permissions, p))).toEqual([]);
      expect(areas.filter((a) => !Object.hasOwn(messages.settings.rolesPage.area, a))).toEqual([]);
    });
  }
});
