/** How serious a hit is: `high` is blocked outright, `medium` is reviewed, `low` is only shown. */
export type ModerationSeverity = 'high' | 'medium' | 'low';

/** The categories of the built-in lexicon; custom terms may use other category names. */
export const moderationCategories = ['absolute_term', 'contact_diversion', 'abuse', 'false_claim'] as const;

/** One of {@link moderationCategories}. */
export type ModerationCategory = (typeof moderationCategories)[number];

/** How a hit was found: the normalised characters themselves, or their toneless pinyin. */
export type ModerationVia = 'exact' | 'homophone';

/** One entry of a moderation lexicon. */
export interface LexiconTerm {
  /** The banned phrase, written as it should read; it is normalised like the text it is matched in. */
  readonly term: string;
  /** A {@link ModerationCategory} for the built-in lexicon; any name for custom terms. */
  readonly category: string;
  readonly severity: ModerationSeverity;
  /**
   * Whether the term is also matched by sound (toneless pinyin). Defaults to true; it only ever
   * applies to terms of two or more Chinese characters. Set false where a common innocent word
   * sounds the same (私聊 / 饲料).
   */
  readonly homophone?: boolean;
}

/** A flagged phrase; `start`/`end` are UTF-16 offsets into the original text, end exclusive. */
export interface ModerationHit {
  /** The lexicon term as written in the lexicon. */
  readonly term: string;
  readonly category: string;
  readonly severity: ModerationSeverity;
  readonly via: ModerationVia;
  readonly start: number;
  readonly end: number;
  /** `text.slice(start, end)` of the original text, inserted symbols included. */
  readonly matched: string;
}

/** The outcome of checking one text: `flagged` is true exactly when there is at least one hit. */
export interface ModerationVerdict {
  readonly flagged: boolean;
  /** Hits in order of start offset; overlapping hits are reduced to the longest. */
  readonly hits: ModerationHit[];
}

/** What {@link createModerator} is built from; each option replaces its default when given. */
export interface ModeratorOptions {
  /** The lexicon; defaults to `defaultLexicon`. Later entries override earlier ones for the same phrase. */
  readonly terms?: readonly LexiconTerm[];
  /** Innocent phrases whose banned terms must not be flagged; defaults to `defaultAllowList`. */
  readonly allow?: readonly string[];
}

/** A compiled lexicon; build it once and reuse it for every text. */
export interface Moderator {
  /** Checks one text against the lexicon. Pure and synchronous. */
  check(text: string): ModerationVerdict;
}
