/** What the SDK reads from an HTTP answer. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
}

/** The one kind of request the SDK makes. */
export interface PostRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  keepalive: boolean;
  credentials: 'omit';
}

/** `fetch`, narrowed to what the SDK calls; rejects on a network error. */
export type FetchLike = (url: string, request: PostRequest) => Promise<HttpAnswer>;

/** `localStorage`; any call may throw (Safari private mode, storage disabled, quota). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The parts of `document` the SDK uses; `cookie` may throw in a sandboxed frame. */
export interface DocumentLike {
  cookie: string;
  readonly title: string;
  readonly referrer: string;
  readonly visibilityState?: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
}

export interface LocationLike {
  readonly href: string;
  readonly pathname: string;
  readonly search: string;
  readonly protocol: string;
}

/** Where `pagehide` is heard (the window). */
export interface PageHideTarget {
  addEventListener(type: 'pagehide', listener: () => void): void;
}

/**
 * Everything the SDK touches outside itself, so that it runs — and is tested — anywhere: a
 * browser (`browserEnvironment()`), a mini-program with its own request and storage APIs, or
 * Node with fakes. A missing capability is `undefined` and the SDK does without it.
 */
export interface Environment {
  fetch?: FetchLike | undefined;
  sendBeacon?: ((url: string, body: string) => boolean) | undefined;
  localStorage?: StorageLike | undefined;
  document?: DocumentLike | undefined;
  location?: LocationLike | undefined;
  window?: PageHideTarget | undefined;
  userAgent?: string | undefined;
  locale?: string | undefined;
  now: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  random: () => number;
  randomUUID?: (() => string) | undefined;
  getRandomValues?: ((bytes: Uint8Array) => void) | undefined;
}

/** The value of `read`, or undefined where reading it throws (a blocked storage, a sandbox). */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The current browser's APIs, each only if present. */
export function browserEnvironment(): Environment {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  const cryptoApi = typeof crypto === 'undefined' ? undefined : crypto;
  return {
    fetch: typeof fetch === 'function' ? (url, request) => fetch(url, request) : undefined,
    sendBeacon: typeof nav?.sendBeacon === 'function' ? (url, body) => nav.sendBeacon(url, body) : undefined,
    localStorage: attempt(() => localStorage),
    document: typeof document === 'undefined' ? undefined : document,
    location: typeof location === 'undefined' ? undefined : location,
    window: typeof window === 'undefined' ? undefined : window,
    userAgent: nav?.userAgent,
    locale: nav?.language,
    now: () => Date.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
    random: () => Math.random(),
    randomUUID: typeof cryptoApi?.randomUUID === 'function' ? () => cryptoApi.randomUUID() : undefined,
    getRandomValues:
      typeof cryptoApi?.getRandomValues === 'function'
        ? (bytes) => void cryptoApi.getRandomValues(bytes)
        : undefined,
  };
}
