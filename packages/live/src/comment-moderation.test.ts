import { describe, expect, it } from 'vitest';
import { createCommentVerdicts, type CommentModeration } from './comment-moderation.js';

const flagged: CommentModeration = {
  flagged: true,
  hits: [
    {
      term: '最低价',
      category: 'absolute_term',
      severity: 'high',
      via: 'exact',
      start: 0,
      end: 3,
      matched: '最低价',
    },
  ],
};

describe('comment verdicts on the board', () => {
  it('checks each comment once, however often the board is read', () => {
    const asked: string[] = [];
    const verdictOf = createCommentVerdicts({
      moderator: (text) => {
        asked.push(text);
        return text.includes('最低价') ? flagged : { flagged: false, hits: [] };
      },
    });
    for (let read = 0; read < 3; read++) {
      expect(verdictOf({ id: 'c1', text: '最低价吗' })).toEqual(flagged);
      expect(verdictOf({ id: 'c2', text: '好看' })).toEqual({ flagged: false, hits: [] });
    }
    expect(asked).toEqual(['最低价吗', '好看']);
  });

  it('says "not checked" (null) without a moderator, never a made-up clean verdict', () => {
    expect(createCommentVerdicts({})({ id: 'c1', text: '最低价' })).toBeNull();
  });

  it('leaves a comment unchecked when the moderator fails, and tries again on the next read', () => {
    let fail = true;
    const verdictOf = createCommentVerdicts({
      moderator: () => {
        if (fail) throw new Error('lexicon broken');
        return flagged;
      },
    });
    expect(verdictOf({ id: 'c1', text: '最低价' })).toBeNull();
    fail = false;
    expect(verdictOf({ id: 'c1', text: '最低价' })).toEqual(flagged);
  });
});
