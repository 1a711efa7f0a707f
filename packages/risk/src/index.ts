/**
 * `@livecloud/risk` — risk control: text moderation of live comments, titles and scripts.
 *
 * {@link createModerator} compiles a lexicon (by default {@link defaultLexicon}: Advertising Law
 * absolute terms, off-platform diversion, abuse and false claims, shielded by
 * {@link defaultAllowList}) once; its `check` flags a text robustly against traditional characters,
 * full-width forms, inserted symbols and homophones, and reports hits in the original text's
 * positions. {@link normaliseForModeration} is the normalisation it matches on.
 *
 * @packageDocumentation
 */
export { createModerator } from './moderator.js';
export { defaultAllowList, defaultLexicon } from './moderation-lexicon.js';
export { normaliseForModeration, toOriginalRange, type NormalisedText } from './text-normaliser.js';
export {
  moderationCategories,
  type LexiconTerm,
  type ModerationCategory,
  type ModerationHit,
  type ModerationSeverity,
  type ModerationVerdict,
  type ModerationVia,
  type Moderator,
  type ModeratorOptions,
} from './moderation.types.js';
