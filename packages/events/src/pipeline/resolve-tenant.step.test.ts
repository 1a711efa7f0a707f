import { describe, expect, it } from 'vitest';
import { resolveTenant } from './resolve-tenant.step.js';

const tenant = { orgId: 'org_a', defaultSource: 'douyin' };

describe('resolve organisation and source', () => {
  it('fills orgId from the key and source from the key when the event names none', () => {
    expect(resolveTenant({ id: 'e1' }, tenant)).toEqual({
      kind: 'ok',
      value: { id: 'e1', orgId: 'org_a', source: 'douyin' },
    });
  });

  it('keeps a source the event names and accepts its own orgId', () => {
    expect(resolveTenant({ id: 'e1', orgId: 'org_a', source: 'kuaishou' }, tenant)).toMatchObject({
      kind: 'ok',
      value: { orgId: 'org_a', source: 'kuaishou' },
    });
  });

  it('dead-letters an event that names another organisation instead of storing it there', () => {
    const result = resolveTenant({ id: 'e1', orgId: 'org_b' }, tenant);
    expect(result.kind === 'dead_letter' && result.reason).toMatch(/^org_mismatch/);
    expect(result.kind === 'dead_letter' && result.issues[0]?.path).toBe('orgId');
    expect(JSON.stringify(result)).not.toContain('org_b');
  });

  it('leaves source out when neither the event nor the key has one, for validation to report', () => {
    const result = resolveTenant({ id: 'e1' }, { orgId: 'org_a', defaultSource: null });
    expect(result).toEqual({ kind: 'ok', value: { id: 'e1', orgId: 'org_a' } });
  });

  it('dead-letters an item that is not an object', () => {
    for (const item of [null, 'text', 42, ['a']]) {
      expect(resolveTenant(item, tenant).kind).toBe('dead_letter');
    }
  });
});
