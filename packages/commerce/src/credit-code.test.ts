import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code.js';

describe('unified social credit code check character', () => {
  it('accepts codes whose last character is the GB 32100 check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110108551385082Q')).toBe(true);
  });

  it('rejects a code with the wrong check character', () => {
    expect(isValidCreditCode('91330106MA2B123451')).toBe(false);
    expect(creditCodeCheckChar('91330106MA2B12345')).not.toBe('1');
  });

  it('rejects characters outside the charset, such as the letter O', () => {
    expect(isValidCreditCode('91330106MA2DEMO001')).toBe(false);
    expect(creditCodeCheckChar('91330106MA2DEMO00')).toBeNull();
  });

  it('maps a remainder of 0 to the check character 0', () => {
    // 17 zeros weigh 0, so 31 − 0 = 31 and the check character is 0.
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects codes of another length', () => {
    expect(isValidCreditCode('91330106MA2B12345')).toBe(false);
    expect(creditCodeCheckChar('123')).toBeNull();
  });
});
