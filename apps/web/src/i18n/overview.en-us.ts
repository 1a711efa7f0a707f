import type { overviewHomeZhCN } from './overview.zh-cn';

/** The home page per role, and the system status page, in English. */
export const overviewHomeEnUS: typeof overviewHomeZhCN = {
  liveTitle: 'Live now',
  upcomingTitle: 'Today and the next 7 days',
  mineTitle: 'My schedule',
  allLive: 'Big screen',
  allSchedule: 'Full schedule',
  noSessions: 'No sessions',
  notAnchor: 'Your account is not linked to an anchor yet; ask an administrator to link it.',
  today: 'Today',
  openBigScreen: 'Open big screen',
  openLineup: 'View line-up',
  todoTitle: 'To-dos',
  todo: {
    submissions: 'Submissions awaiting review',
    qc: 'Samples awaiting QC',
    sop: 'Open SOP tasks',
    sopOverdue: 'Overdue SOP tasks',
  },
  systemLead: 'Connectivity and latency of the stores and engines',
};
