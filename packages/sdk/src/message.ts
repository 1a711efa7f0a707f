import { attempt, type Environment } from './environment.js';
import { version } from './version.js';

/** JSON-serialisable properties or traits. */
export type Properties = Record<string, unknown>;

/** The page a message was sent from. */
export interface PageContext {
  url: string;
  path: string;
  search: string;
  referrer: string;
  title: string;
}

/** UTM parameters of the page's URL, named as Segment names them. */
export interface CampaignContext {
  source?: string;
  medium?: string;
  name?: string;
  term?: string;
  content?: string;
}

export interface MessageContext {
  library: { name: '@livecloud/sdk'; version: string };
  page?: PageContext;
  campaign?: CampaignContext;
  userAgent?: string;
  locale?: string;
}

/** One message in the Segment HTTP API shape, as queued and as sent. */
export interface LiveCloudMessage {
  type: 'track' | 'identify' | 'page' | 'alias';
  /** The idempotency key: the same on every retry, so the collector counts the message once. */
  messageId: string;
  anonymousId: string;
  userId?: string;
  event?: string;
  name?: string;
  properties?: Properties;
  traits?: Properties;
  previousId?: string;
  /**
   * When it happened, by the device's clock. Sent as `originalTimestamp` (not `timestamp`) so
   * that the collector corrects a wrong device clock with the batch's `sentAt`.
   */
  originalTimestamp: string;
  context: MessageContext;
}

const campaignKeys = [
  ['utm_source', 'source'],
  ['utm_medium', 'medium'],
  ['utm_campaign', 'name'],
  ['utm_term', 'term'],
  ['utm_content', 'content'],
] as const;

export function pageOf(env: Environment): PageContext | undefined {
  const { location, document } = env;
  if (!location) return undefined;
  return {
    url: location.href,
    path: location.pathname,
    search: location.search,
    referrer: attempt(() => document?.referrer) ?? '',
    title: attempt(() => document?.title) ?? '',
  };
}

function campaignOf(search: string): CampaignContext | undefined {
  const params = attempt(() => new URLSearchParams(search));
  let campaign: CampaignContext | undefined;
  for (const [param, key] of campaignKeys) {
    const value = params?.get(param);
    if (value) (campaign ??= {})[key] = value;
  }
  return campaign;
}

/** The context of a message sent now: library, page, campaign, browser. */
export function contextOf(env: Environment): MessageContext {
  const page = pageOf(env);
  const campaign = page && campaignOf(page.search);
  return {
    library: { name: '@livecloud/sdk', version },
    ...(page && { page }),
    ...(campaign && { campaign }),
    ...(env.userAgent !== undefined && { userAgent: env.userAgent }),
    ...(env.locale !== undefined && { locale: env.locale }),
  };
}
