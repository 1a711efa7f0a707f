import { Converter } from 'opencc-js/t2cn';

/** A text prepared for lexicon matching, with the way back to the original positions. */
export interface NormalisedText {
  /** Lower-case, NFKC, simplified Chinese, only letters, digits and `%`. */
  readonly text: string;
  /** For each UTF-16 unit of `text`, the offset in the original where its source character starts. */
  readonly starts: readonly number[];
  /** For each UTF-16 unit of `text`, the offset in the original just past its source character. */
  readonly ends: readonly number[];
}

// `%` is kept because 100% is itself a banned absolute claim; everything else that is neither a letter
// nor a digit (punctuation, spaces, emoji, zero-width and combining characters) is evasion padding.
const kept = /^[\p{L}\p{N}%]$/u;

let toSimplified: ((text: string) => string) | undefined;

// Built on first use: loading the dictionaries takes tens of milliseconds, once per process.
function simplified(text: string): string {
  toSimplified ??= Converter({ from: 'hk', to: 'cn' });
  return toSimplified(text);
}

function isAsciiKept(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x25;
}

/**
 * Normalises a text for moderation so that evasive spellings read like the lexicon: NFKC (full-width
 * letters, digits and punctuation become half-width), lower-case, traditional → simplified Chinese,
 * and every character that is not a letter, a digit or `%` removed (so 最*好, 最 好 and 最\u200b好 all
 * read 最好). Each character is mapped on its own, so `starts`/`ends` lead every unit of the result
 * back to the original character it came from.
 */
export function normaliseForModeration(text: string): NormalisedText {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  // Only a result with non-ASCII characters can hold traditional Chinese.
  let ascii = true;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      if (isAsciiKept(lower)) {
        out += String.fromCharCode(lower);
        starts.push(i);
        ends.push(i + 1);
      }
      i += 1;
      continue;
    }
    if (code >= 0x4e00 && code <= 0x9fff) {
      // CJK Unified Ideographs are already NFKC and case-less: the hot path of a Chinese comment.
      ascii = false;
      out += text[i];
      starts.push(i);
      ends.push(i + 1);
      i += 1;
      continue;
    }
    const point = text.codePointAt(i) ?? code;
    const width = point > 0xffff ? 2 : 1;
    for (const piece of String.fromCodePoint(point).normalize('NFKC').toLowerCase()) {
      if (!kept.test(piece)) continue;
      if (piece.charCodeAt(0) >= 0x80) ascii = false;
      out += piece;
      for (let unit = 0; unit < piece.length; unit++) {
        starts.push(i);
        ends.push(i + width);
      }
    }
    i += width;
  }
  if (ascii || out.length === 0) return { text: out, starts, ends };
  const converted = simplified(out);
  // OpenCC converts phrase by phrase; should a phrase change length the map would drift, so then
  // convert character by character, keeping any character whose conversion changes its length.
  if (converted.length === out.length) return { text: converted, starts, ends };
  let characterwise = '';
  for (const char of out) {
    const one = simplified(char);
    characterwise += one.length === char.length ? one : char;
  }
  return { text: characterwise, starts, ends };
}

/** Maps a half-open range of {@link NormalisedText.text} back to the original text. */
export function toOriginalRange(
  normalised: NormalisedText,
  start: number,
  end: number,
): { start: number; end: number } {
  return { start: normalised.starts[start] ?? 0, end: normalised.ends[end - 1] ?? 0 };
}
