import { attempt, type Environment } from './environment.js';

/**
 * A random (version 4) UUID. `crypto.randomUUID` exists only in secure contexts of newer
 * browsers, so plain-http pages and old WebViews build one from `getRandomValues`, or from
 * `Math.random` where even that is missing.
 */
export function uuid(env: Pick<Environment, 'randomUUID' | 'getRandomValues' | 'random'>): string {
  const native = env.randomUUID && attempt(env.randomUUID);
  if (native) return native;
  const bytes = new Uint8Array(16);
  if (env.getRandomValues) env.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(env.random() * 256);
  let text = '';
  bytes.forEach((byte, i) => {
    // The version nibble (4) and the RFC 4122 variant bits (10xx).
    const value = i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte;
    text += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + (value + 256).toString(16).slice(1);
  });
  return text;
}
