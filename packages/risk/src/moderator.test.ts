import { describe, expect, it } from 'vitest';
import { defaultLexicon } from './moderation-lexicon.js';
import type { ModerationVerdict } from './moderation.types.js';
import { createModerator } from './moderator.js';

const moderator = createModerator();
const check = (text: string) => moderator.check(text);
const terms = (verdict: ModerationVerdict) => verdict.hits.map((h) => h.term);

describe('createModerator with the default lexicon', () => {
  it('flags an Advertising Law absolute term as one hit for its longest phrase', () => {
    const verdict = check('全网最低价');
    expect(verdict.flagged).toBe(true);
    expect(verdict.hits).toEqual([
      {
        term: '全网最低价',
        category: 'absolute_term',
        severity: 'high',
        via: 'exact',
        start: 0,
        end: 5,
        matched: '全网最低价',
      },
    ]);
  });

  it('does not flag a banned term inside an allowed phrase', () => {
    expect(check('这是我第一次买')).toEqual({ flagged: false, hits: [] });
    expect(check('最后一件了吗')).toEqual({ flagged: false, hits: [] });
    expect(check('最新款什么时候到')).toEqual({ flagged: false, hits: [] });
    expect(check('下单了第一时间发货哦')).toEqual({ flagged: false, hits: [] });
  });

  it('still flags the term next to an allowed phrase', () => {
    expect(terms(check('第一次买，真的是全网第一'))).toEqual(['全网第一']);
  });

  it.each(['最*低*价', '最　低价', '最 低 价', '最\u200b低\u200b价', '最🔥低🔥价'])(
    'flags a term with inserted symbols, spaces or emoji: %s',
    (text) => {
      const verdict = check(text);
      expect(terms(verdict)).toEqual(['最低价']);
      expect(verdict.hits[0]?.matched).toBe(text);
    },
  );

  it('flags full-width and upper-case spellings', () => {
    expect(check('ＶＸ').hits[0]).toMatchObject({
      term: 'vx',
      category: 'contact_diversion',
      matched: 'ＶＸ',
    });
    expect(check('加ｖ').hits[0]).toMatchObject({
      term: '加v',
      category: 'contact_diversion',
      matched: '加ｖ',
    });
    expect(terms(check('有事加V'))).toEqual(['加v']);
  });

  it('flags traditional Chinese and reports the traditional original', () => {
    expect(check('全網最低價').hits).toEqual([
      expect.objectContaining({ term: '全网最低价', matched: '全網最低價' }),
    ]);
  });

  it('flags homophones of terms of two or more Chinese characters, marked as such', () => {
    expect(check('加威信').hits).toEqual([
      expect.objectContaining({
        term: '加微信',
        category: 'contact_diversion',
        via: 'homophone',
        matched: '加威信',
      }),
    ]);
    expect(check('这个嘴好').hits).toEqual([expect.objectContaining({ term: '最好', via: 'homophone' })]);
    expect(check('草泥马').hits).toEqual([expect.objectContaining({ term: '操你妈', via: 'homophone' })]);
  });

  it('reports an exact hit once, not again as its own homophone', () => {
    expect(check('加微信').hits).toEqual([expect.objectContaining({ term: '加微信', via: 'exact' })]);
  });

  it('never matches a single character by sound', () => {
    expect(check('喝醉了')).toEqual({ flagged: false, hits: [] });
  });

  it('lets an allowed phrase shield only homophone hits by sound, so 最厚 is flagged and 醉后 is not', () => {
    expect(check('最厚的一款').hits).toEqual([
      expect.objectContaining({ term: '最', via: 'exact', matched: '最' }),
    ]);
    expect(check('醉后')).toEqual({ flagged: false, hits: [] });
  });

  it.each([
    '主播好漂亮',
    '多少钱',
    '什么时候发货',
    '这个颜色好看',
    '能不能低一点',
    '因为一直在看',
    '什么价位',
    '至于吗',
    '今晚能发货吗',
    '拍片子',
    'usb接口的吗',
    '100%纯棉的吗',
    '',
  ])('does not flag the innocent comment %j', (text) => {
    expect(check(text)).toEqual({ flagged: false, hits: [] });
  });

  it('reports positions in the original text', () => {
    const text = '😀😀 主播，全·网·最·低·价？加 Ｖ 详聊，包治百病！';
    const verdict = check(text);
    expect(terms(verdict)).toEqual(['全网最低价', '加v', '包治百病']);
    for (const hit of verdict.hits) expect(hit.matched).toBe(text.slice(hit.start, hit.end));
    expect(verdict.hits.map((h) => h.matched)).toEqual(['全·网·最·低·价', '加 Ｖ', '包治百病']);
  });

  it('handles a 10,000-character text', () => {
    const text = `${'主播好漂亮第一次买'.repeat(1_111)}加微信`;
    expect(text.length).toBe(10_002);
    const verdict = check(text);
    expect(verdict.hits).toEqual([expect.objectContaining({ term: '加微信', start: 9_999, end: 10_002 })]);
  });
});

