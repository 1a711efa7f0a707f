import { describe, expect, it } from 'vitest';
import { boundedErrorSerializer, maxLoggedFieldChars } from './logger.js';

describe('boundedErrorSerializer', () => {
  it('cuts a huge message and omits a huge field, keeping the type and the start', () => {
    const error = Object.assign(new Error('x'.repeat(12 * 1024 * 1024)), {
      query: { sql: 'y'.repeat(100_000) },
    });
    const logged = boundedErrorSerializer(error);
    expect(JSON.stringify(logged).length).toBeLessThan(4 * maxLoggedFieldChars);
    expect(logged['type']).toBe('Error');
    expect(String(logged['message'])).toMatch(/^x{4096}… \[\d+ more characters\]$/);
    expect(logged['query']).toMatch(/^\[omitted: \d+ characters\]$/);
  });

  it('leaves an ordinary error as pino shows it', () => {
    const logged = boundedErrorSerializer(Object.assign(new Error('boom'), { code: 'E1' }));
    expect(logged).toMatchObject({ type: 'Error', message: 'boom', code: 'E1' });
  });
});
