import type { SopTemplateInput } from './sop.schema.js';

/**
 * The "new room in 7 days" checklist (新直播间 7 天开播) every organisation starts with: the
 * standard operating procedure that takes a room from nothing to its first broadcast.
 */
export const defaultSopTemplate: SopTemplateInput = {
  name: '新直播间 7 天开播',
  description: '从开通账号到正式开播的标准作业流程：账号、场地、设备、主播、货品、预热与试播，7 天完成。',
  tasks: [
    {
      key: 'account',
      title: '开通账号',
      description: '开通直播账号，完成实名认证、类目资质与带货权限申请，绑定店铺与收款。',
      ownerRole: 'operator',
      dueDay: 0,
      dependsOn: [],
    },
    {
      key: 'room_design',
      title: '直播间装修',
      description: '确定背景、货架陈列、灯位与机位，布置品牌视觉物料。',
      ownerRole: 'operator',
      dueDay: 1,
      dependsOn: [],
    },
    {
      key: 'equipment',
      title: '设备调试',
      description: '调试摄像机、声卡、麦克风与补光灯，测试推流网络带宽与备用线路。',
      ownerRole: 'operator',
      dueDay: 2,
      dependsOn: ['room_design'],
    },
    {
      key: 'anchor_training',
      title: '主播培训',
      description: '平台规则、广告法极限词、话术与控场训练，熟悉商品卖点。',
      ownerRole: 'anchor',
      dueDay: 2,
      dependsOn: [],
    },
    {
      key: 'selection',
      title: '选品',
      description: '按直播间定位确定首播货盘、价格带与毛利要求，完成比价。',
      ownerRole: 'selection',
      dueDay: 2,
      dependsOn: ['account'],
    },
    {
      key: 'samples',
      title: '样品到位',
      description: '寄样到直播间并完成品控检验，不合格商品及时替换。',
      ownerRole: 'qc',
      dueDay: 4,
      dependsOn: ['selection'],
    },
    {
      key: 'lineup',
      title: '排品',
      description: '确定讲解顺序、讲解时长、直播价、机制（优惠券、秒杀、福袋）与库存分配。',
      ownerRole: 'operator',
      dueDay: 5,
      dependsOn: ['samples'],
    },
    {
      key: 'warmup_video',
      title: '预热视频',
      description: '拍摄并发布开播预告短视频，设置直播预约。',
      ownerRole: 'operator',
      dueDay: 5,
      dependsOn: ['account'],
    },
    {
      key: 'script',
      title: '直播脚本',
      description: '按排品撰写逐品讲解脚本，与主播对稿。',
      ownerRole: 'anchor',
      dueDay: 5,
      dependsOn: ['lineup', 'anchor_training'],
    },
    {
      key: 'ads_plan',
      title: '投放计划',
      description: '设置首播投放预算、出价与保本 ROI，准备素材。',
      ownerRole: 'ad_buyer',
      dueDay: 6,
      dependsOn: ['lineup'],
    },
    {
      key: 'rehearsal',
      title: '试播',
      description: '完整走播一遍：画面、声音、商品上下架、优惠券与福袋设置全部演练。',
      ownerRole: 'anchor',
      dueDay: 6,
      dependsOn: ['equipment', 'script'],
    },
    {
      key: 'launch',
      title: '正式开播',
      description: '按排期正式开播，开播后当天完成复盘。',
      ownerRole: 'anchor',
      dueDay: 7,
      dependsOn: ['rehearsal', 'warmup_video', 'ads_plan'],
    },
  ],
};
