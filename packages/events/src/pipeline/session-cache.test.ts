import { describe, expect, it } from 'vitest';
import { cacheSessionLookup } from './session-cache.js';
import type { LiveSessionFacts } from './session.step.js';

function counting(answers: Record<string, LiveSessionFacts | null>) {
  const asked: string[] = [];
  const lookup = async (orgId: string, sessionId: string) => {
    asked.push(`${orgId}/${sessionId}`);
    return answers[`${orgId}/${sessionId}`] ?? null;
  };
  return { asked, lookup };
}

describe('cacheSessionLookup', () => {
  it('asks once per organisation and session within the TTL, remembering "not known" too', async () => {
    let now = 0;
    const { asked, lookup } = counting({ 'org_a/ses_1': { accountId: 'acc_1' } });
    const cached = cacheSessionLookup(lookup, { ttlMs: 1000, maxEntries: 10, now: () => now });
    await expect(cached('org_a', 'ses_1')).resolves.toEqual({ accountId: 'acc_1' });
    await expect(cached('org_a', 'ses_1')).resolves.toEqual({ accountId: 'acc_1' });
    await expect(cached('org_a', 'ses_x')).resolves.toBeNull();
    await expect(cached('org_a', 'ses_x')).resolves.toBeNull();
    expect(asked).toEqual(['org_a/ses_1', 'org_a/ses_x']);
    now = 1000;
    await cached('org_a', 'ses_1');
    expect(asked).toEqual(['org_a/ses_1', 'org_a/ses_x', 'org_a/ses_1']);
  });

  it('never answers one organisation with another one’s session', async () => {
    const { asked, lookup } = counting({ 'org_a/ses_1': { accountId: 'acc_1' } });
    const cached = cacheSessionLookup(lookup, { ttlMs: 1000, maxEntries: 10, now: () => 0 });
    await cached('org_a', 'ses_1');
    await expect(cached('org_b', 'ses_1')).resolves.toBeNull();
    expect(asked).toEqual(['org_a/ses_1', 'org_b/ses_1']);
  });

  it('shares one pending question between concurrent callers', async () => {
    const { asked, lookup } = counting({});
    const cached = cacheSessionLookup(lookup, { ttlMs: 1000, maxEntries: 10, now: () => 0 });
    await Promise.all([cached('org_a', 'ses_1'), cached('org_a', 'ses_1'), cached('org_a', 'ses_1')]);
    expect(asked).toHaveLength(1);
  });

  it('keeps at most maxEntries answers, dropping the least recently used', async () => {
    const { asked, lookup } = counting({});
    const cached = cacheSessionLookup(lookup, { ttlMs: 1000, maxEntries: 2, now: () => 0 });
    await cached('org_a', 'ses_1');
    await cached('org_a', 'ses_2');
    await cached('org_a', 'ses_1');
    await cached('org_a', 'ses_3');
    await cached('org_a', 'ses_1');
    await cached('org_a', 'ses_2');
    expect(asked).toEqual(['org_a/ses_1', 'org_a/ses_2', 'org_a/ses_3', 'org_a/ses_2']);
  });

  it('forgets a failed question so that the next call asks again', async () => {
    let calls = 0;
    const cached = cacheSessionLookup(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('records unavailable');
        return { accountId: 'acc_1' };
      },
      { ttlMs: 1000, maxEntries: 10, now: () => 0 },
    );
    await expect(cached('org_a', 'ses_1')).rejects.toThrow('records unavailable');
    await expect(cached('org_a', 'ses_1')).resolves.toEqual({ accountId: 'acc_1' });
  });
});
