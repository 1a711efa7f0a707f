import { describe, expect, it } from 'vitest';
import type { StorageLike } from './environment.js';
import { cookieJar, fakeEnvironment, memoryStorage, quotaExceededStorage } from './fake-environment.js';
import { anonymousIdKey, createIdentity, userIdKey } from './identity.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function browser(
  options: {
    storage?: StorageLike | undefined;
    cookies?: ReturnType<typeof cookieJar> | undefined;
    href?: string;
  } = {},
) {
  const storage = 'storage' in options ? options.storage : memoryStorage();
  const cookies = 'cookies' in options ? options.cookies : cookieJar();
  return { env: fakeEnvironment({ ...options, storage, cookies }).env, storage, cookies };
}

describe('identity', () => {
  it('gives a new visitor a random anonymous id, kept in a first-party cookie and localStorage', () => {
    const storage = memoryStorage();
    const cookies = cookieJar();
    const identity = createIdentity(browser({ storage, cookies }).env);

    expect(identity.anonymousId()).toMatch(uuidPattern);
    expect(identity.userId()).toBeUndefined();
    expect(storage.map.get(anonymousIdKey)).toBe(identity.anonymousId());
    expect(cookies.set.get(anonymousIdKey)).toBe(
      `lc_anon=${identity.anonymousId()}; Max-Age=31536000; Path=/; SameSite=Lax; Secure`,
    );
  });

  it('leaves Secure off on http and sets the cookie domain when asked', () => {
    const cookies = cookieJar();
    createIdentity(browser({ cookies, href: 'http://shop.example.com/' }).env, 'example.com');
    expect(cookies.set.get(anonymousIdKey)).toMatch(
      /; Max-Age=31536000; Path=\/; SameSite=Lax; Domain=example\.com$/,
    );
  });

  it('recognises a returning visitor by the cookie, and by localStorage when the cookie was cleared', () => {
    const storage = memoryStorage();
    const cookies = cookieJar();
    const first = createIdentity(browser({ storage, cookies }).env);

    expect(createIdentity(browser({ storage, cookies }).env).anonymousId()).toBe(first.anonymousId());

    const cookieCleared = cookieJar();
    expect(createIdentity(browser({ storage, cookies: cookieCleared }).env).anonymousId()).toBe(
      first.anonymousId(),
    );
    expect(cookieCleared.cookie).toBe(`lc_anon=${first.anonymousId()}`);

    const storageCleared = memoryStorage();
    expect(createIdentity(browser({ storage: storageCleared, cookies }).env).anonymousId()).toBe(
      first.anonymousId(),
    );
    expect(storageCleared.map.get(anonymousIdKey)).toBe(first.anonymousId());
  });

  it('prefers the cookie when cookie and localStorage disagree (it is the one shared across subdomains)', () => {
    const storage = memoryStorage();
    const cookies = cookieJar();
    storage.map.set(anonymousIdKey, 'from-storage');
    cookies.cookie = 'lc_anon=from-cookie; Path=/';
    expect(createIdentity(browser({ storage, cookies }).env).anonymousId()).toBe('from-cookie');
    expect(storage.map.get(anonymousIdKey)).toBe('from-cookie');
  });

  it('keeps the id in the cookie when localStorage throws (Safari private mode)', () => {
    const cookies = cookieJar();
    const first = createIdentity(browser({ storage: quotaExceededStorage(), cookies }).env);
    first.setUserId('u-1');
    const next = createIdentity(browser({ storage: quotaExceededStorage(), cookies }).env);
    expect(next.anonymousId()).toBe(first.anonymousId());
    expect(next.userId()).toBe('u-1');
  });

  it('keeps the id in localStorage when document.cookie throws (a sandboxed frame)', () => {
    const storage = memoryStorage();
    const first = createIdentity(browser({ storage, cookies: undefined }).env);
    first.setUserId('u-1');
    const next = createIdentity(browser({ storage, cookies: undefined }).env);
    expect(next.anonymousId()).toBe(first.anonymousId());
    expect(next.userId()).toBe('u-1');
  });

  it('lasts the page in memory when neither cookies nor storage work', () => {
    const identity = createIdentity(browser({ storage: undefined, cookies: undefined }).env);
    expect(identity.anonymousId()).toMatch(uuidPattern);
    expect(identity.anonymousId()).toBe(identity.anonymousId());
  });

  it('keeps the user id both ways, and reset() deletes it and starts a new anonymous id', () => {
    const storage = memoryStorage();
    const cookies = cookieJar();
    const identity = createIdentity(browser({ storage, cookies }).env);
    const anonymous = identity.anonymousId();
    identity.setUserId('user 42/中');
    expect(storage.map.get(userIdKey)).toBe('user 42/中');
    expect(cookies.cookie).toContain(`lc_uid=${encodeURIComponent('user 42/中')}`);
    expect(createIdentity(browser({ storage: memoryStorage(), cookies }).env).userId()).toBe('user 42/中');

    identity.reset();
    expect(identity.userId()).toBeUndefined();
    expect(identity.anonymousId()).not.toBe(anonymous);
    expect(storage.map.has(userIdKey)).toBe(false);
    expect(cookies.set.get(userIdKey)).toMatch(/^lc_uid=; Max-Age=0;/);
    expect(cookies.cookie).toBe(`lc_anon=${identity.anonymousId()}`);
    expect(createIdentity(browser({ storage, cookies }).env).userId()).toBeUndefined();
  });

  it('ignores a stored id that is empty, longer than 128 characters or badly encoded', () => {
    for (const stored of ['', 'x'.repeat(129), '%E0%A4%A']) {
      const cookies = cookieJar();
      cookies.cookie = `lc_anon=${stored}`;
      expect(createIdentity(browser({ storage: undefined, cookies }).env).anonymousId()).toMatch(uuidPattern);
    }
  });
});
