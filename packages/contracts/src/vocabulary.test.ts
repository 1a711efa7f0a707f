import { describe, expect, it } from 'vitest';
import { normaliseOrigin } from './vocabulary.js';

describe('normaliseOrigin', () => {
  it('spells an origin as browsers send it in Origin', () => {
    expect(normaliseOrigin('https://Shop.Example.com/')).toBe('https://shop.example.com');
    expect(normaliseOrigin('https://shop.example.com:443')).toBe('https://shop.example.com');
    expect(normaliseOrigin(' http://127.0.0.1:8080 ')).toBe('http://127.0.0.1:8080');
    expect(normaliseOrigin('http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(normaliseOrigin('*')).toBe('*');
  });

  it('refuses what is not an origin', () => {
    for (const value of [
      'shop.example.com',
      'https://shop.example.com/live',
      'https://shop.example.com?x=1',
      'https://user:pw@shop.example.com',
      'ftp://shop.example.com',
      'javascript:alert(1)',
      'null',
      '',
      'https://',
    ]) {
      expect(normaliseOrigin(value), value).toBeNull();
    }
  });
});
