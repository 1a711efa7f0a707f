import AhoCorasick from 'modern-ahocorasick';
import { keysOfText, soundOfPhrase, spanOf, writingOfPhrase, type MatchKey } from './match-key.js';
import { defaultAllowList, defaultLexicon } from './moderation-lexicon.js';
import type {
  LexiconTerm,
  ModerationHit,
  ModerationVerdict,
  ModerationVia,
  Moderator,
  ModeratorOptions,
} from './moderation.types.js';
import { normaliseForModeration } from './text-normaliser.js';

/** What a dictionary entry stands for: a banned term, or an allowed phrase that shields it. */
type PatternData = { readonly kind: 'term'; readonly term: LexiconTerm } | { readonly kind: 'allow' };

/** A key also knows how many characters it spans, to map a match back to the text. */
type KeyData = PatternData & { readonly characters: number };

interface Span {
  readonly start: number;
  readonly end: number;
}

interface Candidate extends Span {
  readonly term: LexiconTerm;
  readonly via: ModerationVia;
}

/** What the searches of one text turned up, before allowed phrases and overlaps are applied. */
interface Found {
  readonly candidates: Candidate[];
  readonly allowedExactly: Span[];
  readonly allowedBySound: Span[];
}

function collect(matcher: AhoCorasick<KeyData>, key: MatchKey, via: ModerationVia, found: Found): void {
  for (const m of matcher.search(key.key)) {
    if (m.data === undefined) continue;
    const span = spanOf(key, m.start, m.data.characters);
    if (m.data.kind === 'term') found.candidates.push({ ...span, term: m.data.term, via });
    else if (via === 'exact') found.allowedExactly.push(span);
    else found.allowedBySound.push(span);
  }
}

const severityRank = { high: 0, medium: 1, low: 2 } as const;

function normalisedPhrase(phrase: string, what: string): string {
  const normalised = normaliseForModeration(phrase).text;
  if (normalised.length === 0) throw new RangeError(`${what} "${phrase}" has no letter or digit to match`);
  return normalised;
}

/** Allowed spans, sorted so that "is this span inside any of them" is a binary search. */
function shelter(spans: Span[]): (span: Span) => boolean {
  if (spans.length === 0) return () => false;
  spans.sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  let furthest = -1;
  for (const s of spans) reach.push((furthest = Math.max(furthest, s.end)));
  return (span) => {
    let low = 0;
    let high = spans.length - 1;
    if ((spans[0]?.start ?? 0) > span.start) return false;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if ((spans[mid]?.start ?? 0) <= span.start) low = mid;
      else high = mid - 1;
    }
    return (reach[low] ?? -1) >= span.end;
  };
}

// Longest first at each start, exact before homophone, then the more severe term: a span inside
// an earlier-kept one is the same finding said shorter, so it is dropped.
function longest(candidates: Candidate[]): Candidate[] {
  candidates.sort(
    (a, b) =>
      a.start - b.start ||
      b.end - a.end ||
      (a.via === b.via ? 0 : a.via === 'exact' ? -1 : 1) ||
      severityRank[a.term.severity] - severityRank[b.term.severity],
  );
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.end <= reach) continue;
    kept.push(c);
    reach = c.end;
  }
  return kept;
}

/**
 * Compiles a lexicon into a moderator. Terms and allowed phrases are normalised like the text
 * (see `normaliseForModeration`) and matched in one Aho–Corasick pass over the normalised text
 * plus one over its toneless pinyin (terms of two or more Chinese characters only), both spelled
 * as ASCII keys. Build it once; `check` is pure and synchronous.
 *
 * A hit inside an occurrence of an allowed phrase is dropped (最 inside 最后, 第一 inside 第一次).
 * Allowed phrases also shield homophone hits that sound like them (allowing 片子 also clears 偏子
 * as a homophone of 骗子), but never an exact hit: 最厚 (zui hou) is flagged although it sounds like
 * the allowed 最后, and 醉后 is not flagged at all because the single character 最 is never matched
 * by sound.
 *
 * @throws RangeError when a term or allowed phrase normalises to nothing (e.g. only punctuation).
 */
export function createModerator(options: ModeratorOptions = {}): Moderator {
  const byPhrase = new Map<string, LexiconTerm>();
  for (const term of options.terms ?? defaultLexicon) byPhrase.set(normalisedPhrase(term.term, 'term'), term);

  const writingPatterns: { pattern: string; data: KeyData }[] = [];
  const soundPatterns: { pattern: string; data: KeyData }[] = [];
  const add = (phrase: string, data: PatternData, bySound: boolean) => {
    const written = writingOfPhrase(phrase);
    writingPatterns.push({ pattern: written.key, data: { ...data, characters: written.characters } });
    const sound = bySound ? soundOfPhrase(phrase) : undefined;
    if (sound) soundPatterns.push({ pattern: sound.key, data: { ...data, characters: sound.characters } });
  };
  for (const [phrase, term] of byPhrase) add(phrase, { kind: 'term', term }, term.homophone !== false);
  const allowed = new Set(
    (options.allow ?? defaultAllowList).map((a) => normalisedPhrase(a, 'allowed phrase')),
  );
  for (const phrase of allowed) add(phrase, { kind: 'allow' }, true);
  const byWriting = new AhoCorasick<KeyData>(writingPatterns);
  const bySound = soundPatterns.length > 0 ? new AhoCorasick<KeyData>(soundPatterns) : undefined;

  return {
    check(text: string): ModerationVerdict {
      const normalised = normaliseForModeration(text);
      if (normalised.text.length === 0) return { flagged: false, hits: [] };
      const keys = keysOfText(normalised.text, bySound !== undefined);
      const found: Found = { candidates: [], allowedExactly: [], allowedBySound: [] };
      collect(byWriting, keys.writing, 'exact', found);
      if (bySound && keys.sound) collect(bySound, keys.sound, 'homophone', found);
      const { candidates, allowedExactly, allowedBySound } = found;
      if (candidates.length === 0) return { flagged: false, hits: [] };

      const insideExact = shelter(allowedExactly);
      const insideSound = shelter(allowedBySound);
      const standing = candidates.filter(
        (c) => !insideExact(c) && !(c.via === 'homophone' && insideSound(c)),
      );
      const hits = longest(standing).map((c): ModerationHit => {
        const start = normalised.starts[c.start] ?? 0;
        const end = normalised.ends[c.end - 1] ?? start;
        const { term, category, severity } = c.term;
        return { term, category, severity, via: c.via, start, end, matched: text.slice(start, end) };
      });
      return { flagged: hits.length > 0, hits };
    },
  };
}
