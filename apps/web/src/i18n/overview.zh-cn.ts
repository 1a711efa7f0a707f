/** 工作台 (home) per role, and the system status page it no longer carries. */
export const overviewHomeZhCN = {
  liveTitle: '正在直播',
  upcomingTitle: '今日及近 7 天场次',
  mineTitle: '我的排期',
  allLive: '数据大屏',
  allSchedule: '全部排期',
  noSessions: '暂无场次',
  notAnchor: '你的账号尚未关联主播，请联系管理员在资源中关联。',
  today: '今天',
  openBigScreen: '打开大屏',
  openLineup: '查看排品',
  todoTitle: '待办',
  todo: {
    submissions: '待审核报品',
    qc: '待品控样品',
    sop: 'SOP 未完成任务',
    sopOverdue: 'SOP 已逾期任务',
  },
  systemLead: '存储与引擎的连通性和延迟',
};
