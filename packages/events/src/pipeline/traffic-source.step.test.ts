import { describe, expect, it } from 'vitest';
import { normaliseTrafficSource, trafficSourceOf } from './traffic-source.step.js';

describe('traffic source normalisation', () => {
  it.each([
    ['feed', 'recommend_feed'],
    ['推荐', 'recommend_feed'],
    ['Recommend', 'recommend_feed'],
    ['直播广场', 'recommend_feed'],
    ['关注', 'followers'],
    ['千川', 'paid_ads'],
    ['DOU+', 'paid_ads'],
    ['短视频', 'short_video'],
    ['short video', 'short_video'],
    ['搜索', 'search'],
    ['paid_ads', 'paid_ads'],
  ])('maps %s to %s', (label, expected) => {
    expect(trafficSourceOf(label)).toBe(expected);
    expect(normaliseTrafficSource({ trafficSource: label })).toEqual({
      kind: 'ok',
      value: { trafficSource: expected },
    });
  });

  it('turns an unknown label into other and keeps the original in properties', () => {
    expect(normaliseTrafficSource({ trafficSource: '电视', properties: { a: 1 } })).toEqual({
      kind: 'ok',
      value: { trafficSource: 'other', properties: { a: 1, rawTrafficSource: '电视' } },
    });
  });

  it('leaves events without a text traffic source unchanged', () => {
    const event = { id: 'e' };
    expect(normaliseTrafficSource(event)).toEqual({ kind: 'ok', value: event });
    expect(normaliseTrafficSource({ trafficSource: 7 })).toEqual({ kind: 'ok', value: { trafficSource: 7 } });
  });
});
