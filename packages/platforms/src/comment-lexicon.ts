import type { Random } from './random.js';

/** What a moderator should make of a simulated comment; `null` for an innocent one. */
export type CommentFlag = 'absolute_term' | 'contact_diversion' | null;

/** A comment the simulator may write, with the verdict a correct moderation filter reaches. */
export interface SimulatedComment {
  text: string;
  flag: CommentFlag;
}

const innocent = (texts: readonly string[]): SimulatedComment[] =>
  texts.map((text) => ({ text, flag: null }));

// What viewers type in any room: greetings, price and link questions, hype.
const generic = innocent([
  '主播这个有优惠吗',
  '链接在哪',
  '几号链接',
  '来了来了',
  '主播好',
  '还有库存吗',
  '怎么拍',
  '能便宜点吗',
  '发什么快递',
  '什么时候发货',
  '有赠品吗',
  '可以用券吗',
  '上链接',
  '主播讲慢点',
  '求过款',
  '等秒杀',
  '支持七天无理由吗',
  '包邮吗',
  '666',
  '蹲一个',
  // Near misses: contain characters of banned absolute terms but are innocent; a good filter
  // must not flag them.
  '第一次来直播间',
  '第一次买这个牌子',
  '最近在减肥',
  '最后一单了吗',
]);

const byCategory: Readonly<Record<string, readonly SimulatedComment[]>> = {
  beauty: innocent([
    '适合油皮吗',
    '敏感肌能用吗',
    '孕妇可以用吗',
    '色号怎么选',
    '黄黑皮选哪个色',
    '保质期到什么时候',
    '有小样吗',
    '和专柜一样吗',
    '持妆多久',
  ]),
  food: innocent([
    '保质期多久',
    '甜不甜',
    '辣不辣',
    '一袋多少克',
    '小孩能吃吗',
    '是独立包装吗',
    '产地哪里的',
    '冷链发货吗',
  ]),
  apparel: innocent([
    '尺码怎么选',
    '160斤穿什么码',
    '有黑色吗',
    '起球吗',
    '会不会透',
    '主播身高体重多少',
    '偏大还是偏小',
    '面料是纯棉吗',
    '能机洗吗',
  ]),
};

const afterPurchase = innocent(['已拍', '已拍，快点发货', '拍了两单', '已下单', '抢到了']);
const soldOut = innocent(['怎么没货了', '什么时候补货', '没抢到', '再上一点库存吧']);

// A few per hundred comments break the Advertising Law's absolute-term ban or try to pull
// viewers off the platform (导流); moderation must catch them.
const flagged: readonly SimulatedComment[] = [
  { text: '这个是全网最低价吗', flag: 'absolute_term' },
  { text: '主播说的第一品牌是真的吗', flag: 'absolute_term' },
  { text: '国家级配方？', flag: 'absolute_term' },
  { text: '最好用的粉底就是这个', flag: 'absolute_term' },
  { text: '史上最低价冲冲冲', flag: 'absolute_term' },
  { text: '顶级品质绝对正品', flag: 'absolute_term' },
  { text: '加v私聊更便宜 vx:tb8868', flag: 'contact_diversion' },
  { text: '想要的私我 q群123456789', flag: 'contact_diversion' },
];

/** Every comment text the simulator can produce, with its expected moderation verdict. */
export const commentLexicon: readonly SimulatedComment[] = [
  ...generic,
  ...Object.values(byCategory).flat(),
  ...afterPurchase,
  ...soldOut,
  ...flagged,
];

const flaggedShare = 0.03;

/** A comment for the moment: about the product on screen when there is one, else small talk. */
export function drawComment(random: Random, category: string | undefined): string {
  if (random.chance(flaggedShare)) return random.pick(flagged).text;
  const topical = category === undefined ? undefined : byCategory[category];
  if (topical !== undefined && random.chance(0.5)) return random.pick(topical).text;
  return random.pick(generic).text;
}

/** What a buyer says after paying (晒单 in the chat). */
export function drawAfterPurchaseComment(random: Random): string {
  return random.pick(afterPurchase).text;
}

/** What a viewer says after missing a sold-out product. */
export function drawSoldOutComment(random: Random): string {
  return random.pick(soldOut).text;
}
