import { trafficSources, type TrafficSource } from '@livecloud/contracts';
import { ok, type StepResult } from './result.js';
import type { EventRecord } from './resolve-tenant.step.js';

// What platforms, exports and SDKs call each traffic source, in Chinese and English.
const aliases: Record<TrafficSource, readonly string[]> = {
  recommend_feed: [
    'feed',
    'recommend',
    'recommendation',
    'recommended',
    'for_you',
    'foryou',
    'fyp',
    'home_feed',
    'homefeed',
    'live_square',
    '推荐',
    '推荐页',
    '推荐流',
    '推荐feed',
    '首页推荐',
    '直播推荐',
    '直播广场',
    '同城',
    '猜你喜欢',
  ],
  followers: [
    'follow',
    'following',
    'followers',
    'fans',
    'subscription',
    '关注',
    '关注页',
    '粉丝',
    '关注tab',
    '我的关注',
  ],
  paid_ads: [
    'ad',
    'ads',
    'paid',
    'paid_ad',
    'cpc',
    'ppc',
    'cpm',
    'sem',
    'qianchuan',
    'dou+',
    'dou_plus',
    'douplus',
    '千川',
    '巨量千川',
    '随心推',
    '小店随心推',
    '投流',
    '付费',
    '付费流量',
    '广告',
    '磁力金牛',
    '超级直播',
  ],
  short_video: ['video', 'short-video', 'shortvideo', 'clip', '短视频', '视频', '短视频引流', '视频推荐'],
  search: ['search', 'organic_search', 'seo', '搜索', '直播搜索', '搜索页'],
  other: ['other', 'others', 'direct', 'unknown', 'none', '其他', '其它', '直接访问', '个人主页', '分享'],
};

const canonical = new Map<string, TrafficSource>();
for (const source of trafficSources) canonical.set(source, source);
for (const [source, names] of Object.entries(aliases) as [TrafficSource, readonly string[]][]) {
  for (const name of names) canonical.set(name.toLowerCase(), source);
}

/** The traffic source a label names ('feed', '推荐', 'Recommend' → recommend_feed), or undefined. */
export function trafficSourceOf(label: string): TrafficSource | undefined {
  const key = label.trim().toLowerCase().replace(/[\s]+/g, '_');
  return canonical.get(key) ?? canonical.get(key.replace(/_/g, ''));
}

/**
 * Cleans `trafficSource` to the dictionary's names. A label we do not know becomes `other`
 * with the original kept in `properties.rawTrafficSource`, so one odd label never costs the
 * event; a value that is not text is left for validation to reject.
 */
export function normaliseTrafficSource(event: EventRecord): StepResult<EventRecord> {
  const label = event['trafficSource'];
  if (typeof label !== 'string') return ok(event);
  const known = trafficSourceOf(label);
  if (known !== undefined) return ok(known === label ? event : { ...event, trafficSource: known });
  const properties = event['properties'];
  if (
    properties !== undefined &&
    (typeof properties !== 'object' || properties === null || Array.isArray(properties))
  ) {
    return ok(event);
  }
  return ok({ ...event, trafficSource: 'other', properties: { ...properties, rawTrafficSource: label } });
}
