import { attempt, type Environment } from './environment.js';
import { uuid } from './uuid.js';

/** Cookie and localStorage names; nothing else about the visitor is stored. */
export const anonymousIdKey = 'lc_anon';
export const userIdKey = 'lc_uid';
const oneYearS = 365 * 24 * 3600;

/** Who the visitor is, kept across pages and visits. */
export interface Identity {
  anonymousId(): string;
  userId(): string | undefined;
  setUserId(userId: string): void;
  /** Forgets the user id and starts a new anonymous id (a log-out on a shared device). */
  reset(): void;
}

/**
 * Ids kept in a first-party cookie and in localStorage, each written to both: ITP, cookie
 * cleaners, private modes and WebViews each take away one or the other, and whichever is
 * left restores the other on the next page. The cookie wins a disagreement, because with
 * `cookieDomain` it is the one shared across subdomains.
 */
export function createIdentity(env: Environment, cookieDomain?: string): Identity {
  const read = (key: string): string | undefined => readCookie(env, key) ?? readStorage(env, key);
  const write = (key: string, value: string | undefined): void => {
    writeCookie(env, key, value, cookieDomain);
    writeStorage(env, key, value);
  };
  let anonymousId = read(anonymousIdKey) ?? uuid(env);
  let userId = read(userIdKey);
  write(anonymousIdKey, anonymousId);
  if (userId !== undefined) write(userIdKey, userId);
  return {
    anonymousId: () => anonymousId,
    userId: () => userId,
    setUserId(id) {
      userId = id;
      write(userIdKey, id);
    },
    reset() {
      userId = undefined;
      write(userIdKey, undefined);
      anonymousId = uuid(env);
      write(anonymousIdKey, anonymousId);
    },
  };
}

/** An id as stored: non-empty text of at most 128 characters, the envelope's id limit. */
function idOrUndefined(value: string | null | undefined): string | undefined {
  return value && value.length <= 128 ? value : undefined;
}

function readCookie(env: Environment, key: string): string | undefined {
  const jar = attempt(() => env.document?.cookie) ?? '';
  for (const pair of jar.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === key) {
      return idOrUndefined(attempt(() => decodeURIComponent(pair.slice(eq + 1).trim())));
    }
  }
  return undefined;
}

/** A first-party cookie: a year, the whole site, Lax, Secure on https; `undefined` deletes it. */
function writeCookie(env: Environment, key: string, value: string | undefined, domain?: string): void {
  const document = env.document;
  if (!document) return;
  const secure = env.location?.protocol === 'https:' ? '; Secure' : '';
  const scope = domain ? `; Domain=${domain}` : '';
  const cookie =
    `${key}=${value === undefined ? '' : encodeURIComponent(value)}; Max-Age=${value === undefined ? 0 : oneYearS}` +
    `; Path=/; SameSite=Lax${secure}${scope}`;
  attempt(() => {
    document.cookie = cookie;
  });
}

function readStorage(env: Environment, key: string): string | undefined {
  return idOrUndefined(attempt(() => env.localStorage?.getItem(key)));
}

function writeStorage(env: Environment, key: string, value: string | undefined): void {
  attempt(() =>
    value === undefined ? env.localStorage?.removeItem(key) : env.localStorage?.setItem(key, value),
  );
}
