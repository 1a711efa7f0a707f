import { afterEach, describe, expect, it } from 'vitest';
import { createLiveCloud } from './client.js';
import { browserEnvironment } from './environment.js';

afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('browserEnvironment', () => {
  it('takes only what exists: in Node there is fetch but no document or location', () => {
    const env = browserEnvironment();
    expect(env.fetch).toBeTypeOf('function');
    expect(env.randomUUID?.()).toMatch(/^[0-9a-f-]{36}$/);
    expect([env.document, env.location, env.window]).toEqual([undefined, undefined, undefined]);
  });

  it('treats a localStorage that throws on access (storage blocked) as missing', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(browserEnvironment().localStorage).toBeUndefined();
  });

  it('is the default, and a client made outside a browser still works', () => {
    const client = createLiveCloud({ writeKey: 'lc_wk_test', endpoint: 'http://127.0.0.1:9' });
    expect(client.anonymousId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(client.stats().queued).toBe(0);
  });
});
