import type { moderationZhCN } from './moderation.zh-cn';

/** Moderation copy in English. */
export const moderationEnUS: typeof moderationZhCN = {
  moderation: {
    title: 'Moderation',
    subtitle:
      'Big-screen comments are flagged against the lexicon below: Advertising Law absolute terms, off-platform diversion, abuse and false claims, including traditional, full-width, symbol-split and homophone variants. Times are Beijing time.',
    flaggedTitle: 'Recently flagged comments',
    flaggedHint: 'Found among the latest {{scanned}} comments',
    flaggedEmpty: 'No flagged comments among the latest ones',
    lexiconTitle: 'Lexicon',
    lexiconSource: { built_in: 'Built-in lexicon', organisation: 'Organisation lexicon' },
    lexiconCount: '{{count}} terms',
    searchPlaceholder: 'Search terms',
    allCategories: 'All categories',
    term: 'Term',
    category: 'Category',
    severity: 'Severity',
    homophone: 'Homophones',
    homophoneYes: 'Yes',
    homophoneNo: 'No',
    comment: 'Comment',
    viewer: 'Viewer',
    session: 'Live session',
    sessionUnscheduled: 'Unscheduled session',
    time: 'Time',
    hits: 'Matched',
    via: { exact: 'as written', homophone: 'by sound' },
    categories: {
      absolute_term: 'Absolute term',
      contact_diversion: 'Off-platform diversion',
      abuse: 'Abuse',
      false_claim: 'False claim',
    },
    severities: { high: 'High (blocked)', medium: 'Medium (review)', low: 'Low (shown)' },
    anonymousViewer: 'Anonymous viewer',
  },
};
