import { describe, expect, it } from 'vitest';
import { enUS } from '../../i18n/en-us';
import { zhCN } from '../../i18n/zh-cn';

// The modules still being built are exactly those with a "purpose" for their empty page.
const pending = Object.keys(zhCN.modules.purpose) as (keyof typeof zhCN.modules.purpose)[];

describe('the login page copy', () => {
  for (const [lang, messages] of [
    ['zh-CN', zhCN],
    ['en-US', enUS],
  ] as const) {
    it(`names no module that is not built yet (${lang})`, () => {
      const { heroTitle, heroLead, heroBefore, heroDuring, heroAfter } = messages.auth;
      const copy = [heroTitle, heroLead, heroBefore, heroDuring, heroAfter].join('\n').toLowerCase();
      const advertised = pending.filter((key) => copy.includes(messages.nav.items[key].toLowerCase()));
      expect(advertised).toEqual([]);
      expect(copy).not.toMatch(/7 ?天|7 days/);
    });
  }
});