describe('createModerator with its own lexicon', () => {
  it('uses the given terms instead of the default lexicon', () => {
    const own = createModerator({ terms: [{ term: '秒杀', category: 'promo', severity: 'low' }] });
    expect(own.check('秒杀开始').hits).toEqual([
      { term: '秒杀', category: 'promo', severity: 'low', via: 'exact', start: 0, end: 2, matched: '秒杀' },
    ]);
    expect(own.check('全网最低价').flagged).toBe(false);
  });

  it('extends the default lexicon when the defaults are passed along', () => {
    const own = createModerator({
      terms: [...defaultLexicon, { term: '秒杀', category: 'promo', severity: 'low' }],
    });
    expect(terms(own.check('秒杀全网最低价'))).toEqual(['秒杀全网', '全网最低价']);
  });

  it('uses the given allow-list instead of the default one', () => {
    const own = createModerator({ allow: ['第一名'] });
    expect(own.check('第一名').flagged).toBe(false);
    expect(terms(own.check('第一次'))).toEqual(['第一']);
  });

  it('lets a later entry for the same phrase override an earlier one', () => {
    const own = createModerator({
      terms: [
        { term: '最好', category: 'absolute_term', severity: 'medium' },
        { term: '最 好', category: 'absolute_term', severity: 'high' },
      ],
      allow: [],
    });
    expect(own.check('最好').hits).toEqual([expect.objectContaining({ term: '最 好', severity: 'high' })]);
  });

  it('matches a term by sound unless it opts out', () => {
    const withSound = createModerator({
      terms: [{ term: '私聊', category: 'contact_diversion', severity: 'low' }],
    });
    const without = createModerator({
      terms: [{ term: '私聊', category: 'contact_diversion', severity: 'low', homophone: false }],
    });
    expect(withSound.check('饲料').hits).toEqual([expect.objectContaining({ via: 'homophone' })]);
    expect(without.check('饲料').flagged).toBe(false);
    expect(without.check('私聊').flagged).toBe(true);
  });

  it('shields homophones of an allowed phrase by sound but never the exact term', () => {
    const own = createModerator({
      terms: [{ term: '骗子', category: 'abuse', severity: 'medium' }],
      allow: ['片子'],
    });
    expect(own.check('拍片子').flagged).toBe(false);
    expect(own.check('偏子').flagged).toBe(false);
    expect(own.check('你是骗子').hits).toEqual([expect.objectContaining({ term: '骗子', via: 'exact' })]);
  });

  it('keeps partly overlapping hits and drops only those inside a longer one', () => {
    const own = createModerator({
      terms: [
        { term: '加v', category: 'contact_diversion', severity: 'high' },
        { term: 'vx', category: 'contact_diversion', severity: 'high' },
        { term: 'v', category: 'test', severity: 'low' },
      ],
      allow: [],
    });
    expect(own.check('加vx').hits.map((h) => [h.term, h.start, h.end])).toEqual([
      ['加v', 0, 2],
      ['vx', 1, 3],
    ]);
  });

  it('rejects a term or allowed phrase with nothing to match', () => {
    expect(() => createModerator({ terms: [{ term: '***', category: 'x', severity: 'low' }] })).toThrow(
      RangeError,
    );
    expect(() => createModerator({ allow: [' '] })).toThrow(RangeError);
  });

  it('flags nothing with an empty lexicon', () => {
    expect(createModerator({ terms: [], allow: [] }).check('全网最低价')).toEqual({
      flagged: false,
      hits: [],
    });
  });
});
