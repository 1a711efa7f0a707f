import { describe, expect, it } from 'vitest';
import { licenceNoSchema } from './merchant.schema.js';

describe('licence number', () => {
  it('refuses a credit code whose check character is wrong, with a code the web translates', () => {
    const result = licenceNoSchema.safeParse('91330106MA2B123451');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', params: { code: 'credit_code_check' } }),
    ]);
  });

  it('accepts a valid credit code in any case, and the older 15-digit registration number', () => {
    expect(licenceNoSchema.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(licenceNoSchema.parse('330106000123456')).toBe('330106000123456');
  });

  it('reports a code of the wrong shape as a format issue only', () => {
    const result = licenceNoSchema.safeParse('91330106MA2DEMO001');
    expect(result.error?.issues.map((i) => i.code)).toEqual(['invalid_format']);
  });
});
