import type { LexiconTerm, ModerationCategory, ModerationSeverity } from './moderation.types.js';

type Entry = readonly [term: string, severity: ModerationSeverity, homophone?: false];

function category(name: ModerationCategory, entries: readonly Entry[]): LexiconTerm[] {
  return entries.map(([term, severity, homophone]) =>
    homophone === false ? { term, category: name, severity, homophone } : { term, category: name, severity },
  );
}

// 广告法 第九条(三): national-level, highest, best and similar absolute wording in advertising.
const absoluteTerms: readonly Entry[] = [
  ['最', 'low'],
  ['最好', 'medium'],
  ['最佳', 'medium'],
  ['最优', 'medium'],
  ['最强', 'medium'],
  ['最高级', 'medium'],
  ['最先进', 'medium'],
  ['最低价', 'high'],
  ['最便宜', 'high'],
  ['史上最低价', 'high'],
  ['全网最低', 'high'],
  ['全网最低价', 'high'],
  ['第一', 'medium', false], // 低一点 (di yi dian) is a common haggle
  ['全网第一', 'high'],
  ['销量第一', 'high'],
  ['排名第一', 'high'],
  ['行业第一', 'high'],
  ['全国第一', 'high'],
  ['第一品牌', 'high'],
  ['no1', 'medium'],
  ['top1', 'medium'],
  ['国家级', 'high'],
  ['世界级', 'high'],
  ['顶级', 'medium'],
  ['顶尖', 'medium'],
  ['极品', 'medium'],
  ['极致', 'low'],
  ['唯一', 'medium', false], // 因为一直 (wei yi) sounds the same
  ['独一无二', 'medium'],
  ['首个', 'medium', false], // 收个 (shou ge) is ordinary speech
  ['首家', 'medium'],
  ['首选', 'medium'],
  ['独家', 'low', false], // 度假 (du jia) sounds the same
  ['绝对', 'medium'],
  ['100%', 'medium'],
  ['百分百', 'medium'],
  ['万能', 'medium', false], // 今晚能发 (wan neng) sounds the same
  ['史无前例', 'medium'],
  ['前无古人', 'medium'],
  ['绝无仅有', 'medium'],
  ['领导品牌', 'medium'],
  ['驰名商标', 'high'],
  ['国家免检', 'high'],
  ['特供', 'high'],
  ['秒杀全网', 'high'],
  ['永久', 'low'],
];

// Diverting buyers to a private channel or another platform, where the room cannot protect them.
const offPlatformTerms: readonly Entry[] = [
  ['加微信', 'high'],
  ['加我微信', 'high'],
  ['微信号', 'high'],
  ['加微', 'medium', false], // 价位 (jia wei) is how viewers ask for a price range
  ['加v', 'high'],
  ['加我v', 'high'],
  ['加vx', 'high'],
  ['v信', 'high'],
  ['vx', 'high'],
  ['wx', 'medium'],
  ['加qq', 'high'],
  ['qq号', 'high'],
  ['q群', 'high'],
  ['qq群', 'high'],
  ['私我', 'medium', false], // "message me"; by sound (si wo) it would reach everyday words
  ['加群', 'high'],
  ['私聊', 'medium', false], // 饲料 (si liao) is sold in farm rooms
  ['私下交易', 'high'],
  ['线下交易', 'high'],
  ['淘宝搜', 'high'],
  ['去淘宝', 'medium'],
  ['拼多多', 'medium'],
  ['闲鱼', 'medium', false], // 咸鱼 (xian yu) is sold in food rooms
  ['京东搜', 'high'],
];

// Insults against the host or other viewers.
const abuseTerms: readonly Entry[] = [
  ['傻逼', 'high'],
  ['傻b', 'high'],
  ['操你妈', 'high'], // by sound also 草泥马
  ['死全家', 'high'],
  ['去死', 'high'],
  ['婊子', 'high'],
  ['贱人', 'high', false], // 坚韧 (jian ren) describes products
  ['脑残', 'medium'],
  ['智障', 'medium', false], // 纸张 (zhi zhang) describes products
  ['狗东西', 'medium'],
  ['滚蛋', 'medium'],
  ['骗子', 'medium', false], // 片子 (pian zi) is a film or an X-ray
  ['垃圾主播', 'medium'],
  ['垃圾货', 'medium'],
];

// Medical and efficacy claims that ordinary goods may not make (广告法 第十七条).
const falseClaimTerms: readonly Entry[] = [
  ['治愈', 'high', false], // 至于 / 之余 (zhi yu) are everyday words
  ['根治', 'high'],
  ['包治百病', 'high'],
  ['药到病除', 'high'],
  ['无副作用', 'high'],
  ['零副作用', 'high'],
  ['100%有效', 'high'],
  ['永不复发', 'high'],
  ['特效药', 'high'],
  ['神药', 'high'],
  ['一次见效', 'high'],
  ['立竿见影', 'medium'],
  ['抗癌', 'high'],
  ['防癌', 'high'],
  ['降血压', 'high'],
  ['降血糖', 'high'],
  ['延年益寿', 'medium'],
  ['祖传秘方', 'medium'],
];

/** The built-in lexicon: Advertising Law absolute terms, off-platform diversion, abuse and false claims. */
export const defaultLexicon: readonly LexiconTerm[] = [
  ...category('absolute_term', absoluteTerms),
  ...category('contact_diversion', offPlatformTerms),
  ...category('abuse', abuseTerms),
  ...category('false_claim', falseClaimTerms),
];

/**
 * Innocent phrases that contain a banned term. A hit inside one of these (as written, after
 * normalisation) is dropped; a homophone hit is also dropped inside anything that sounds like one.
 */
export const defaultAllowList: readonly string[] = [
  '第一次', // "the first time": a viewer's story, not a ranking
  '第一天', // a date
  '第一个', // ordinal: "the first one"
  '第一件', // ordinal: "the first item"
  '第一款', // ordinal: "the first product" of the line-up, asked all the time
  '第一批', // ordinal: "the first batch"
  '第一单', // ordinal: "my first order"
  '第一眼', // "at first sight"
  '第一时间', // "right away": a promise of speed, not a ranking; allowed by judgement
  '最后', // "last" (最后一件)
  '最近', // "recently"
  '最新', // "newest" is commonly tolerated for a genuinely new arrival
  '最初', // "at first"
  '最终', // "finally"
  '最早', // "earliest" (最早什么时候发货)
  '最晚', // "latest" (最晚几号到)
  '最迟', // "at the latest"
  '最少', // "at least" (最少买几件)
  '最多', // "at most" (最多能买几单)
  '唯一的问题', // a complaint ("the only problem is"), not a claim
  '100%纯棉', // fibre content is labelling, not a claim
  '100%棉', // fibre content is labelling, not a claim
  '治愈系', // a genre ("healing" style), not a medical claim
];
