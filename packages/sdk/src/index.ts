export { createLiveCloud, type LiveCloud, type LiveCloudOptions } from './client.js';
export type { DeliveryError, DeliveryStats, DropReason, FlushResult } from './delivery.js';
export {
  browserEnvironment,
  type DocumentLike,
  type Environment,
  type FetchLike,
  type HttpAnswer,
  type LocationLike,
  type PageHideTarget,
  type PostRequest,
  type StorageLike,
} from './environment.js';
export type {
  CampaignContext,
  LiveCloudMessage,
  MessageContext,
  PageContext,
  Properties,
} from './message.js';
export { version } from './version.js';
