import type { Environment, HttpAnswer, PostRequest, StorageLike } from './environment.js';
import type { LiveCloudMessage } from './message.js';

/** A request body as the SDK sends it to `/v1/batch`. */
export interface SentBody {
  batch: LiveCloudMessage[];
  sentAt: string;
  writeKey: string;
}

export interface SentRequest {
  url: string;
  at: number;
  init: PostRequest;
  body: SentBody;
}

/** What the fake collector answers: a status (with a Retry-After), a network error, or silence. */
export type FakeAnswer = number | { status: number; retryAfter: string } | 'network-error' | 'hang';

/** A Map behind the localStorage API. */
export function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
  };
}

/** Safari's old private mode: reads find nothing, every write throws. */
export function quotaExceededStorage(): StorageLike {
  const fail = (): never => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { getItem: () => null, setItem: fail, removeItem: fail };
}

/** A browser cookie jar behind `document.cookie`: the last cookie string set per name is kept. */
export function cookieJar(): { cookie: string; set: Map<string, string> } {
  const values = new Map<string, string>();
  const set = new Map<string, string>();
  return {
    set,
    get cookie() {
      return [...values].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    set cookie(text: string) {
      const [pair = '', ...attributes] = text.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      set.set(name, text);
      if (attributes.some((attribute) => /^max-age=0$/i.test(attribute))) values.delete(name);
      else values.set(name, pair.slice(eq + 1));
    },
  };
}

export interface FakeOptions {
  href?: string;
  storage?: StorageLike | undefined;
  /** A cookie jar; `undefined` makes `document.cookie` throw, as in a sandboxed frame. */
  cookies?: { cookie: string } | undefined;
  sendBeacon?: boolean;
  /** Answers to fetch calls, in order; once used up, every call gets 200. */
  answers?: FakeAnswer[];
  /** Whether a beacon body is accepted (the browser's queue may refuse it). */
  beaconAccepts?: (body: string) => boolean;
}

/**
 * A browser made of fakes: a manual clock with timers, a recording fetch and sendBeacon,
 * storage, cookies, location and document. `advance(ms)` runs the timers due and lets the
 * promises they start settle.
 */
export function fakeEnvironment(options: FakeOptions = {}) {
  let now = Date.parse('2026-03-14T12:00:00.000Z');
  let nextTimer = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const requests: SentRequest[] = [];
  const beacons: { url: string; body: SentBody; bytes: number }[] = [];
  const answers = [...(options.answers ?? [])];
  const listeners: Record<'visibilitychange' | 'pagehide', (() => void)[]> = {
    visibilitychange: [],
    pagehide: [],
  };
  const url = new URL(
    options.href ?? 'https://shop.example.com/live/room-1?utm_source=wechat&utm_medium=social',
  );
  const cookies = 'cookies' in options ? options.cookies : cookieJar();
  const insecure = (): never => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  const document = {
    visibilityState: 'visible',
    title: 'Room 1',
    referrer: 'https://m.example.cn/',
    get cookie(): string {
      return cookies ? cookies.cookie : insecure();
    },
    set cookie(text: string) {
      if (!cookies) insecure();
      else cookies.cookie = text;
    },
    addEventListener: (_type: 'visibilitychange', listener: () => void): void => {
      listeners.visibilitychange.push(listener);
    },
  };
  const answer = (): Promise<HttpAnswer> => {
    const next = answers.shift() ?? 200;
    if (next === 'network-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (next === 'hang') return new Promise<HttpAnswer>(() => undefined);
    const { status, retryAfter } = typeof next === 'number' ? { status: next, retryAfter: null } : next;
    return Promise.resolve({
      status,
      headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? retryAfter : null) },
    });
  };

  const env: Environment = {
    fetch: (target, init) => {
      requests.push({ url: target, at: now, init, body: JSON.parse(init.body) as SentBody });
      return answer();
    },
    sendBeacon:
      options.sendBeacon === false
        ? undefined
        : (target, body) => {
            if (options.beaconAccepts && !options.beaconAccepts(body)) return false;
            beacons.push({ url: target, body: JSON.parse(body) as SentBody, bytes: Buffer.byteLength(body) });
            return true;
          },
    localStorage: 'storage' in options ? options.storage : memoryStorage(),
    document,
    location: { href: url.href, pathname: url.pathname, search: url.search, protocol: url.protocol },
    window: { addEventListener: (_type, listener) => void listeners.pagehide.push(listener) },
    userAgent: 'Mozilla/5.0 (iPhone) MicroMessenger/8.0',
    locale: 'zh-CN',
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    random: () => 0.5,
    randomUUID: () => crypto.randomUUID(),
  };

  /** Lets every pending promise (fetch answers, awaits) run. */
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

  return {
    env,
    document,
    requests,
    beacons,
    timers,
    /** Every message sent by fetch, in order. */
    sent: (): LiveCloudMessage[] => requests.flatMap((request) => request.body.batch),
    now: () => now,
    settle,
    /** Moves the clock on by `ms`, running each timer due at its time. */
    async advance(ms: number): Promise<void> {
      const until = now + ms;
      await settle();
      for (;;) {
        const due = [...timers].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        await settle();
      }
      now = until;
    },
    /** The tab goes to the background (visibilitychange to hidden), or the page is left (pagehide). */
    hide(event: 'visibilitychange' | 'pagehide' = 'visibilitychange'): void {
      if (event === 'visibilitychange') document.visibilityState = 'hidden';
      for (const listener of listeners[event]) listener();
    },
    /** The tab comes back to the foreground. */
    show(): void {
      document.visibilityState = 'visible';
      for (const listener of listeners.visibilitychange) listener();
    },
  };
}
