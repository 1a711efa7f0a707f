import { pinyin } from 'pinyin-pro';

/**
 * A normalised text spelled as an ASCII key with one token per character between bars, in which
 * lexicon phrases (spelled the same way) are searched. Two spellings are used:
 *
 * - by writing: an ASCII character is itself, any other its code point in base 36 (最 → `kcw`);
 * - by sound: a Chinese character is its toneless pinyin, so 加威信 → `|jia|wei|xin|`.
 *
 * Bars keep tokens apart (`|xi|an|` never matches `|xian|`) so every match starts and ends on a
 * character boundary. The key is ASCII because the matcher segments non-ASCII text into grapheme
 * clusters first, which costs several times the scan itself on every comment.
 */
export interface MatchKey {
  readonly key: string;
  /** Offset in `key` of the bar that opens each character's token. */
  readonly tokenOffsets: readonly number[];
  /** UTF-16 range in the normalised text of each character. */
  readonly unitStarts: readonly number[];
  readonly unitEnds: readonly number[];
}

/** A lexicon phrase spelled like a {@link MatchKey}, and how many characters it spans. */
export interface PhraseKey {
  readonly key: string;
  readonly characters: number;
}

const hanPattern = /^\p{Script=Han}$/u;
const syllable = /^[a-z]+$/;
const toneless = { toneType: 'none', v: true } as const;
// One entry per distinct character ever seen, so bounded by the Han repertoire (under 100k).
const readings = new Map<number, string>();

function isHan(char: string, point: number): boolean {
  return (point >= 0x4e00 && point <= 0x9fff) || hanPattern.test(char);
}

// Code points from 0x80 up take two or more base-36 digits, so they never collide with ASCII.
function written(char: string, point: number): string {
  return point < 0x80 ? char : point.toString(36);
}

// Out of context a character reads as its most common reading (行 → xing); an evader picks a
// substitute by that reading, so it is the right one for the text side. Anything without a plain
// reading gets a token that only matches itself.
function readingOf(char: string, point: number): string {
  let reading = readings.get(point);
  if (reading === undefined) {
    const spoken = pinyin(char, toneless);
    reading = syllable.test(spoken) ? spoken : `#${written(char, point)}`;
    readings.set(point, reading);
  }
  return reading;
}

function spokenOther(char: string, point: number): string {
  return point < 0x80 ? char : `#${written(char, point)}`;
}

/**
 * Both keys of a normalised text; `sound` is undefined when not wanted or when the text has no
 * Chinese character, since then no phrase of two or more Chinese characters can sound like it.
 */
export function keysOfText(
  normalised: string,
  withSound: boolean,
): { writing: MatchKey; sound: MatchKey | undefined } {
  let writingKey = '|';
  let soundKey = '|';
  let han = false;
  const writingOffsets: number[] = [];
  const soundOffsets: number[] = [];
  const unitStarts: number[] = [];
  const unitEnds: number[] = [];
  for (let i = 0; i < normalised.length;) {
    const point = normalised.codePointAt(i) ?? 0;
    const width = point > 0xffff ? 2 : 1;
    const char = width === 1 ? normalised.charAt(i) : normalised.slice(i, i + 2);
    const chinese = isHan(char, point);
    han ||= chinese;
    writingOffsets.push(writingKey.length - 1);
    soundOffsets.push(soundKey.length - 1);
    unitStarts.push(i);
    unitEnds.push(i + width);
    writingKey += `${written(char, point)}|`;
    if (withSound) soundKey += `${chinese ? readingOf(char, point) : spokenOther(char, point)}|`;
    i += width;
  }
  const writing = { key: writingKey, tokenOffsets: writingOffsets, unitStarts, unitEnds };
  const sound =
    withSound && han ? { key: soundKey, tokenOffsets: soundOffsets, unitStarts, unitEnds } : undefined;
  return { writing, sound };
}

/** The key a normalised lexicon phrase is matched by writing with. */
export function writingOfPhrase(normalised: string): PhraseKey {
  const chars = [...normalised];
  return {
    key: `|${chars.map((c) => written(c, c.codePointAt(0) ?? 0)).join('|')}|`,
    characters: chars.length,
  };
}

/**
 * The key a normalised lexicon phrase is matched by sound with, read in context (银行 → yin hang),
 * or undefined for a phrase of fewer than two Chinese characters: one character by sound alone
 * (最 → zui) would match far too much.
 */
export function soundOfPhrase(normalised: string): PhraseKey | undefined {
  const chars = [...normalised];
  const points = chars.map((c) => c.codePointAt(0) ?? 0);
  if (chars.filter((c, k) => isHan(c, points[k] ?? 0)).length < 2) return undefined;
  const inContext = pinyin(normalised, { ...toneless, type: 'array' });
  const aligned = inContext.length === chars.length;
  const tokens = chars.map((char, k) => {
    const point = points[k] ?? 0;
    const reading = aligned && isHan(char, point) ? inContext[k] : undefined;
    if (reading !== undefined && syllable.test(reading)) return reading;
    return isHan(char, point) ? readingOf(char, point) : spokenOther(char, point);
  });
  return { key: `|${tokens.join('|')}|`, characters: chars.length };
}

/** The normalised-text range of a phrase match that starts at `offset` of `key` and spans `characters`. */
export function spanOf(
  key: MatchKey,
  offset: number,
  characters: number,
): { readonly start: number; readonly end: number } {
  const offsets = key.tokenOffsets;
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if ((offsets[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { start: key.unitStarts[low] ?? 0, end: key.unitEnds[low + characters - 1] ?? 0 };
}
