import { commentLexicon } from '@livecloud/platforms';
import { describe, expect, it } from 'vitest';
import { createModerator } from './moderator.js';

// The simulator marks each comment it can write with the verdict a moderator should reach, so
// the demo's big screen and this lexicon cannot drift apart unnoticed.
describe('the default moderator on the simulator’s comments', () => {
  const moderator = createModerator();

  it('flags every comment the simulator writes as a violation, in the category it names', () => {
    const violations = commentLexicon.filter((c) => c.flag !== null);
    expect(violations.length).toBeGreaterThan(5);
    for (const comment of violations) {
      const categories = moderator.check(comment.text).hits.map((hit) => hit.category);
      expect(categories, comment.text).toContain(comment.flag);
    }
  });

  it('flags none of its innocent comments', () => {
    const innocent = commentLexicon.filter((c) => c.flag === null);
    expect(innocent.length).toBeGreaterThan(30);
    const flagged = innocent.filter((c) => moderator.check(c.text).flagged).map((c) => c.text);
    expect(flagged).toEqual([]);
  });
});
